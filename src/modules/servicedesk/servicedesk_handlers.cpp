// The desk's routes of the service supervision centre (servicedesk_handlers.hpp). Lists and details are masked;
// the full complainant only on the record route with a stated purpose (Route.needs_purpose); every read and
// change is audited by the dispatcher, changes in the same transaction (Reply.write).
#include "servicedesk/servicedesk_handlers.hpp"

#include "audit/audit_log.hpp"
#include "auth/auth_repository.hpp"
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/text.hpp"
#include "common/validators.hpp"
#include "http/params.hpp"
#include "http/static_files.hpp"
#include "servicedesk/assignment/reminders.hpp"
#include "servicedesk/assignment/time_limits.hpp"
#include "servicedesk/figures/figures.hpp"
#include "servicedesk/intake/intake.hpp"
#include "servicedesk/tickets/catalogue.hpp"
#include "servicedesk/tickets/ticket_json.hpp"
#include "servicedesk/tickets/ticket_repository.hpp"
#include "servicedesk/tickets/workflow.hpp"

namespace jw::servicedesk {
namespace {

using http::Reply;
using http::Request;

Result<Reply> OptionsHandler(const Deps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto choices, auth::repo::ListUnitsInDisplayOrder(**c));
    Json units = Json::array();
    for (const auto& u : choices) units.push_back({{"id", u.id}, {"name", u.name}, {"kind", u.kind}});
    Json channels = Json::array();
    for (const auto& ch : Channels()) {
        Ticket probe;  // the channel's handling extension step (time_limits.csv), for the extension form
        probe.channel = ch.code;
        channels.push_back({{"code", ch.code},
                            {"name_zh", ch.name_zh},
                            {"name_en", ch.name_en},
                            {"external_ref", ch.external_ref},
                            {"public_form", ch.public_form},
                            {"basis", ch.basis},
                            {"extension_days", ExtensionStep(probe)}});
    }
    Json categories = Json::array();
    for (const auto& cat : Categories())
        categories.push_back(
            {{"code", cat.code}, {"name_zh", cat.name_zh}, {"name_en", cat.name_en}, {"needs_unit", cat.needs_unit}});
    Json workflow = Json::array();
    for (const auto& t : Workflow())
        workflow.push_back({{"action", t.action},
                            {"from", t.from},
                            {"to", t.to},
                            {"permission", t.permission},
                            {"note_required", t.note_required},
                            {"name_zh", t.name_zh},
                            {"name_en", t.name_en}});
    return Reply::Json200({{"units", units},
                           {"channels", channels},
                           {"categories", categories},
                           {"workflow", workflow},
                           {"duplicate_window_days", kDuplicateWindowDays}});
}

Result<TicketFilter> ParseFilter(const Request& req) {
    TicketFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    std::vector<std::string> states;
    for (const auto& t : Workflow()) states.push_back(t.to);
    states.push_back("registered");
    JW_ASSIGN_OR_RETURN(f.state, http::QueryEnum(req, "state", states));
    JW_ASSIGN_OR_RETURN(f.channel, http::QueryEnum(req, "channel", ChannelCodes()));
    JW_ASSIGN_OR_RETURN(f.category, http::QueryEnum(req, "category", CategoryCodes()));
    JW_ASSIGN_OR_RETURN(f.unit_id, http::QueryId(req, "unit_id"));
    f.ticket_no = req.Query("ticket_no");
    JW_ASSIGN_OR_RETURN(auto month, http::QueryMonth(req, "month"));
    if (month) {
        auto first = ParseDate(*month + "-01");
        if (!first) return Status::Invalid("month", "invalid_month");
        CivilDate next = *first;
        if (++next.month > 12) {
            next.month = 1;
            ++next.year;
        }
        f.from = ChinaMidnightOf(*first);
        f.to = ChinaMidnightOf(next);
    }
    f.unit_scope = TicketScope(*req.principal);
    return f;
}

Result<Reply> ListHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(TicketFilter f, ParseFilter(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, repo::ListTickets(**c, f));
    Json items = Json::array();
    const CivilDate today = ChinaDateOf(NowUnix());
    for (const auto& t : page.first) {
        JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(**c, t.id));
        auto clocks = TicketClocks(t, events, today);
        items.push_back(TicketJson(t, false, clocks.ok() ? &*clocks : nullptr));
    }
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = "servicedesk_tickets";
    return r;
}

Result<Reply> DetailHandler(const Deps& d, Request& req, bool full) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Ticket t, repo::GetTicket(**c, id, TicketScope(*req.principal)));
    JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(**c, id));
    auto clocks = TicketClocks(t, events, ChinaDateOf(NowUnix()));
    Json j = TicketJson(t, full, clocks.ok() ? &*clocks : nullptr);
    if (!full) {
        j["events"] = Json::array();
        for (const auto& e : events) j["events"].push_back(EventJson(e));
        JW_ASSIGN_OR_RETURN(auto cb, repo::GetCallback(**c, id));
        j["callback"] =
            cb ? Json{{"at", FormatUtcIso(cb->at)}, {"result", cb->result}, {"comment", cb->comment}} : Json(nullptr);
        JW_ASSIGN_OR_RETURN(auto joined, repo::JoinedTo(**c, id));
        j["joined"] = joined;
        JW_ASSIGN_OR_RETURN(auto media, repo::ListAttachments(**c, id));
        j["media_ids"] = media;
        j["actions"] = AllowedActions(*req.principal, t);
    }
    Reply r = Reply::Json200(std::move(j));
    r.audit_object = "servicedesk_ticket:" + std::to_string(id);
    if (full) {
        // The full complainant with a stated purpose. A ticket has no case number, so the route does not use the
        // dispatcher's purpose-and-case-number rule (Route.needs_purpose); the purpose is checked here and goes
        // into the audit record through the write.
        bool ok = true;
        auto h = req.headers.find("x-purpose");
        std::string purpose = req.Query("purpose", h == req.headers.end() ? "" : http::PercentDecode(h->second, &ok));
        purpose = std::string(TrimUnicodeBlanks(purpose));
        if (!ok || purpose.empty()) return Status::Invalid("purpose", "required");
        if (Utf8Length(purpose).value_or(0) < 4) return Status::Invalid("purpose", "too_short");
        r.write = [purpose, body = r.body](storage::Connection&, audit::AuditEntry& e, Reply& out) -> Status {
            e.purpose = purpose;
            out.body = body;
            return Status::Ok();
        };
    }
    return r;
}

