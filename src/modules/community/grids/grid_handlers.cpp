#include "community/grids/grid_handlers.hpp"

#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "community/grids/grid_figures.hpp"
#include "community/grids/grid_places.hpp"
#include "community/grids/grid_repository.hpp"
#include "community/grids/grid_service.hpp"
#include "http/params.hpp"

namespace jw::community {
namespace {

using http::Reply;
using http::Request;

Json FractionJson(const Fraction& f) {
    const auto v = f.Value();
    return {{"numerator", f.numerator}, {"denominator", f.denominator}, {"value", v ? Json(*v) : Json(nullptr)}};
}

Json RatesJson(const GridCounts& c) {
    return {{"collection", FractionJson(c.Collection())},
            {"located", FractionJson(c.Located())},
            {"photo", FractionJson(c.Photo())}};
}

Json CountsJson(const GridCounts& c) {
    return {{"expected_population", c.expected_population}, {"people", c.people},
            {"people_with_photo", c.people_with_photo},     {"addresses", c.addresses},
            {"addresses_located", c.addresses_located},     {"rates", RatesJson(c)}};
}

Json GridJson(const Grid& g) {
    return {{"code", g.code},
            {"name", g.name},
            {"community", g.community},
            {"unit_id", g.unit_id},
            {"unit_name", g.unit_name},
            {"expected_population", g.expected_population},
            {"polygon", geo::ToGeoJson(g.polygon)},
            {"updated_at", FormatUtcIso(g.updated_at)},
            {"version", g.version}};
}

Result<Json> TeamJson(const std::vector<GridMember>& team, const GridSeal& seal) {
    Json out = Json::array();
    for (const auto& m : team) {
        JW_ASSIGN_OR_RETURN(std::string phone, seal.Open(m.phone));
        out.push_back({{"user_id", m.user_id ? Json(*m.user_id) : Json(nullptr)},
                       {"name", m.name},
                       {"role", m.role},
                       {"phone", MaskPhone(phone)}});
    }
    return out;
}

Json BreakdownJson(const Breakdown& b) {
    Json out = Json::array();
    for (const auto& [key, n] : b) out.push_back({{"key", key}, {"count", n}});
    return out;
}

// The fields of a grid in a POST or PATCH body. Errors name the field.
Result<GridChange> ReadChange(const Json& body, JsonReader& in, bool create) {
    GridChange ch;
    if (create) ch.code = in.Text("code", false, 32);
    ch.name = in.Text("name", create, 60);
    ch.community = in.Text("community", false, 60);
    ch.unit_id = in.Int("unit_id", create, 1, INT64_MAX);
    ch.expected_population = in.Int("expected_population", false, 0, 10'000'000);
    if (body.contains("polygon")) {
        auto p = geo::ParseGeoJsonPolygon(body["polygon"], "polygon", 2000);
        if (p.ok()) {
            ch.polygon = std::move(*p);
        } else {
            in.Merge(p.status());
        }
    } else if (create) {
        in.Fail("polygon", "required");
    }
    JW_RETURN_IF_ERROR(in.status());
    return ch;
}

Result<Reply> ListHandler(const GridDeps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto grids, LoadGrids(**c));
    JW_ASSIGN_OR_RETURN(auto rates, GridRates(**c, std::nullopt, std::nullopt));
    Json items = Json::array();
    for (size_t i = 0; i < grids.size(); ++i) {
        Json j = GridJson(grids[i]);
        for (const auto& r : rates) {
            if (r.code != grids[i].code) continue;
            j["officer_id"] = r.officer_id ? Json(*r.officer_id) : Json(nullptr);
            j["officer_name"] = r.officer_name;
            j["figures"] = CountsJson(r.counts);
        }
        items.push_back(std::move(j));
    }
    Reply reply = Reply::Json200({{"items", items}, {"total", grids.size()}});
    reply.audit_object = "grids";
    return reply;
}

Result<Reply> RatesHandler(const GridDeps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto unit_id, http::QueryId(req, "unit_id"));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    std::optional<std::vector<int64_t>> units;
    if (unit_id) {
        JW_ASSIGN_OR_RETURN(auto below, UnitAndBelow(**c, *unit_id));
        units = std::move(below);
    }
    JW_ASSIGN_OR_RETURN(auto rows, GridRates(**c, std::nullopt, units));
    Json grids = Json::array(), officers = Json::array();
    GridCounts total;
    for (const auto& r : rows) {
        Json j = CountsJson(r.counts);
        j.update({{"code", r.code},
                  {"name", r.name},
                  {"community", r.community},
                  {"unit_id", r.unit_id},
                  {"unit_name", r.unit_name},
                  {"officer_id", r.officer_id ? Json(*r.officer_id) : Json(nullptr)},
                  {"officer_name", r.officer_name}});
        grids.push_back(std::move(j));
        total.Add(r.counts);
    }
    for (const auto& o : OfficerRates(rows)) {
        Json j = CountsJson(o.counts);
        j.update({{"user_id", o.user_id}, {"name", o.name}, {"grids", o.grids}});
        officers.push_back(std::move(j));
    }
    Reply reply = Reply::Json200({{"grids", grids}, {"officers", officers}, {"total", CountsJson(total)}});
    reply.audit_object = unit_id ? "unit:" + std::to_string(*unit_id) : "grids";
    return reply;
}

