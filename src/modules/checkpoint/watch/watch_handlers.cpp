// Thin HTTP adapter of watch orders (布控): parse → service → JSON. Routes in docs/api/checkpoint-watch.md.
// Every change runs in the audited transaction and then rebuilds the hub's watch list from that transaction's
// view, so intake matches the change at once; the minute job (expiry + rebuild) repairs the list should the
// batch's commit fail afterwards.
#include "checkpoint/watch/watch_handlers.hpp"

#include <set>

#include "alerts/alert.hpp"
#include "checkpoint/watch/watch_actions.hpp"
#include "checkpoint/watch/watch_hits.hpp"
#include "checkpoint/watch/watch_json.hpp"
#include "checkpoint/watch/watch_repository.hpp"
#include "checkpoint/watch/watch_service.hpp"
#include "common/civil_time.hpp"
#include "common/text_upload.hpp"
#include "common/validators.hpp"
#include "http/params.hpp"
#include "watchlist/form_fields.hpp"

namespace jw::checkpoint {
namespace {

// A plate list for a batch of watch orders: 5 000 rows at most (ImportOrders); blank lines and a margin on top.
constexpr TextUploadLimits kWatchListLimits{.max_bytes = 512 * 1024, .max_lines = 10000, .max_line_bytes = 1024};
constexpr size_t kWatchImportBodyBytes = 768 * 1024;

using http::Reply;
using http::Request;

std::optional<std::vector<int64_t>> Scope(const Request& req) {
    if (req.principal->all_units) return std::nullopt;
    return req.principal->unit_scope;
}

Actor ActorOf(const Request& req) { return Actor{req.principal->user_id, req.principal->unit_id}; }

// A write on one order: the change, in scope, then the list rebuilt and the order replied (ChangeOrderInScope).
Result<Reply> ChangeReply(const Deps& d, const Request& req, int64_t id, std::string detail, OrderChange fn) {
    auto scope = Scope(req);
    Reply r;
    r.audit_object = "watch_order:" + std::to_string(id);
    r.audit_detail = std::move(detail);
    r.write = [d, id, scope, fn](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(WatchOrder o, ChangeOrderInScope(c, d.hub, id, scope, fn, NowUnix()));
        out.body = OrderJson(o);
        return Status::Ok();
    };
    return r;
}

using watchlist::ReasonBody;

Result<ReasonBody> ParseReason(const Request& req, bool reason_required) {
    return watchlist::ParseReasonBody(req.body, reason_required);
}

Status CanChange(const Request& req) {
    if (req.principal->Can("watch.apply") || req.principal->Can("watch.approve")) return Status::Ok();
    return Status::Denied("watch.apply");
}

Result<Reply> ListHandler(const Deps& d, Request& req) {
    OrderFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.status,
                        http::QueryEnum(req, "status", {"pending", "active", "rejected", "withdrawn", "expired"}));
    f.plate = NormaliseWatchPlate(req.Query("plate"));
    f.case_no = req.Query("case_no");
    JW_ASSIGN_OR_RETURN(f.unit_id, http::QueryId(req, "unit_id"));
    f.unit_scope = Scope(req);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListOrders(**c, f));
    Json items = Json::array();
    for (const auto& o : page.first) items.push_back(OrderJson(o));
    return Reply::Json200({{"items", items}, {"total", page.second}});
}

Result<Reply> GetHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(OrderDetail detail, GetOrderDetail(**c, id, Scope(req)));
    Json j = OrderJson(detail.order);
    j["events"] = Json::array();
    for (const auto& e : detail.events) j["events"].push_back(EventJson(e));
    j["hits"] = Json::array();
    for (const auto& h : detail.hits) j["hits"].push_back(HitJson(h));
    j["hits_total"] = detail.hits_total;
    Reply r = Reply::Json200(std::move(j));
    r.audit_object = "watch_order:" + std::to_string(id);
    return r;
}

