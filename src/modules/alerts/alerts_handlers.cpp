// Thin HTTP adapter of the alerts module: parse → service / queries → JSON. Routes in docs/http_api.md § Alerts.
#include "alerts/alerts_handlers.hpp"

#include "alerts/alerts_queries.hpp"
#include "alerts/alerts_service.hpp"
#include "alerts/sightings.hpp"
#include "common/china_day.hpp"
#include "http/error_table.hpp"
#include "http/params.hpp"

namespace jw::alerts {
namespace {

using http::Reply;
using http::Request;

Json OptJson(const std::optional<int64_t>& v) { return v ? Json(FormatUtcIso(*v)) : Json(nullptr); }

Json TargetJson(const Target& t) {
    return {{"unit_id", t.unit_id},
            {"unit_name", t.unit_name},
            {"sign_due_at", FormatUtcIso(t.sign_due_at)},
            {"signed_at", OptJson(t.signed_at)},
            {"signed_by", t.signed_by ? Json(*t.signed_by) : Json(nullptr)},
            {"escalated_at", OptJson(t.escalated_at)},
            {"feedback_at", OptJson(t.feedback_at)},
            {"outcome", t.outcome},
            {"officer", t.officer},
            {"notes", t.notes}};
}

// `lang`: the reader's language, for server-made titles (sightings.hpp TitleIn).
Json AlertJson(const Alert& a, Lang lang) {
    Json j = {{"id", a.id},
              {"source", a.source},
              {"source_ref", a.source_ref},
              {"colour", a.colour},
              {"subject", a.subject},
              {"title", TitleIn(a, lang)},
              {"case_no", a.case_no},
              {"status", a.status},
              {"raised_at", FormatUtcIso(a.raised_at)},
              {"closed_at", OptJson(a.closed_at)}};
    if (!a.payload.is_null()) j["payload"] = a.payload;
    if (!a.links.is_null()) j["links"] = a.links;
    if (!a.targets.empty()) {
        j["targets"] = Json::array();
        for (const auto& t : a.targets) j["targets"].push_back(TargetJson(t));
    }
    return j;
}

Json SightingJson(const Sighting& s) {
    return {{"id", s.id},
            {"seen_at", FormatUtcIso(s.seen_at)},
            {"place", s.place},
            {"place_id", s.place_id},
            {"longitude", s.longitude ? Json(*s.longitude) : Json(nullptr)},
            {"latitude", s.latitude ? Json(*s.latitude) : Json(nullptr)},
            {"direction", s.direction},
            {"lane", s.lane},
            {"photo", s.photo.empty() ? Json(nullptr) : Json(s.photo)}};
}

// The alert as a reply: with its sightings (a grouped alert's; empty for others), title in the reader's language.
Result<Json> AlertDetailJson(storage::Connection& c, const Alert& a, Lang lang) {
    Json j = AlertJson(a, lang);
    JW_ASSIGN_OR_RETURN(auto sightings, ListSightings(c, a.id));
    j["sightings"] = Json::array();
    for (const auto& s : sightings) j["sightings"].push_back(SightingJson(s));
    return j;
}

// The colours of the shipped policy, the values the `colour` filter takes.
const std::vector<std::string>& PolicyColours() {
    static const std::vector<std::string> colours = [] {
        std::vector<std::string> out;
        for (const auto& r : Policy::Default().rules()) out.push_back(r.colour);
        return out;
    }();
    return colours;
}

Result<int64_t> TimeParam(const Request& req, const char* name, int64_t fallback) {
    JW_ASSIGN_OR_RETURN(auto t, http::QueryInstant(req, name));
    return t.value_or(fallback);
}

std::optional<std::vector<int64_t>> Scope(const Request& req) {
    if (req.principal->all_units) return std::nullopt;
    return req.principal->unit_scope;
}

// The unit acting: `unit_id` in the body, else the user's own unit; it must be in the user's scope.
Result<int64_t> ActingUnit(const Request& req, JsonReader& in) {
    auto unit = in.Int("unit_id", false, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    const int64_t u = unit.value_or(req.principal->unit_id);
    if (!req.principal->SeesUnit(u)) return Status::Invalid("unit_id", "outside_your_units");
    return u;
}

Result<Reply> ListHandler(const Deps& d, Request& req) {
    ListFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.colour, http::QueryEnum(req, "colour", PolicyColours()));
    JW_ASSIGN_OR_RETURN(f.state, http::QueryEnum(req, "state", {"open", "closed", "unsigned", "escalated"}));
    JW_ASSIGN_OR_RETURN(auto unit, http::QueryId(req, "unit_id"));
    if (unit) f.unit_id = *unit;
    JW_ASSIGN_OR_RETURN(f.from, TimeParam(req, "from", 0));
    JW_ASSIGN_OR_RETURN(f.to, TimeParam(req, "to", 0));
    f.text = req.Query("q");
    f.unit_scope = Scope(req);
    f.viewer_unit = req.principal->unit_id;
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, List(**c, f));
    const int64_t now = NowUnix();
    Json items = Json::array();
    const Lang lang = http::RequestLang(req.headers);
    for (const auto& it : page.first) {
        Json j = AlertJson(it.alert, lang);
        // The list carries of the payload only what the board shows (a grouped alert's count and last time).
        const Json& p = it.alert.payload;
        const bool grouped = p.is_object() && p.contains("sighting_count");
        j["sighting_count"] = grouped ? p["sighting_count"] : Json(0);
        j["payload"] =
            grouped ? Json{{"sighting_count", p["sighting_count"]}, {"last_seen_at", p.value("last_seen_at", "")}}
                    : Json::object();
        j["age_s"] = (it.alert.closed_at ? *it.alert.closed_at : now) - it.alert.raised_at;
        j["targets_total"] = it.targets;
        j["targets_signed"] = it.signed_count;
        j["targets_reported"] = it.reported;
        j["targets_escalated"] = it.escalated;
        j["mine"] = it.mine ? TargetJson(*it.mine) : Json(nullptr);
        items.push_back(std::move(j));
    }
    return Reply::Json200({{"items", items}, {"total", page.second}});
}

Result<Reply> GetHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Alert a, GetInScope(**c, id, Scope(req)));
    JW_ASSIGN_OR_RETURN(Json body, AlertDetailJson(**c, a, http::RequestLang(req.headers)));
    Reply r = Reply::Json200(std::move(body));
    r.audit_object = "alert:" + std::to_string(id);
    return r;
}

