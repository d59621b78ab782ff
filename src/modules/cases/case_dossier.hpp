#pragma once
// The cases module's section of the person page (community/dossier/dossier.hpp): the cases in which the person is a
// party, through case_people.person_id (case_links.hpp). Cases outside the reader's scope (case_service.hpp's rule:
// the handling unit in scope, or a legal reviewer) are counted in "hidden", not shown. Order 100.

#include <memory>

#include "community/dossier/dossier.hpp"

namespace jw::cases {

std::unique_ptr<community::dossier::SectionProvider> MakeDossierSection();

}  // namespace jw::cases
