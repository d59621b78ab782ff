#pragma once
// All SQL of the organisations registry (tables of auth migration 005, ADR 0051). Functions take the connection
// they run on. Errors are the database's: NotFound("organisation") for a missing row, Conflict for a duplicate code.

#include <utility>
#include <vector>

#include "orgs/org.hpp"
#include "storage/database.hpp"

namespace jw::orgs::repo {

using storage::Connection;

Result<int64_t> InsertOrg(Connection& c, const Organisation& o, int64_t now);
Status UpdateOrg(Connection& c, const Organisation& o, int64_t now);  // every field but kind, code and parent
Result<Organisation> GetOrg(Connection& c, int64_t id);
// A page of organisations by kind and name, with the number matching and each one's active accounts.
Result<std::pair<std::vector<Organisation>, int64_t>> ListOrgs(Connection& c, const OrgQuery& q);

Status InsertChange(Connection& c, const OrgChange& change, int64_t org_id);
Result<std::vector<OrgChange>> ListChanges(Connection& c, int64_t org_id);  // oldest first

// The next six-digit account number after the largest taken in [from, to] (external accounts, ADR 0051).
// Error: InvalidArgument account_no=exhausted when the range is full.
Result<std::string> NextAccountNo(Connection& c, int from, int to);
// Ends every session of the organisation's accounts (when it is suspended).
Status DeleteOrgSessions(Connection& c, int64_t org_id);

}  // namespace jw::orgs::repo