Result<Reply> RaiseHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"colour", "subject", "title", "case_no", "unit_ids", "notes", "dedup_key"});
    RaiseInput ri;
    ri.source = "manual";
    ri.colour = in.Text("colour", true, 10).value_or("");
    ri.subject = in.Text("subject", true, 100).value_or("");
    ri.title = in.Text("title", true, 100).value_or("");
    ri.case_no = in.Text("case_no", false, 40).value_or("");
    ri.dedup_key = in.Text("dedup_key", false, 80).value_or("");
    const auto notes = in.Text("notes", false, 1000).value_or("");
    auto units = in.TextList("unit_ids", true, 50);
    JW_RETURN_IF_ERROR(in.status());
    // Text ids in the body (the web's select gives strings), read by the same strict integer rule as a URL.
    for (const auto& u : *units) {
        auto id = http::ParseInteger("unit_ids", u, 1, INT64_MAX);
        if (!id.ok()) return Status::Invalid("unit_ids", http::problem::kInvalidIdList);
        ri.unit_ids.push_back(*id);
    }
    if (!notes.empty()) ri.payload["notes"] = notes;
    ri.raised_by = req.principal->user_id;
    Reply r;
    r.status = 201;
    r.write = [d, ri, lang = http::RequestLang(req.headers)](storage::Connection& c, audit::AuditEntry& e,
                                                             Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Alert a, RaiseAndGet(c, Policy::Default(), ri, NowUnix()));
        e.object = "alert:" + std::to_string(a.id);
        out.body = AlertJson(a, lang);
        return Status::Ok();
    };
    return r;
}

Result<Reply> SignHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body.empty() ? "{}" : req.body));
    JsonReader in(body, {"unit_id"});
    JW_ASSIGN_OR_RETURN(int64_t unit, ActingUnit(req, in));
    const int64_t user = req.principal->user_id;
    Reply r;
    r.audit_object = "alert:" + std::to_string(id);
    r.write = [id, unit, user, lang = http::RequestLang(req.headers)](storage::Connection& c, audit::AuditEntry&,
                                                                      Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Alert a, SignAndGet(c, id, unit, user, NowUnix()));
        JW_ASSIGN_OR_RETURN(out.body, AlertDetailJson(c, a, lang));
        return Status::Ok();
    };
    return r;
}

Result<Reply> FeedbackHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"unit_id", "outcome", "officer", "notes"});
    FeedbackInput fi;
    fi.outcome = in.Text("outcome", true, 40).value_or("");
    fi.officer = in.Text("officer", true, 40).value_or("");
    fi.notes = in.Text("notes", false, 1000).value_or("");
    JW_ASSIGN_OR_RETURN(int64_t unit, ActingUnit(req, in));
    const int64_t user = req.principal->user_id;
    Reply r;
    r.audit_object = "alert:" + std::to_string(id);
    r.write = [id, unit, user, fi, lang = http::RequestLang(req.headers)](storage::Connection& c, audit::AuditEntry&,
                                                                          Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Alert a, FeedbackAndGet(c, id, unit, fi, user, NowUnix()));
        JW_ASSIGN_OR_RETURN(out.body, AlertDetailJson(c, a, lang));
        return Status::Ok();
    };
    return r;
}

