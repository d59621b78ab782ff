// HTTP adapter of unit restructuring: parse → service → JSON (docs/api/units-restructure.md).
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "units/history.hpp"
#include "units/restructure_service.hpp"
#include "units/units_module.hpp"
#include "units/users_participant.hpp"

namespace jw::units {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

void AddCoreParticipants(Participants& participants) { participants.Add(MakeUsersParticipant()); }

Participants CollectParticipants(const std::vector<std::unique_ptr<modules::Module>>& all) {
    Participants out;
    AddCoreParticipants(out);
    for (const auto& m : all)
        if (const auto* source = dynamic_cast<const ParticipantSource*>(m.get())) out.Add(source->MakeParticipant());
    return out;
}

using http::Reply;
using http::Request;

namespace {

Actor ActorOf(const Request& req) { return Actor{req.principal->user_id, req.principal->name}; }

Json VersionJson(const repo::UnitVersion& v) {
    return {{"unit_id", v.unit_id},
            {"code", v.code},
            {"name", v.name},
            {"kind", v.kind},
            {"parent_id", v.parent_id ? Json(*v.parent_id) : Json()},
            {"valid_from", FormatUtcIso(v.valid_from)},
            {"valid_to", v.valid_to ? Json(FormatUtcIso(*v.valid_to)) : Json()},
            {"restructure_id", v.restructure_id ? Json(*v.restructure_id) : Json()}};
}

Result<Json> Refs(storage::Connection& c, const std::vector<int64_t>& ids, int64_t at) {
    Json out = Json::array();
    for (int64_t id : ids) {
        JW_ASSIGN_OR_RETURN(auto versions, repo::VersionsOf(c, id));
        repo::UnitVersion v = versions.back();
        for (const auto& x : versions)
            if (x.valid_from <= at && (!x.valid_to || *x.valid_to > at)) v = x;
        out.push_back({{"id", id}, {"code", v.code}, {"name", v.name}, {"kind", v.kind}});
    }
    return out;
}

// `date` query parameter → 00:00 China time of it; today when absent.
Result<std::pair<std::string, int64_t>> DateParam(const Request& req) {
    std::string date = req.Query("date");
    if (date.empty()) date = FormatChinaDate(NowUnix());
    auto d = ParseDate(date);
    if (!d || date.size() != 10) return Status::Invalid("date", "bad_format");
    return std::make_pair(date, ChinaMidnightOf(*d));
}

Result<Reply> Restructure(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != "plan" && it.key() != "dry_run") return Status::Invalid(it.key(), "unknown_field");
    bool dry_run = false;
    if (auto it = body.find("dry_run"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean()) return Status::Invalid("dry_run", "must_be_boolean");
        dry_run = it->get<bool>();
    }
    auto plan_json = body.find("plan");
    if (plan_json == body.end() || plan_json->is_null()) return Status::Invalid("plan", "required");
    if (!plan_json->is_object()) return Status::Invalid("plan", "must_be_object");
    JW_ASSIGN_OR_RETURN(Plan plan, ParsePlan(*plan_json, FormatChinaDate(NowUnix())));
    if (dry_run) {
        auto c = d.db.Acquire();
        if (!c.ok()) return c.status();
        JW_ASSIGN_OR_RETURN(Json summary, DryRun(**c, d.participants, plan, NowUnix()));
        Reply r = Reply::Json200(std::move(summary));
        r.audit_object = "units";
        r.audit_detail = "dry_run";
        return r;
    }
    Reply r;
    r.status = 201;
    r.audit_object = "units";
    r.write = [d, plan, actor = ActorOf(req)](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Json done, Apply(c, d.participants, plan, actor, NowUnix()));
        e.object = "unit_restructure:" + std::to_string(done["id"].get<int64_t>());
        e.detail =
            Json{{"title", plan.title}, {"effective_date", plan.effective_date}, {"total_moved", done["total_moved"]}}
                .dump();
        if (d.sessions) d.sessions->Invalidate();
        out.body = std::move(done);
        return Status::Ok();
    };
    return r;
}

