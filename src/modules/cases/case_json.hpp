#pragma once
// The cases API's JSON (docs/http_api.md "## Cases"): views of the domain structs, personal data masked, and
// the strict parsing of request bodies (every bad field named, e.g. "people[1].id_number"). Pure; thread-safe.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cases/case.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_service.hpp"
#include "cases/deadlines/deadline_engine.hpp"
#include "cases/lifecycle.hpp"
#include "common/json_util.hpp"

namespace jw::cases {

using Officers = std::map<int64_t, repo::Officer>;

Json TimeOrNull(int64_t t);
Json OfficerRef(const Officers& officers, int64_t id);
// Masked: name 张*, id number 519901********1234, phone 138****5678, address "" (only in the full record).
Json PersonMaskedJson(const Person& p, bool has_query_code);
Json PersonFullJson(const Person& p);
Json EventJson(const CaseEvent& e, const Officers& officers);
Json SummaryJson(const Case& k, const deadlines::Clock* next_deadline);

struct CaseView {
    const Case& kase;
    const std::vector<CaseEvent>& events;
    const std::vector<deadlines::Clock>& clocks;
    std::optional<std::string> clocks_error;  // the engine refused the stored events (shown, never hidden)
    const std::vector<const Transition*>& actions;
    const std::vector<QueryCode>& codes;
    const Officers& officers;
};
Json CaseJson(const CaseView& v);

Json TransitionJson(const Transition& t);

// "2026-01-05T09:30:00Z" or with an offset ("+08:00"). Error: InvalidArgument {field: bad_time}.
Result<int64_t> ParseInstant(const Json& value, const std::string& field);

// Request bodies. Each returns InvalidArgument naming every bad field.
Result<NewCase> ParseNewCase(const Json& body);
Result<Person> ParsePerson(const Json& body, const std::string& prefix, bool partial, const Person& base);
Result<ActionInput> ParseActionInput(const Json& body);
Result<CaseEdit> ParseCaseEdit(const Json& body);

}  // namespace jw::cases