Result<Reply> GetHandler(const GridDeps& d, Request& req) {
    const std::string code = req.params["code"];
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Grid g, GetGrid(**c, code));
    JW_ASSIGN_OR_RETURN(auto team, LoadTeam(**c, code));
    Json j = GridJson(g);
    JW_ASSIGN_OR_RETURN(j["team"], TeamJson(team, d.seal));
    Reply reply = Reply::Json200(std::move(j));
    reply.audit_object = "grid:" + code;
    return reply;
}

Result<Reply> SummaryHandler(const GridDeps& d, Request& req) {
    const std::string code = req.params["code"];
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Grid g, GetGrid(**c, code));
    JW_ASSIGN_OR_RETURN(auto team, LoadTeam(**c, code));
    JW_ASSIGN_OR_RETURN(auto rates, GridRates(**c, code, std::nullopt));
    JW_ASSIGN_OR_RETURN(auto b, Breakdowns(**c, code));
    JW_ASSIGN_OR_RETURN(auto places, CountPlaces(**c, g));
    Json j = GridJson(g);
    JW_ASSIGN_OR_RETURN(j["team"], TeamJson(team, d.seal));
    const GridCounts counts = rates.empty() ? GridCounts{} : rates[0].counts;
    j["figures"] = CountsJson(counts);
    j["addresses_by_level"] = BreakdownJson(b.addresses_by_level);
    j["people_by_category"] = BreakdownJson(b.people_by_category);
    j["houses_by_use"] = BreakdownJson(b.houses_by_use);
    j["orgs_by_kind"] = BreakdownJson(b.orgs_by_kind);
    Json p = Json::array();
    for (const auto& n : places)
        p.push_back({{"kind", n.kind}, {"inside", n.inside}, {"unplaced", n.unplaced}, {"note", n.note}});
    j["places"] = std::move(p);
    Reply reply = Reply::Json200(std::move(j));
    reply.audit_object = "grid:" + code;
    return reply;
}

Json SavedJson(const GridSaved& s) {
    Json j = GridJson(s.grid);
    j["addresses"] = s.addresses;
    return j;
}

Result<Reply> CreateHandler(const GridDeps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"code", "name", "community", "unit_id", "expected_population", "polygon"});
    JW_ASSIGN_OR_RETURN(GridChange ch, ReadChange(body, in, true));
    const auth::Principal actor = *req.principal;
    const std::string region = d.region;
    Reply r;
    r.status = 201;
    r.audit_object = "grid:" + ch.code.value_or("new");
    r.write = [ch, actor, region](storage::Connection& tx, audit::AuditEntry& entry, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(GridSaved s, CreateGrid(tx, ch, region, actor, NowUnix()));
        entry.object = "grid:" + s.grid.code;
        out.body = SavedJson(s);
        return Status::Ok();
    };
    return r;
}

