#pragma once
// The master index's own sections of the person page (dossier.hpp): residence (10), moves (20), houses owned or
// rented (30), units where the person is legal representative or security contact (40). Houses and units of
// another unit's area outside the reader's scope are counted in "hidden", not shown.

#include "community/dossier/dossier.hpp"

namespace jw::community::dossier {

// Adds the four providers to `registry`.
void AddCommunitySections(Registry& registry);

}  // namespace jw::community::dossier