Result<Reply> Undo(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"reason"});
    auto reason = in.Text("reason", true, 500);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "unit_restructure:" + std::to_string(id);
    r.write = [d, id, reason = *reason, actor = ActorOf(req)](storage::Connection& c, audit::AuditEntry& e,
                                                              Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Json done, units::Undo(c, d.participants, id, actor, reason, NowUnix()));
        e.detail = Json{{"reason", reason}}.dump();
        if (d.sessions) d.sessions->Invalidate();
        out.body = std::move(done);
        return Status::Ok();
    };
    return r;
}

Result<Reply> List(Deps d, Request& req) {
    int page = 1, page_size = 20;
    JW_RETURN_IF_ERROR(req.Paging(&page, &page_size));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Json out, ListRestructures(**c, page, page_size, NowUnix()));
    return Reply::Json200(std::move(out));
}

Result<Reply> Get(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Json out, GetRestructure(**c, id, NowUnix()));
    Reply r = Reply::Json200(std::move(out));
    r.audit_object = "unit_restructure:" + std::to_string(id);
    return r;
}

Result<Reply> Structure(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto date, DateParam(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto versions, StructureAt(**c, date.second));
    Json units = Json::array();
    for (const auto& v : versions) units.push_back(VersionJson(v));
    return Reply::Json200({{"date", date.first}, {"units", units}});
}

Result<Reply> History(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto versions, repo::VersionsOf(**c, id));
    Json list = Json::array();
    for (const auto& v : versions) list.push_back(VersionJson(v));
    JW_ASSIGN_OR_RETURN(auto before, DirectPredecessors(**c, id));
    JW_ASSIGN_OR_RETURN(auto after, DirectSuccessors(**c, id));
    const int64_t now = NowUnix();
    JW_ASSIGN_OR_RETURN(Json pred, Refs(**c, before, now));
    JW_ASSIGN_OR_RETURN(Json succ, Refs(**c, after, now));
    Reply r = Reply::Json200({{"unit_id", id}, {"versions", list}, {"predecessors", pred}, {"successors", succ}});
    r.audit_object = "unit:" + std::to_string(id);
    return r;
}

Result<Reply> Successors(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(auto date, DateParam(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_RETURN_IF_ERROR(repo::VersionsOf(**c, id).status());
    JW_ASSIGN_OR_RETURN(auto ids, SuccessorsOf(**c, id, date.second));
    JW_ASSIGN_OR_RETURN(Json refs, Refs(**c, ids, date.second));
    return Reply::Json200({{"unit_id", id}, {"date", date.first}, {"successors", refs}});
}

}  // namespace

void RegisterRoutes(http::Router& router, Deps d) {
    router.Add({"POST", "/api/v1/units/restructure", "unit.restructure", "unit.restructure",
                [d](Request& r) { return Restructure(d, r); }});
    router.Add({"GET", "/api/v1/units/restructures", "unit.read", "unit.restructure_list",
                [d](Request& r) { return List(d, r); }});
    router.Add({"GET", "/api/v1/units/restructures/:id", "unit.read", "unit.restructure_read",
                [d](Request& r) { return Get(d, r); }});
    router.Add({"POST", "/api/v1/units/restructures/:id/undo", "unit.restructure", "unit.restructure_undo",
                [d](Request& r) { return Undo(d, r); }});
    router.Add(
        {"GET", "/api/v1/units/structure", "unit.read", "unit.structure", [d](Request& r) { return Structure(d, r); }});
    router.Add(
        {"GET", "/api/v1/units/:id/history", "unit.read", "unit.history", [d](Request& r) { return History(d, r); }});
    router.Add({"GET", "/api/v1/units/:id/successors", "unit.read", "unit.successors",
                [d](Request& r) { return Successors(d, r); }});
}

}  // namespace jw::units
