// MayBeListed (listed_filter.hpp): the subjects' document indexes against the active entries in one statement.
#include "personwatch/check/listed_filter.hpp"

#include <unordered_set>

#include "community/people/person_identity.hpp"
#include "personwatch/personwatch_keys.hpp"
#include "storage/in_list.hpp"

namespace jw::personwatch {

Result<std::vector<bool>> MayBeListed(storage::Connection& c, const std::vector<CheckSubject>& who, int64_t now) {
    std::vector<bool> out(who.size(), true);
    std::vector<std::string> index(who.size());
    std::vector<std::string> keys;
    for (size_t i = 0; i < who.size(); ++i) {
        if (who[i].id_number.empty()) continue;  // by name + birth date: CheckIdentity decides
        auto id = community::NormaliseIdentity(who[i].id_kind, who[i].id_number, who[i].nationality);
        if (!id.ok()) continue;  // CheckIdentity refuses it with the field named
        index[i] = IdIndex(id->id_kind, id->nationality, id->number);
        keys.push_back(index[i]);
    }
    // The same predicate as FindActive's (status active, valid at now), for all indexes at once (one JSON-array
    // parameter: a post's thousand senders in one statement without a thousand placeholders).
    storage::Params params{storage::V(now), storage::V(now)};
    const std::string in = storage::InFilterOneParam(c.dialect(), "id_index", keys, params);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT DISTINCT id_index FROM personwatch_entries WHERE status = 'active' "
                                           "AND valid_from <= ? AND valid_to > ? AND " +
                                               in,
                                           params));
    std::unordered_set<std::string> listed;
    for (const auto& r : rows) listed.insert(r.Str(0));
    for (size_t i = 0; i < who.size(); ++i)
        if (!index[i].empty()) out[i] = listed.count(index[i]) > 0;
    return out;
}

}  // namespace jw::personwatch