Result<Reply> CreateHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(OrderInput in, ParseOrderInput(body, false));
    const int64_t now = NowUnix();
    JW_RETURN_IF_ERROR(ValidateOrder(alerts::Policy::Default(), in, now));  // before queueing: a clear 400
    const Actor actor = ActorOf(req);
    Reply r;
    r.status = 201;
    r.audit_detail = in.target + " " + in.case_no;
    r.write = [in, actor](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t at = NowUnix();
        JW_ASSIGN_OR_RETURN(WatchOrder o, CreateOrderAndGet(c, alerts::Policy::Default(), in, actor, at));
        e.object = "watch_order:" + std::to_string(o.id);
        out.body = OrderJson(o);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ImportHandler(const Deps&, Request& req) {
    // Refused before parsing: too big, not a text list, a CSV bomb.
    JW_RETURN_IF_ERROR(CheckBodySize("text", req.body.size(), kWatchImportBodyBytes));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(OrderInput common, ParseOrderInput(body, true));
    if (!body.contains("text") || !body["text"].is_string() || body["text"].get<std::string>().empty())
        return Status::Invalid("text", "required");
    const std::string text = body["text"].get<std::string>();
    JW_RETURN_IF_ERROR(CheckTextUpload("text", text, kWatchListLimits));
    const Actor actor = ActorOf(req);
    Reply r;
    r.audit_object = "watch_orders";
    r.write = [common, actor, text](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(ImportReport rep, ImportOrders(c, alerts::Policy::Default(), text, common, actor, now));
        e.detail = "import " + std::to_string(rep.created.size()) + " created, " + std::to_string(rep.invalid.size()) +
                   " invalid, " + std::to_string(rep.duplicates.size()) + " duplicate";
        out.body = ImportReportJson(rep);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ApproveHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(ReasonBody b, ParseReason(req, false));
    const Actor actor = ActorOf(req);
    return ChangeReply(d, req, id, b.reason, [id, actor, b](storage::Connection& c, int64_t now) {
        return ApproveOrder(c, id, actor, b.version, now, b.reason);
    });
}

Result<Reply> RejectHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(ReasonBody b, ParseReason(req, true));
    const Actor actor = ActorOf(req);
    return ChangeReply(d, req, id, b.reason, [id, actor, b](storage::Connection& c, int64_t now) {
        return RejectOrder(c, id, actor, b.reason, b.version, now);
    });
}

Result<Reply> WithdrawHandler(const Deps& d, Request& req) {
    JW_RETURN_IF_ERROR(CanChange(req));
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(ReasonBody b, ParseReason(req, true));
    const Actor actor = ActorOf(req);
    return ChangeReply(d, req, id, b.reason, [id, actor, b](storage::Connection& c, int64_t now) {
        return WithdrawOrder(c, id, actor, b.reason, b.version, now);
    });
}

Result<Reply> ChangeHandler(const Deps& d, Request& req) {
    JW_RETURN_IF_ERROR(CanChange(req));
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    std::optional<int64_t> version;
    JW_ASSIGN_OR_RETURN(ChangeInput in, ParseChangeInput(body, &version));
    const Actor actor = ActorOf(req);
    return ChangeReply(d, req, id, in.reason, [id, actor, in, version](storage::Connection& c, int64_t now) {
        return ChangeOrder(c, alerts::Policy::Default(), id, in, actor, version, now);
    });
}

Result<Reply> HitsHandler(const Deps& d, Request& req) {
    HitFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.order_id, http::QueryId(req, "order_id"));
    f.plate = NormaliseWatchPlate(req.Query("plate"));
    f.unit_scope = Scope(req);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, ListHits(**c, f));
    Json items = Json::array();
    for (const auto& h : page.first) items.push_back(HitJson(h));
    return Reply::Json200({{"items", items}, {"total", page.second}});
}

