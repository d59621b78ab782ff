#pragma once
// Searching the audit log by what the auditor reads (ADR 0045): one box that finds a record by the words of its
// action and detail in the reader's language, by the user who acted or was acted on (username, real name, police
// number), or by its object. The words live in the message catalogue, the people in the auth tables; the caller
// turns the typed text into the codes and ids below, and this layer only matches stored columns, so old rows
// (English prose details, chain 1) are found and nothing stored is rewritten.
//
// Thread safety: the Connection rules of storage/database.hpp.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit_log.hpp"

namespace jw::audit {

struct TextMatch {
    std::string text;                         // LIKE-matched against username, object and detail as stored
    std::vector<std::string> actions;         // action codes whose words contain the text
    std::vector<int64_t> user_ids;            // people whose names contain it: the actor, or the object user:<id>
    std::vector<std::string> detail_codes;    // catalogue codes whose words contain it ("msg" of a detail)
    std::vector<std::string> legacy_details;  // whole stored details of older rows whose words contain it
};

// The records matching `f` and, when `m.text` is not empty, any one of `m`'s conditions; newest first, paged as
// `f` says, with the total. Errors: the database's.
Result<std::pair<std::vector<AuditRecord>, int64_t>> SearchText(storage::Connection& conn, const AuditFilter& f,
                                                                const TextMatch& m);

// Every action code the log holds (the search box matches the words of these). Errors: the database's.
Result<std::vector<std::string>> DistinctActions(storage::Connection& conn);

}  // namespace jw::audit
