#include "units/history.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace jw::units {
namespace {

bool ValidAt(const repo::UnitVersion& v, int64_t at) { return v.valid_from <= at && (!v.valid_to || *v.valid_to > at); }

Result<bool> LiveAt(storage::Connection& c, int64_t unit_id, int64_t at) {
    auto v = UnitAsOf(c, unit_id, at);
    if (v.ok()) return true;
    if (v.status().code() == ErrorCode::kNotFound) return false;
    return v.status();
}

}  // namespace

Result<repo::UnitVersion> UnitAsOf(storage::Connection& c, int64_t unit_id, int64_t at) {
    JW_ASSIGN_OR_RETURN(auto versions, repo::VersionsOf(c, unit_id));
    for (const auto& v : versions)
        if (ValidAt(v, at)) return v;
    return Status::NotFound("unit");
}

Result<std::vector<repo::UnitVersion>> StructureAt(storage::Connection& c, int64_t at) {
    JW_ASSIGN_OR_RETURN(auto all, repo::AllVersions(c));
    std::vector<repo::UnitVersion> out;
    for (auto& v : all)
        if (ValidAt(v, at)) out.push_back(std::move(v));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    return out;
}

Result<std::vector<int64_t>> SuccessorsOf(storage::Connection& c, int64_t unit_id, int64_t at) {
    JW_ASSIGN_OR_RETURN(auto edges, repo::Successions(c));
    std::vector<int64_t> out, queue{unit_id};
    std::set<int64_t> seen{unit_id};
    while (!queue.empty()) {
        const int64_t u = queue.back();
        queue.pop_back();
        JW_ASSIGN_OR_RETURN(bool live, LiveAt(c, u, at));
        if (live) {
            out.push_back(u);
            continue;
        }
        for (const auto& e : edges)
            if (e.from_unit == u && e.effective_at <= at && seen.insert(e.to_unit).second) queue.push_back(e.to_unit);
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

using VersionsByUnit = std::map<int64_t, std::vector<repo::UnitVersion>>;

VersionsByUnit ByUnit(std::vector<repo::UnitVersion> all) {
    VersionsByUnit out;
    for (auto& v : all) out[v.unit_id].push_back(std::move(v));
    return out;
}

const repo::UnitVersion* VersionAt(const VersionsByUnit& versions, int64_t unit, int64_t at) {
    auto it = versions.find(unit);
    if (it == versions.end()) return nullptr;
    for (const auto& v : it->second)
        if (ValidAt(v, at)) return &v;
    return nullptr;
}

// UnitInStructure on data already read; 0 when there is no place.
int64_t Place(const VersionsByUnit& versions, const std::vector<repo::Succession>& edges, int64_t unit_id, int64_t at) {
    int64_t u = unit_id;
    for (int guard = 0; guard < 64; ++guard) {
        if (VersionAt(versions, u, at)) return u;
        int64_t next = 0;
        for (const auto& e : edges)
            if (e.from_unit == u && e.is_default && e.effective_at <= at) next = e.to_unit;  // dissolved by `at`
        if (!next)
            for (const auto& e : edges)
                if (e.to_unit == u && e.effective_at > at) next = e.from_unit;  // created after `at`
        if (!next) break;
        u = next;
    }
    return 0;
}

}  // namespace

Result<int64_t> UnitInStructure(storage::Connection& c, int64_t unit_id, int64_t at) {
    JW_ASSIGN_OR_RETURN(auto edges, repo::Successions(c));
    JW_ASSIGN_OR_RETURN(auto all, repo::AllVersions(c));
    const int64_t place = Place(ByUnit(std::move(all)), edges, unit_id, at);
    if (!place) return Status::NotFound("unit");
    return place;
}

Result<StructureMap> PlacesAt(storage::Connection& c, int64_t at) {
    JW_ASSIGN_OR_RETURN(auto edges, repo::Successions(c));
    JW_ASSIGN_OR_RETURN(auto all, repo::AllVersions(c));
    const VersionsByUnit versions = ByUnit(std::move(all));
    StructureMap out;
    for (const auto& [unit, list] : versions) {
        const int64_t place = Place(versions, edges, unit, at);
        if (const repo::UnitVersion* v = place ? VersionAt(versions, place, at) : nullptr)
            out[unit] = UnitPlace{place, v->name};
        else
            out[unit] = UnitPlace{unit, list.back().name};  // no place in that structure: counted as itself
    }
    return out;
}

UnitPlace PlaceOf(const StructureMap& places, int64_t unit_id, const std::string& name) {
    auto it = places.find(unit_id);
    return it == places.end() ? UnitPlace{unit_id, name} : it->second;
}

namespace {
// Units at the other end of the unit's successions: those it took over from (`forward` false) or that took over
// from it (`forward` true).
Result<std::vector<int64_t>> Neighbours(storage::Connection& c, int64_t unit_id, bool forward) {
    JW_ASSIGN_OR_RETURN(auto edges, repo::Successions(c));
    std::vector<int64_t> out;
    for (const auto& e : edges)
        if ((forward ? e.from_unit : e.to_unit) == unit_id) out.push_back(forward ? e.to_unit : e.from_unit);
    return out;
}
}  // namespace

Result<std::vector<int64_t>> DirectPredecessors(storage::Connection& c, int64_t unit_id) {
    return Neighbours(c, unit_id, false);
}

Result<std::vector<int64_t>> DirectSuccessors(storage::Connection& c, int64_t unit_id) {
    return Neighbours(c, unit_id, true);
}

}  // namespace jw::units