// The create form's choices: units to notify, and the colour of each priority (alerts data/colours.csv).
Result<Reply> OptionsHandler(const Deps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto choices, NotifiableUnits(**c));
    Json units = Json::array();
    for (const auto& u : choices)
        units.push_back({{"id", u.id},
                         {"name", u.name},
                         {"kind", u.kind},
                         {"parent_id", u.parent_id ? Json(*u.parent_id) : Json(nullptr)}});
    Json priorities = Json::array();
    for (int p = 1; p <= 4; ++p) {
        const auto& rule = alerts::Policy::Default().ForPriority(p);
        priorities.push_back(
            {{"priority", p}, {"colour", rule.colour}, {"name_zh", rule.name_zh}, {"name_en", rule.name_en}});
    }
    return Reply::Json200({{"units", units}, {"priorities", priorities}});
}

// Live format check of a plate for the create form: the normalised plate, or the GA 36 problem.
Result<Reply> CheckPlateHandler(const Deps&, Request& req) {
    auto p = CheckWatchPlate(req.Query("plate"), "plate");
    if (!p.ok()) {
        const Status s = p.status();
        const auto& f = s.fields();
        return Reply::Json200({{"ok", false},
                               {"normalised", NormaliseWatchPlate(req.Query("plate"))},
                               {"problem", f.empty() ? "invalid" : f.begin()->second}});
    }
    return Reply::Json200({{"ok", true}, {"normalised", *p}});
}

}  // namespace

void RegisterWatchRoutes(http::Router& router, const Deps& deps) {
    auto bind = [deps](Result<Reply> (*fn)(const Deps&, Request&)) {
        return [deps, fn](Request& req) { return fn(deps, req); };
    };
    const std::string base = "/api/v1/checkpoint/watch-orders";
    router.Add({"GET", base, "watch.read", "watch.list", bind(ListHandler)});
    router.Add({"POST", base, "watch.apply", "watch.create", bind(CreateHandler)});
    router.Add({"POST", base + "/import", "watch.apply", "watch.import", bind(ImportHandler)});
    router.Add({"GET", base + "/options", "watch.read", "watch.options", bind(OptionsHandler)});
    router.Add({"GET", base + "/check-plate", "watch.read", "watch.check_plate", bind(CheckPlateHandler)});
    router.Add({"GET", base + "/:id", "watch.read", "watch.read", bind(GetHandler)});
    router.Add({"PUT", base + "/:id", "watch.read", "watch.change", bind(ChangeHandler)});
    router.Add({"POST", base + "/:id/approve", "watch.approve", "watch.approve", bind(ApproveHandler)});
    router.Add({"POST", base + "/:id/reject", "watch.approve", "watch.reject", bind(RejectHandler)});
    router.Add({"POST", base + "/:id/withdraw", "watch.read", "watch.withdraw", bind(WithdrawHandler)});
    router.Add({"GET", "/api/v1/checkpoint/watch-hits", "watch.read", "watch.hits", bind(HitsHandler)});
}

// Every minute: expire orders past valid_to (audited as a system action), then rebuild the watch list from the
// committed state, so expiry takes effect within a minute even with no other change.
Status RegisterWatchJobs(notify::Scheduler& scheduler, const Deps& deps) {
    return scheduler.Register("watch.expire", 60, [deps] {
        {
            auto c = deps.db.Acquire();
            if (!c.ok()) return c.status();
            JW_ASSIGN_OR_RETURN(const bool due, AnyOrderDue(**c, NowUnix()));
            if (!due) return RefreshWatchList(**c, deps.hub, NowUnix());
        }
        audit::AuditEntry e;
        e.username = "system:scheduler";
        e.client = "scheduler";
        e.action = "watch.expire";
        e.object = "watch_orders";
        JW_RETURN_IF_ERROR(deps.audit.Run(e, [](storage::Connection& c, audit::AuditEntry& entry) -> Status {
            JW_ASSIGN_OR_RETURN(int n, ExpireDue(c, NowUnix()));
            entry.detail = std::to_string(n) + " expired";
            return Status::Ok();
        }));
        auto c = deps.db.Acquire();
        if (!c.ok()) return c.status();
        return RefreshWatchList(**c, deps.hub, NowUnix());
    });
}

}  // namespace jw::checkpoint
