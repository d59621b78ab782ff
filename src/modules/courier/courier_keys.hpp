#pragma once
// The courier module's sealer (ADR 0017): personal fields of senders, receivers and staff sealed with SM4 under
// DeriveKey(master, "courier.fields"), blind indexes under "courier.blind_index". Installed once at start-up
// (Module::Prepare) before other threads run; Sealer() before InstallKeys throws std::logic_error (personal data
// must never be stored in the clear). Thread-safe after installation.
#include <string_view>

#include "common/sealed_fields.hpp"

namespace jw::courier {
void InstallKeys(std::string_view master_key);
const FieldSealer& Sealer();
// The bulk API keys of companies are sealed with their own purpose, so that the field key opens no API key.
const FieldSealer& ApiKeySealer();
}  // namespace jw::courier
