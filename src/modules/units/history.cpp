#include "units/history.hpp"

#include <algorithm>
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

Result<int64_t> UnitInStructure(storage::Connection& c, int64_t unit_id, int64_t at) {
    JW_ASSIGN_OR_RETURN(auto edges, repo::Successions(c));
    int64_t u = unit_id;
    for (int guard = 0; guard < 64; ++guard) {
        JW_ASSIGN_OR_RETURN(bool live, LiveAt(c, u, at));
        if (live) return u;
        int64_t next = 0;
        for (const auto& e : edges)
            if (e.from_unit == u && e.is_default && e.effective_at <= at) next = e.to_unit;  // dissolved by `at`
        if (!next)
            for (const auto& e : edges)
                if (e.to_unit == u && e.effective_at > at) next = e.from_unit;  // created after `at`
        if (!next) break;
        u = next;
    }
    return Status::NotFound("unit");
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