Result<Reply> StatsHandler(const Deps& d, Request& req) {
    const int64_t now = NowUnix();
    JW_ASSIGN_OR_RETURN(int64_t from, TimeParam(req, "from", now - 30 * 86400));
    JW_ASSIGN_OR_RETURN(int64_t to, TimeParam(req, "to", now + 1));
    if (to <= from) return Status::Invalid("to", "must_be_after_from");
    // Units as structured on `date` (00:00 China time), by default at the period's end (ADR 0024).
    JW_ASSIGN_OR_RETURN(const auto date, http::QueryDate(req, "date"));
    const int64_t structure_at = date ? ChinaMidnightOf(*date) : to - 1;
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Stats s, Statistics(**c, Policy::Default(), from, to, Scope(req), structure_at));
    Json colours = Json::array(), units = Json::array();
    for (const auto& cs : s.by_colour)
        colours.push_back({{"colour", cs.colour},
                           {"alerts", cs.alerts},
                           {"targets", cs.targets},
                           {"signed", cs.signed_count},
                           {"signed_late", cs.signed_late},
                           {"escalated", cs.escalated},
                           {"closed", cs.closed},
                           {"avg_sign_s", cs.avg_sign_s},
                           {"avg_close_s", cs.avg_close_s}});
    for (const auto& us : s.by_unit)
        units.push_back({{"unit_id", us.unit_id},
                         {"unit_name", us.unit_name},
                         {"targets", us.targets},
                         {"signed", us.signed_count},
                         {"signed_late", us.signed_late},
                         {"escalated", us.escalated},
                         {"reported", us.reported},
                         {"avg_sign_s", us.avg_sign_s}});
    return Reply::Json200({{"from", FormatUtcIso(from)},
                           {"to", FormatUtcIso(to)},
                           {"structure_date", FormatChinaDate(structure_at)},
                           {"by_colour", colours},
                           {"by_unit", units}});
}

Result<Reply> PolicyHandler(const Deps&, Request&) {
    Json colours = Json::array();
    for (const auto& r : Policy::Default().rules())
        colours.push_back({{"colour", r.colour},
                           {"name_zh", r.name_zh},
                           {"name_en", r.name_en},
                           {"meaning_zh", r.meaning_zh},
                           {"sign_within_s", r.sign_within_s},
                           {"sms", r.sms},
                           {"sound", r.sound},
                           {"priority", r.priority}});
    return Reply::Json200({{"colours", colours}});
}

// Units an alert can be sent to (the raise form's choices).
Result<Reply> UnitsHandler(const Deps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto units, UnitChoices(**c));
    Json items = Json::array();
    for (const auto& u : units)
        items.push_back({{"id", u.id},
                         {"name", u.name},
                         {"kind", u.kind},
                         {"parent_id", u.parent_id ? Json(*u.parent_id) : Json(nullptr)}});
    return Reply::Json200({{"items", items}});
}

}  // namespace

void RegisterAlertRoutes(http::Router& router, const Deps& d) {
    auto bind = [d](Result<Reply> (*fn)(const Deps&, Request&)) {
        return [d, fn](Request& req) { return fn(d, req); };
    };
    router.Add({"GET", "/api/v1/alerts/policy", "alerts.read", "alert.policy", bind(PolicyHandler)});
    router.Add({"GET", "/api/v1/alerts/stats", "alerts.board", "alert.stats", bind(StatsHandler)});
    router.Add({"GET", "/api/v1/alerts/units", "alerts.raise", "alert.units", bind(UnitsHandler)});
    router.Add({"GET", "/api/v1/alerts", "alerts.read", "alert.list", bind(ListHandler)});
    router.Add({"POST", "/api/v1/alerts", "alerts.raise", "alert.raise", bind(RaiseHandler)});
    router.Add({"GET", "/api/v1/alerts/:id", "alerts.read", "alert.read", bind(GetHandler)});
    router.Add({"POST", "/api/v1/alerts/:id/sign", "alerts.sign", "alert.sign", bind(SignHandler)});
    router.Add({"POST", "/api/v1/alerts/:id/feedback", "alerts.sign", "alert.feedback", bind(FeedbackHandler)});
}

}  // namespace jw::alerts
