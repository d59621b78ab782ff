#pragma once
// The community module's sealer (ADR 0017, common/sealed_fields.hpp): personal fields of the master index (ID
// numbers, phones, household-registration addresses, grid members' phones) are sealed with the keys of purpose
// "community" (DeriveKey(master, "community.fields") and "community.blind_index"), independent of the cases
// module's keys. The platform hands the master key over once at start-up (CommunityModule::Prepare →
// InstallKeys) before any request is served.
//
// Thread safety: InstallKeys once at start-up, before other threads run (later calls replace the keys and are
// for tests only). Sealer() before InstallKeys is a broken invariant and throws std::logic_error: a server must
// never quietly store personal data in the clear.

#include <string_view>

#include "common/sealed_fields.hpp"

namespace jw::community {

void InstallKeys(std::string_view master_key);
const FieldSealer& Sealer();

}  // namespace jw::community
