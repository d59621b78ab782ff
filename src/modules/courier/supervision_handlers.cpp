#include "common/civil_time.hpp"
#include "courier/area_scope.hpp"
#include "courier/courier_handlers.hpp"
#include "courier/record_repository.hpp"
#include "courier/registry_repository.hpp"
#include "courier/supervision.hpp"
#include "http/params.hpp"

namespace jw::courier {
namespace {
using http::Reply;
using http::Request;

// The period of a request: from/to dates (default: the last 7 days in China).
Status Period(const Request& req, std::string* from, std::string* to) {
    JW_ASSIGN_OR_RETURN(auto f, http::QueryDate(req, "from"));
    JW_ASSIGN_OR_RETURN(auto t, http::QueryDate(req, "to"));
    const int64_t now = NowUnix();
    *to = t ? FormatDate(*t) : ChinaDate(now);
    *from = f ? FormatDate(*f) : ChinaDate(now - 6 * 86400);
    if (*from > *to) return Status::Invalid("from", "after_to");
    return Status::Ok();
}

Result<Reply> Outlets(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto outlets, ListOutlets(*c, std::nullopt));
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    Json items = Json::array();
    for (const auto& o : outlets)
        if (InScope(area, o.id))
            items.push_back({{"id", o.id},
                             {"company_id", o.company_id},
                             {"code", o.code},
                             {"name", o.name},
                             {"licence_no", o.licence_no},
                             {"manager_name", o.manager_name},
                             {"address", o.address_text},
                             {"township", o.township},
                             {"station_unit_id", o.station_unit_id}});
    return Reply::Json200({{"items", items}});
}

// GET /api/v1/courier/supervision/rates?from&to: per outlet and day.
Result<Reply> Rates(const Deps& d, Request& req) {
    std::string from, to;
    JW_RETURN_IF_ERROR(Period(req, &from, &to));
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    JW_ASSIGN_OR_RETURN(auto days, OutletDays(*c, from, to, area));
    Json items = Json::array();
    for (const auto& x : days)
        items.push_back({{"outlet_id", x.outlet_id},
                         {"outlet_name", x.outlet_name},
                         {"company_name", x.company_name},
                         {"township", x.township},
                         {"day", x.day},
                         {"total", x.total},
                         {"verified", x.verified},
                         {"rate", x.rate()},
                         {"late", x.late},
                         {"refused", x.refused}});
    return Reply::Json200({{"from", from}, {"to", to}, {"items", items}});
}

// POST /api/v1/courier/collide {from, to, list?: [ID numbers or phones], min_count?}: against the list when given,
// else the period's senders and receivers against each other. Results masked; the records are read with the
// person search.
Result<Reply> Collide(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    for (const char* k : {"from", "to"})
        if (body.contains(k) && body[k].is_string()) req.query[k] = body[k].get<std::string>();
    std::string from, to;
    JW_RETURN_IF_ERROR(Period(req, &from, &to));
    int min_count = 10;
    if (body.contains("min_count")) {
        if (!body["min_count"].is_number_integer() || body["min_count"].get<int>() < 2 ||
            body["min_count"].get<int>() > 1000)
            return Status::Invalid("min_count", "out_of_range");
        min_count = body["min_count"].get<int>();
    }
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    std::vector<Collision> found;
    if (body.contains("list")) {
        if (!body["list"].is_array() || body["list"].size() > 1000) return Status::Invalid("list", "bad_type");
        std::vector<std::string> list;
        for (const auto& x : body["list"]) {
            if (!x.is_string()) return Status::Invalid("list", "bad_type");
            list.push_back(x.get<std::string>());
        }
        JW_ASSIGN_OR_RETURN(found, CollideWithList(*c, from, to, list, area));
    } else {
        JW_ASSIGN_OR_RETURN(found, CollideWithin(*c, from, to, min_count, area));
    }
    Json items = Json::array();
    for (const auto& f : found)
        items.push_back({{"kind", f.kind}, {"key", f.key_masked}, {"count", f.count}, {"record_ids", f.record_ids}});
    Reply r = Reply::Json200({{"from", from}, {"to", to}, {"items", items}});
    r.audit_detail = std::to_string(found.size()) + " groups";
    return r;
}

}  // namespace

void RegisterSupervisionRoutes(http::Router& router, const Deps& d) {
    router.Add({"GET", "/api/v1/courier/outlets", "courier.supervise", "courier.outlets.read",
                [d](Request& r) { return Outlets(d, r); }});
    router.Add({"GET", "/api/v1/courier/supervision/rates", "courier.supervise", "courier.rates.read",
                [d](Request& r) { return Rates(d, r); }});
    http::Route collide{"POST", "/api/v1/courier/collide", "courier.collide", "courier.collide",
                        [d](Request& r) { return Collide(d, r); }};
    collide.needs_purpose = true;  // it names people of interest
    router.Add(std::move(collide));
}

}  // namespace jw::courier
