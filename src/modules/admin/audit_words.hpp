#pragma once
// What the audit administrator reads, in their language (ADR 0045): action names, details, results and objects
// worded from the message catalogue, and the search box's text turned into the codes and people it names.

#include <map>
#include <string>

#include "audit/audit_log.hpp"
#include "audit/audit_search.hpp"
#include "common/messages.hpp"
#include "storage/database.hpp"

namespace jw::admin {

// "audit.action.<action>" when the catalogue names it; else the module's and the verb's words
// ("audit.module.<first part>", "audit.verb.<last part>"); else the code itself.
std::string ActionName(const std::string& action, Lang lang);
// ok | denied | failed | invalid in words.
std::string ResultName(const std::string& result, Lang lang);

// People an audit page mentions (the actors and the users that are objects), by user id: "name（username）".
using PeopleNames = std::map<int64_t, std::string>;
Result<PeopleNames> NamesOf(storage::Connection& c, const std::vector<audit::AuditRecord>& records);
// The object as the reader knows it: "user:42" → the user's words, else as stored.
std::string ObjectText(const std::string& object, const PeopleNames& people, Lang lang);

// The codes and people whose words in `lang` contain `text` (ASCII case-insensitively). Errors: the database's.
Result<audit::TextMatch> MatchFor(storage::Connection& c, const std::string& text, Lang lang);

}  // namespace jw::admin
