#pragma once
// JSON of the work records for the HTTP routes (docs/api/community_work.md) and the body readers they share.
// Names of people are masked (MaskName) in every reply: the work lists are for counting and follow-up, and
// the person's page (with a stated purpose) is where a name is read whole. Not thread-safe per call; pure.

#include <map>
#include <optional>
#include <string>

#include "common/json_util.hpp"
#include "common/status.hpp"
#include "community/work/work.hpp"

namespace jw::community {

using PeopleNameMap = std::map<int64_t, std::string>;

Json VisitJson(const Visit& v, const PeopleNameMap& names);
Json PatrolJson(const Patrol& p);
// `detail` adds the summary and the agreement text.
Json MediationJson(const Mediation& m, const PeopleNameMap& names, bool detail);
Json TaskJson(const Task& t, int64_t now);

// An optional coordinate in [min, max] (a JSON number). Fails `in` with {name: invalid_number | out_of_range}.
std::optional<double> ReadCoordinate(const Json& body, JsonReader& in, const char* name, double min, double max);
// An optional instant (see http/params.hpp ParseInstant). Fails `in` with {name: invalid_time}.
std::optional<int64_t> ReadInstant(JsonReader& in, const char* name, bool required);
// An optional list of positive ids (JSON numbers or digit strings). Fails `in` with {name: invalid_id_list}.
std::vector<int64_t> ReadIds(const Json& body, JsonReader& in, const char* name, size_t max_items);

}  // namespace jw::community
