#pragma once
// Helpers shared by the service's source files (case_service.cpp, case_records.cpp). Not a public contract.

#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "cases/case.hpp"
#include "storage/database.hpp"

namespace jw::cases::internal {

bool HasRole(const auth::Principal& actor, const std::string& role);
// Whether the actor may read the case: handling unit in scope, or a legal reviewer (county-wide office).
bool CanSee(const auth::Principal& actor, const Case& k);
// The case for an edit: in the actor's unit scope, not closed, at `expected_version` (errors as in
// case_service.hpp).
Result<Case> LoadForWrite(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                          int64_t expected_version);
// Stores `k` (version + 1) and appends a "record" event (no state change) describing the edit.
Status SaveWithRecord(storage::Connection& c, const auth::Principal& actor, Case& k, int64_t expected_version,
                      const std::string& action, const std::string& data_json, std::optional<int64_t> person_id,
                      int64_t now);
// A reporter or victim with a mobile phone.
bool WantsQueryCode(const Person& p);
// Revokes the person's live codes, stores a new one and queues the SMS. Returns the new code's row.
Result<QueryCode> SendQueryCode(storage::Connection& c, const Case& k, const Person& p, int64_t now);

}  // namespace jw::cases::internal