Result<Reply> PatchHandler(const GridDeps& d, Request& req) {
    const std::string code = req.params["code"];
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"name", "community", "unit_id", "expected_population", "polygon", "version"});
    const auto version = in.Int("version", true, 1, INT64_MAX);
    JW_ASSIGN_OR_RETURN(GridChange ch, ReadChange(body, in, false));
    const auth::Principal actor = *req.principal;
    Reply r;
    r.audit_object = "grid:" + code;
    r.audit_detail = ch.polygon ? "polygon" : "";
    r.write = [code, v = *version, ch, actor](storage::Connection& tx, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(GridSaved s, ChangeGrid(tx, code, v, ch, actor, NowUnix()));
        out.body = SavedJson(s);
        return Status::Ok();
    };
    (void)d;
    return r;
}

Result<Reply> TeamHandler(const GridDeps& d, Request& req) {
    const std::string code = req.params["code"];
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"version", "team"});
    const auto version = in.Int("version", true, 1, INT64_MAX);
    std::vector<GridMember> team;
    if (!body.contains("team") || !body["team"].is_array()) {
        in.Fail("team", "must_be_array");
    } else {
        for (size_t i = 0; i < body["team"].size(); ++i) {
            const Json& m = body["team"][i];
            const std::string at = "team." + std::to_string(i);
            if (!m.is_object()) {
                in.Fail(at, "must_be_object");
                continue;
            }
            JsonReader mr(m, {"user_id", "name", "role", "phone"});
            GridMember gm;
            gm.user_id = mr.Int("user_id", false, 1, INT64_MAX);
            gm.name = mr.Text("name", false, 40).value_or("");
            gm.role = mr.Text("role", true, 40).value_or("");
            gm.phone = mr.Text("phone", false, 20).value_or("");
            if (!gm.phone.empty()) mr.Merge(CheckMobile(gm.phone, "phone"));
            const Status member = mr.status();  // kept: fields() of a temporary would dangle in the loop
            for (const auto& [field, problem] : member.fields()) in.Fail(at + "." + field, problem);
            team.push_back(std::move(gm));
        }
    }
    JW_RETURN_IF_ERROR(in.status());
    const auth::Principal actor = *req.principal;
    const GridSeal* seal = &d.seal;
    Reply r;
    r.audit_object = "grid:" + code;
    r.audit_detail = std::to_string(team.size()) + " members";
    r.write = [code, v = *version, team, actor, seal](storage::Connection& tx, audit::AuditEntry&,
                                                      Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(int64_t nv, SetTeam(tx, code, v, team, *seal, actor, NowUnix()));
        JW_ASSIGN_OR_RETURN(auto stored, LoadTeam(tx, code));
        JW_ASSIGN_OR_RETURN(Json tj, TeamJson(stored, *seal));
        out.body = {{"code", code}, {"version", nv}, {"team", tj}};
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterGridRoutes(http::Router& router, const GridDeps& deps) {
    auto bind = [deps](Result<Reply> (*fn)(const GridDeps&, Request&)) {
        return [deps, fn](Request& req) { return fn(deps, req); };
    };
    const std::string base = "/api/v1/community/grids";
    router.Add({"GET", base, "community.grid.read", "community.grid.list", bind(ListHandler)});
    router.Add({"POST", base, "community.grid.write", "community.grid.create", bind(CreateHandler)});
    // Before /:code, which would otherwise take "rates" for a grid code.
    router.Add({"GET", base + "/rates", "community.grid.read", "community.grid.rates", bind(RatesHandler)});
    router.Add({"GET", base + "/:code", "community.grid.read", "community.grid.read", bind(GetHandler)});
    router.Add({"PATCH", base + "/:code", "community.grid.write", "community.grid.update", bind(PatchHandler)});
    router.Add({"PUT", base + "/:code/team", "community.grid.write", "community.grid.team", bind(TeamHandler)});
    router.Add({"GET", base + "/:code/summary", "community.grid.read", "community.grid.summary", bind(SummaryHandler)});
}

}  // namespace jw::community
