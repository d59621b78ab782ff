// GA/T 1400 view-library offer of our watch orders (布控) and their hits: GET /VIID/Dispositions (active
// orders as DispositionObject), GET /VIID/DispositionNotifications (hits as DispositionNotificationObject,
// newest first) and POST /VIID/Dispositions, which is refused: watch orders are applied for in Jingwu, with a
// case number and approval (docs/adr/0010-watch-orders.md § Watch orders over GA/T 1400). All need a
// registered client (RequireRegistered); the dispatcher audits every call (these are reads of sensitive data).
// A client receives only the orders addressed to it: those notifying (or applied for by) the unit it is bound
// to; a client bound to no unit receives none (docs/adr/0016-viid-session-security.md).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <variant>

#include "checkpoint/viid/viid_context.hpp"
#include "checkpoint/watch/watch_repository.hpp"
#include "common/civil_time.hpp"
#include "http/params.hpp"

namespace jw::checkpoint {
namespace {

using http::Reply;
using http::Request;
using viid::Code;

constexpr int64_t kDefaultPageRecords = 100;
constexpr int64_t kMaxPageRecords = 1000;
constexpr int kDispositionCategoryMotorVehicle = 3;  // GA/T 1400 DispositionCategory: 3 motor vehicle

// GA/T 1400 DispositionStatus: 0 in force (布控中), 1 withdrawn (撤控), 2 expired, 9 not in force (未布控).
int DispositionStatus(const std::string& status) {
    if (status == "active") return 0;
    if (status == "withdrawn") return 1;
    if (status == "expired") return 2;
    return 9;
}

// A 20-digit identifier: the county's region code (6 digits) then the row id, zero-padded to 14 digits.
std::string FormatObjectId(const std::string& region, int64_t id) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%014lld", static_cast<long long>(id));
    return (region.size() == 6 ? region : std::string("519901")) + buf;
}

// The row id of a FormatObjectId value; nullopt unless it has our region prefix and digits only.
std::optional<int64_t> ParseObjectId(const std::string& region, const std::string& text) {
    const std::string prefix = region.size() == 6 ? region : std::string("519901");
    if (text.size() != 20 || text.compare(0, 6, prefix) != 0) return std::nullopt;
    int64_t id = 0;
    const char* b = text.data() + 6;
    const char* e = text.data() + text.size();
    auto [p, ec] = std::from_chars(b, e, id);
    if (ec != std::errc() || p != e || id <= 0) return std::nullopt;
    return id;
}

// A query parameter, its name matched case-insensitively (vendors differ in casing, GA/T 1400 is read
// leniently as in viid_codec.hpp).
std::optional<std::string> QueryParam(const Request& req, std::string_view name) {
    for (const auto& [k, v] : req.query) {
        if (k.size() == name.size() && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            }))
            return v;
    }
    return std::nullopt;
}

// A positive integer query parameter; `fallback` when absent; nullopt (bad) when not a positive integer.
std::optional<int64_t> PositiveParam(const Request& req, std::string_view name, int64_t fallback) {
    auto v = QueryParam(req, name);
    if (!v) return fallback;
    auto n = http::ParseInteger(name, *v, 1, INT64_MAX);
    return n.ok() ? std::optional<int64_t>(*n) : std::nullopt;
}

struct Paging {
    int64_t offset = 0;
    int page_records = static_cast<int>(kDefaultPageRecords);
};

// GA/T 1400 paging: RecordStartNo (1-based, default 1), PageRecordNum (default 100, at most 1000; more is
// capped). A value that is not a positive integer → a 400 reply naming it, StatusCode 8.
std::variant<Paging, Reply> ReadPaging(const Request& req, const std::string& client) {
    auto start = PositiveParam(req, "RecordStartNo", 1);
    auto num = PositiveParam(req, "PageRecordNum", kDefaultPageRecords);
    if (!start || !num) {
        const char* field = !start ? "RecordStartNo: bad_format" : "PageRecordNum: bad_format";
        Reply r = ViidReply(400, viid::ResponseStatus(req.path, Code::kInvalidJsonContent, field, "", NowUnix()));
        r.audit_object = "viid_client:" + client;
        r.audit_detail = field;
        return r;
    }
    return Paging{*start - 1, static_cast<int>(std::min(*num, kMaxPageRecords))};
}

Json DispositionJson(const WatchOrder& o, const std::string& region) {
    return Json{{"DispositionID", FormatObjectId(region, o.id)},
                {"Title", "车辆布控 " + o.target + (o.case_no.empty() ? "" : "（" + o.case_no + "）")},
                {"DispositionCategory", kDispositionCategoryMotorVehicle},
                {"TargetFeature", o.target},
                {"PriorityLevel", o.priority},
                {"ApplicantName", o.applicant_name},
                {"ApplicantOrg", o.unit_name},
                {"BeginTime", viid::FormatViidTime(o.valid_from)},
                {"EndTime", viid::FormatViidTime(o.valid_to)},
                {"DispositionStatus", DispositionStatus(o.status)},
                {"DispositionRange", "2"},  // area (the county); not restricted to named tollgates
                {"DispositionArea", region}};
}

