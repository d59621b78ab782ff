#include <optional>

#include "auth/external.hpp"
#include "common/civil_time.hpp"
#include "courier/courier_handlers.hpp"
#include "courier/records/categories.hpp"
#include "courier/records/record_json.hpp"
#include "courier/records/record_service.hpp"
#include "courier/registry/registry_repository.hpp"
#include "courier/supervision/area_scope.hpp"
#include "http/params.hpp"
#include "idempotency/idempotency.hpp"

namespace jw::courier {

Result<Outlet> CallerOutlet(storage::Connection& c, int64_t org_id, const std::string& org_kind) {
    if (org_kind != "courier_outlet") return Status::Denied("not staff of an outlet");
    JW_ASSIGN_OR_RETURN(auto outlets, OutletsOfOrgs(c, {org_id}));
    if (outlets.empty()) return Status::Denied("not staff of an outlet");
    return outlets.front();
}

namespace {
using http::Reply;
using http::Request;

// The outlets an external caller sees: its outlet, or a company administrator's outlets (OrgFilter).
Result<std::vector<int64_t>> CallerOutletIds(storage::Connection& c, const auth::Principal& p) {
    auto filter = auth::OrgFilter(p);
    if (!filter) return Status::Denied("not staff of an outlet");
    JW_ASSIGN_OR_RETURN(auto outlets, OutletsOfOrgs(c, *filter));
    std::vector<int64_t> ids;
    for (const auto& o : outlets) ids.push_back(o.id);
    if (ids.empty()) ids.push_back(-1);  // an organisation with no outlet registered sees nothing
    return ids;
}

Result<Reply> Categories(Request&) {
    Json items = Json::array();
    for (const auto& c : courier::Categories())
        items.push_back(
            {{"code", c.code}, {"name_zh", c.name_zh}, {"name_en", c.name_en}, {"level", c.level}, {"basis", c.basis}});
    return Reply::Json200({{"items", items}});
}

// POST /api/v1/courier/records: the counter. The record and its checks commit in one audited transaction.
Result<Reply> CreateAtCounter(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(RecordInput in, RecordFromJson(body));
    JW_RETURN_IF_ERROR(ValidateRecord(in, Channel::kCounter, NowUnix()));  // before the writer: fast answers
    const int64_t user = req.principal->user_id, org = req.principal->org_id;
    const std::string kind = req.principal->org_kind;
    Reply r;
    r.status = 201;
    r.audit_object = "courier_record:" + in.waybill_no;
    r.write = [d, in, user, org, kind](storage::Connection& c, audit::AuditEntry& e, Reply& reply) -> Status {
        JW_ASSIGN_OR_RETURN(Outlet outlet, CallerOutlet(c, org, kind));
        JW_ASSIGN_OR_RETURN(IntakeOutcome o, Intake(c, outlet, in, Channel::kCounter, user, d.watch, NowUnix()));
        e.object = "courier_record:" + std::to_string(o.record_id);
        e.detail = o.status;
        reply.body = OutcomeJson(o);
        return Status::Ok();
    };
    return r;
}

Result<RecordQuery> QueryFrom(const Request& req) {
    RecordQuery q;
    JW_ASSIGN_OR_RETURN(http::Page page, http::QueryPage(req));
    q.page = page.page, q.page_size = page.page_size;
    q.waybill_no = req.Query("waybill_no");
    q.sender_id = req.Query("sender_id");
    q.sender_name = req.Query("sender_name");
    q.phone = req.Query("phone");
    JW_ASSIGN_OR_RETURN(q.record_ids, http::QueryIdList(req, "record_ids", 50));
    JW_ASSIGN_OR_RETURN(q.outlet_id, http::QueryId(req, "outlet_id"));
    JW_ASSIGN_OR_RETURN(q.company_id, http::QueryId(req, "company_id"));
    JW_ASSIGN_OR_RETURN(auto from, http::QueryDate(req, "from"));
    JW_ASSIGN_OR_RETURN(auto to, http::QueryDate(req, "to"));
    if (from) q.from_day = FormatDate(*from);
    if (to) q.to_day = FormatDate(*to);
    return q;
}

Json PageJson(const RecordPage& page) {
    Json items = Json::array();
    for (const auto& v : page.items) items.push_back(RecordViewJson(v));
    return {{"total", page.total}, {"items", items}};
}

// GET /api/v1/courier/my/records: an outlet's own records (a company administrator's: its outlets'), masked,
// never another outlet's.
Result<Reply> OwnRecords(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(RecordQuery q, QueryFrom(req));
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(std::vector<int64_t> scope, CallerOutletIds(*c, *req.principal));
    q.company_id.reset();
    q.outlet_ids = scope;
    q.sender_id.clear(), q.sender_name.clear(), q.phone.clear();  // person searches are the police's
    q.record_ids.clear();
    JW_ASSIGN_OR_RETURN(RecordPage page, SearchRecords(*c, q, false));
    Reply r = Reply::Json200(PageJson(page));
    r.audit_object = "org:" + std::to_string(req.principal->org_id);
    return r;
}

// GET /api/v1/courier/records: the police's browse by outlet, company, date, waybill — masked.
Result<Reply> Browse(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(RecordQuery q, QueryFrom(req));
    if (!q.sender_id.empty() || !q.sender_name.empty() || !q.phone.empty() || !q.record_ids.empty())
        return Status::Invalid("sender_id", "use_person_search");  // a person's parcels need a purpose
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    if (area) q.outlet_ids = *area;
    JW_ASSIGN_OR_RETURN(RecordPage page, SearchRecords(*c, q, false));
    Reply r = Reply::Json200(PageJson(page));
    r.audit_detail = std::to_string(page.total) + " records";
    return r;
}

// GET /api/v1/courier/records/search: a person's parcels (by sender ID, name or phone); purpose and case number
// required (the route says so); masked unless full=true, which the audit records.
Result<Reply> PersonSearch(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(RecordQuery q, QueryFrom(req));
    if (q.sender_id.empty() && q.sender_name.empty() && q.phone.empty() && q.record_ids.empty())
        return Status::Invalid("sender_id", "required");
    JW_ASSIGN_OR_RETURN(bool full, http::QueryBool(req, "full", false));
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    if (area) q.outlet_ids = *area;
    JW_ASSIGN_OR_RETURN(RecordPage page, SearchRecords(*c, q, full));
    Reply r = Reply::Json200(PageJson(page));
    r.audit_detail = std::string(full ? "full, " : "masked, ") + std::to_string(page.total) + " records";
    return r;
}

}  // namespace

void RegisterRecordRoutes(http::Router& router, const Deps& d, std::string_view master_key) {
    router.Add({"GET", "/api/v1/courier/categories", "courier.categories", "courier.categories",
                [](Request& r) { return Categories(r); }});
    router.Add({"POST", "/api/v1/courier/records", "courier.record.create", "courier.record.create",
                idempotency::Once(d.db, std::string(master_key), [d](Request& r) { return CreateAtCounter(d, r); })});
    router.Add({"GET", "/api/v1/courier/my/records", "courier.record.own", "courier.record.own",
                [d](Request& r) { return OwnRecords(d, r); }});
    router.Add({"GET", "/api/v1/courier/records", "courier.supervise", "courier.records.browse",
                [d](Request& r) { return Browse(d, r); }});
    http::Route search{"GET", "/api/v1/courier/records/search", "courier.search", "courier.records.search",
                       [d](Request& r) { return PersonSearch(d, r); }};
    search.needs_purpose = true;
    router.Add(std::move(search));
}

}  // namespace jw::courier
