#pragma once
// The organisations' phone numbers at rest (ADR 0017): "sm4:" + hex(IV ‖ SM4-CBC) under DeriveKey(master,
// "community.fields"), the community module's field key (the same stored form and key as jw::FieldSealer with
// purpose "community", which the people part brings; this file goes when that lands on main).
// InstallOrgKeys once at start-up (Module::Prepare) before other threads run; the rest is thread-safe. Using them
// before InstallOrgKeys throws std::logic_error (never store personal data in the clear).

#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::community {

void InstallOrgKeys(std::string_view master_key);
std::string SealOrgField(std::string_view plain);  // "" stays ""
// Internal "community_orgs: a field cannot be decrypted (wrong key file?)" on a value this key did not seal.
Result<std::string> OpenOrgField(std::string_view stored);

}  // namespace jw::community
