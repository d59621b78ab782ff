#pragma once
// The centre's keys (ADR 0017, 0058). The complainant's name, phone and ID number are sealed with the FieldSealer
// of purpose "servicedesk"; blind indexes "phone" (NormalisePhone) and "id" (NormaliseIdNumber) find the same
// complainant for duplicate detection. The public query code of a ticket is stored as HMAC-SM3 under
// DeriveKey(master, "servicedesk.query_code") over ticket_no|code. No key is in the database.
// Thread safety: InstallKeys once at start-up (Module::Prepare; tests may call it again); the rest is
// thread-safe. Using a key before InstallKeys throws std::logic_error.
#include <string>
#include <string_view>

#include "common/sealed_fields.hpp"

namespace jw::servicedesk {

void InstallKeys(std::string_view master_key);
const FieldSealer& Sealer();
std::string PhoneIndex(std::string_view phone);   // "" for ""
std::string IdIndex(std::string_view id_number);  // "" for ""
std::string QueryCodeHash(std::string_view ticket_no, std::string_view code);
std::string NewQueryCode();  // 8 characters of an alphabet without look-alikes

}  // namespace jw::servicedesk