Json NotificationJson(const WatchHitRow& h, const std::string& region) {
    const std::string id = FormatObjectId(region, h.id);
    return Json{{"NotificationID", id},
                {"DispositionID", FormatObjectId(region, h.order_id)},
                {"Title", "车辆布控命中 " + h.plate + " " + h.checkpoint_name},
                {"TriggerTime", viid::FormatViidTime(h.recorded_at)},
                {"CntObjectID", id},
                {"MotorVehicleObject", Json{{"PlateNo", h.plate},
                                            {"PlateColor", std::to_string(h.plate_color)},
                                            {"TollgateID", h.checkpoint_id},
                                            {"PassTime", viid::FormatViidTime(h.pass_time)},
                                            {"Direction", std::to_string(h.direction)},
                                            {"LaneNo", h.lane},
                                            {"Speed", h.speed}}}};
}

Result<Reply> ListDispositionsHandler(ViidContext& ctx, Request& req) {
    std::string client;
    std::optional<int64_t> unit;
    if (auto refused = RequireRegistered(ctx, req, &client, &unit)) return *refused;
    auto paging = ReadPaging(req, client);
    if (auto* bad = std::get_if<Reply>(&paging)) return *bad;
    const Paging& pg = std::get<Paging>(paging);
    OrderFilter f;
    f.status = "active";
    f.page_size = pg.page_records;
    f.offset = pg.offset;
    f.unit_scope = unit ? std::vector<int64_t>{*unit} : std::vector<int64_t>{};
    JW_ASSIGN_OR_RETURN(auto c, ctx.deps.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto page, ListOrders(*c, f));  // an empty scope matches nothing
    Json items = Json::array();
    for (const auto& o : page.first) items.push_back(DispositionJson(o, ctx.deps.region_code));
    Reply r = ViidReply(200, Json{{"DispositionListObject", Json{{"DispositionObject", std::move(items)}}}});
    r.audit_object = "viid_client:" + client;
    r.audit_detail = "dispositions=" + std::to_string(page.first.size()) + " start=" + std::to_string(pg.offset + 1);
    return r;
}

Result<Reply> ListNotificationsHandler(ViidContext& ctx, Request& req) {
    std::string client;
    std::optional<int64_t> unit;
    if (auto refused = RequireRegistered(ctx, req, &client, &unit)) return *refused;
    auto paging = ReadPaging(req, client);
    if (auto* bad = std::get_if<Reply>(&paging)) return *bad;
    const Paging& pg = std::get<Paging>(paging);
    HitFilter f;
    f.page_size = pg.page_records;
    f.offset = pg.offset;
    if (auto d = QueryParam(req, "DispositionID"); d && !d->empty()) {
        f.order_id = ParseObjectId(ctx.deps.region_code, *d);
        if (!f.order_id) {
            Reply r = ViidReply(400, viid::ResponseStatus(req.path, Code::kInvalidJsonContent,
                                                          "DispositionID: bad_format", "", NowUnix()));
            r.audit_object = "viid_client:" + client;
            r.audit_detail = "DispositionID: bad_format";
            return r;
        }
    }
    f.unit_scope = unit ? std::vector<int64_t>{*unit} : std::vector<int64_t>{};
    JW_ASSIGN_OR_RETURN(auto c, ctx.deps.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto page, ListHits(*c, f));  // an empty scope matches nothing
    Json items = Json::array();
    for (const auto& h : page.first) items.push_back(NotificationJson(h, ctx.deps.region_code));
    Reply r = ViidReply(
        200, Json{{"DispositionNotificationListObject", Json{{"DispositionNotificationObject", std::move(items)}}}});
    r.audit_object = "viid_client:" + client;
    r.audit_detail = "notifications=" + std::to_string(page.first.size()) + " start=" + std::to_string(pg.offset + 1) +
                     (f.order_id ? " watch_order=" + std::to_string(*f.order_id) : "");
    return r;
}

// Watch orders are never created from outside: each needs a case number and a leader's approval in Jingwu so
// that someone answers for it (accountability rule, ADR 0010). Nothing of the body is read or written.
Result<Reply> CreateDispositionHandler(ViidContext& ctx, Request& req) {
    std::string client;
    if (auto refused = RequireRegistered(ctx, req, &client)) return *refused;
    Reply r = ViidReply(403, viid::ResponseStatus(req.path, Code::kInvalidOperation,
                                                  "Dispositions: not_accepted (watch orders are applied for in "
                                                  "Jingwu, with a case number and approval)",
                                                  "", NowUnix()));
    r.audit_object = "viid_client:" + client;
    r.audit_detail = "refused: watch orders are applied for in Jingwu";
    return r;
}

}  // namespace

void AddDispositionRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx) {
    auto bind = [ctx](Result<Reply> (*fn)(ViidContext&, Request&)) {
        return [ctx, fn](Request& req) { return fn(*ctx, req); };
    };
    router.Add({"GET", "/VIID/Dispositions", "public", "viid.dispositions.list", bind(ListDispositionsHandler)});
    router.Add({"POST", "/VIID/Dispositions", "public", "viid.dispositions.create", bind(CreateDispositionHandler)});
    router.Add({"GET", "/VIID/DispositionNotifications", "public", "viid.disposition_notifications.list",
                bind(ListNotificationsHandler)});
}

}  // namespace jw::checkpoint