Result<Reply> CreateHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(IntakeInput in, ParseIntake(body, false));
    JW_RETURN_IF_ERROR(ValidateIntake(in, NowUnix()));
    const int64_t user = req.principal->user_id;
    Reply r;
    r.status = 201;
    r.audit_detail = in.channel + " " + in.category + " " + MaskName(in.name);
    r.write = [in, user](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(IntakeResult res, Register(c, in, user, NowUnix()));
        e.object = "servicedesk_ticket:" + std::to_string(res.id);
        JW_ASSIGN_OR_RETURN(Ticket t, repo::GetTicket(c, res.id));
        out.body = TicketJson(t, false);
        out.body["query_code"] = res.query_code;  // shown once, for a visitor at the desk
        out.body["joined_to"] = res.joined_to ? Json(*res.joined_to) : Json(nullptr);
        return Status::Ok();
    };
    return r;
}

Result<Reply> StepHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader r(body, {"action", "version", "note", "unit_id", "officer_police_no", "into", "result", "days"});
    StepInput in;
    in.action = r.Text("action", true, 40).value_or("");
    in.version = static_cast<int>(r.Int("version", true, 1, INT32_MAX).value_or(0));
    in.note = r.Text("note", false, 2000).value_or("");
    in.unit_id = r.Int("unit_id", false, 1, INT64_MAX);
    in.officer_police_no = r.Text("officer_police_no", false, 20).value_or("");
    in.into = r.Int("into", false, 1, INT64_MAX);
    in.result = r.Text("result", false, 20).value_or("");
    in.days = static_cast<int>(r.Int("days", false, 0, 365).value_or(0));
    JW_RETURN_IF_ERROR(r.status());
    const auth::Principal who = *req.principal;
    Reply out;
    out.audit_object = "servicedesk_ticket:" + std::to_string(id);
    out.audit_detail = in.action;
    out.write = [who, id, in](storage::Connection& c, audit::AuditEntry&, Reply& o) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(Ticket t, Step(c, who, id, in, now));
        JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(c, id));
        auto clocks = TicketClocks(t, events, ChinaDateOf(now));
        o.body = TicketJson(t, false, clocks.ok() ? &*clocks : nullptr);
        o.body["actions"] = AllowedActions(who, t);
        return Status::Ok();
    };
    return out;
}

Result<Reply> FiguresHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto month, http::QueryMonth(req, "month"));
    const std::string m = month.value_or(FormatChinaDate(NowUnix()).substr(0, 7));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto rows, MonthFigures(**c, m, NowUnix(), TicketScope(*req.principal)));
    return Reply::Json200(FiguresJson(m, rows));
}

}  // namespace

void RegisterRoutes(http::Router& router, const Deps& deps) {
    auto bind = [deps](Result<Reply> (*fn)(const Deps&, Request&)) {
        return [deps, fn](Request& req) { return fn(deps, req); };
    };
    const std::string base = "/api/v1/servicedesk";
    router.Add({"GET", base + "/options", "servicedesk.read", "servicedesk.options", bind(OptionsHandler)});
    router.Add({"GET", base + "/tickets", "servicedesk.read", "servicedesk.list", bind(ListHandler)});
    router.Add({"POST", base + "/tickets", "servicedesk.intake", "servicedesk.create", bind(CreateHandler)});
    router.Add({"GET", base + "/tickets/:id", "servicedesk.read", "servicedesk.read",
                [deps](Request& r) { return DetailHandler(deps, r, false); }});
    router.Add({"GET", base + "/tickets/:id/record", "servicedesk.record", "servicedesk.record",
                [deps](Request& r) { return DetailHandler(deps, r, true); }});
    router.Add({"POST", base + "/tickets/:id/steps", "servicedesk.read", "servicedesk.step", bind(StepHandler)});
    router.Add({"GET", base + "/figures", "servicedesk.figures", "servicedesk.figures", bind(FiguresHandler)});
}

Status RegisterJobs(notify::Scheduler& scheduler, const Deps& deps) {
    return scheduler.Register(kReminderJob, kReminderIntervalSeconds, [deps] {
        audit::AuditEntry e;
        e.username = "system:scheduler";
        e.client = "scheduler";
        e.action = kReminderJob;
        e.object = "servicedesk_tickets";
        return deps.audit.Run(e, [](storage::Connection& c, audit::AuditEntry& entry) -> Status {
            JW_ASSIGN_OR_RETURN(int n, SendReminders(c, NowUnix()));
            entry.detail = std::to_string(n) + " reminders";
            return Status::Ok();
        });
    });
}

}  // namespace jw::servicedesk
