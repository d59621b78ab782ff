#pragma once
// The JSON contract of `jingwu discretion decide` and POST /api/v1/discretion/decide (issue 3): parsing a
// request strictly (unknown fields rejected, every problem named by its field path) and writing a decision.
// Pure functions; thread-safe.

#include <string_view>

#include "common/json_util.hpp"
#include "discretion/engine.hpp"

namespace jw::discretion {

// Errors: InvalidArgument whose fields name every offending field ("offender.birth_date",
// "violations[0].pick", ...).
Result<DecisionRequest> ParseDecisionRequest(std::string_view body);
Json DecisionToJson(const Decision& decision);
Json TierKeyToJson(const TierKey& key);
// {"id","code","version","content_hash","sample"}: recorded in every decision.
Json EditionRefToJson(const EditionRef& edition);
// GET /discretion/aggravations: the aggravating paragraphs of `law` ("" = both) with the facts each tests, and the
// fact vocabulary {name, type, name_zh, min?, max?} (ADR 0022).
Json AggravationRulesToJson(const Catalogue& catalogue, const std::string& law);
// {"code","message","fields"} for a failed request.
Json ErrorToJson(const Status& status);

// Parse + decide with the embedded catalogue (edition SAMPLE-1 v1). A request naming "edition_id" is
// InvalidArgument: stored editions live in the database, which only the server reads.
Result<Json> DecideJson(std::string_view body);

}  // namespace jw::discretion
