#pragma once
// The property module's keys, derived from the master key once at start-up (Module::Prepare; tests call
// InstallKeys themselves): the custody chain key DeriveKey(master, "property.chain") and the sealer of the owner's
// name ("property" purpose). Reading before InstallKeys aborts (a wiring bug). Thread-safe after installation.

#include <string>
#include <string_view>

#include "common/sealed_fields.hpp"

namespace jw::property {

void InstallKeys(std::string_view master);
const std::string& ChainKey();
const FieldSealer& Sealer();

}  // namespace jw::property
