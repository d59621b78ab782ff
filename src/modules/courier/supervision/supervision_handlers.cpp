#include <cstdio>
#include <map>

#include "cases/case_repository.hpp"
#include "cases/case_scope.hpp"
#include "common/civil_time.hpp"
#include "common/csv.hpp"
#include "courier/courier_handlers.hpp"
#include "courier/records/record_repository.hpp"
#include "courier/registry/registry_repository.hpp"
#include "courier/supervision/area_scope.hpp"
#include "courier/supervision/statistics.hpp"
#include "courier/supervision/supervision.hpp"
#include "http/params.hpp"
#include "personwatch/personwatch_repository.hpp"

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
    JW_ASSIGN_OR_RETURN(auto companies, ListCompanies(*c));
    std::map<int64_t, std::string> company_names;
    for (const auto& co : companies) company_names[co.id] = co.name;
    Json items = Json::array();
    for (const auto& o : outlets)
        if (InScope(area, o.id))
            items.push_back({{"id", o.id},
                             {"company_id", o.company_id},
                             {"company_name", company_names[o.company_id]},
                             {"code", o.code},
                             {"name", o.name},
                             {"licence_no", o.licence_no},
                             {"manager_name", o.manager_name},
                             {"address", o.address_text},
                             {"township", o.township},
                             {"station_unit_id", o.station_unit_id}});
    return Reply::Json200({{"items", items}});
}

Result<OutletFilter> FilterFrom(const Request& req) {
    OutletFilter f;
    JW_ASSIGN_OR_RETURN(f.company_id, http::QueryId(req, "company_id"));
    JW_ASSIGN_OR_RETURN(f.outlet_id, http::QueryId(req, "outlet_id"));
    f.township = req.Query("township");
    if (f.township.size() > 60) return Status::Invalid("township", "too_long");
    return f;
}

Result<RateGrid> Grid(const Deps& d, Request& req, std::string* from, std::string* to) {
    JW_RETURN_IF_ERROR(Period(req, from, to));
    JW_ASSIGN_OR_RETURN(OutletFilter f, FilterFrom(req));
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    return LoadRateGrid(*c, *from, *to, area, f);
}

Reply CsvReply(std::string csv, const std::string& name, size_t rows) {
    Reply r;
    r.raw = "\xEF\xBB\xBF" + std::move(csv);
    r.content_type = "text/csv; charset=utf-8";
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + name + "\""});
    r.audit_detail = std::to_string(rows) + " rows";
    return r;
}

std::string Percent(double share) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
    return buf;
}

// GET /api/v1/courier/supervision/rates?from&to&company_id&outlet_id&township&page&page_size: per outlet and day
// (a day without records marked missing), one page of rows, and the whole filter's daily series for the chart.
Result<Reply> Rates(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(http::Page page, http::QueryPage(req));
    std::string from, to;
    JW_ASSIGN_OR_RETURN(RateGrid grid, Grid(d, req, &from, &to));
    Json items = Json::array();
    const size_t first = size_t(page.page - 1) * size_t(page.page_size);
    for (size_t i = first; i < grid.rows.size() && i < first + size_t(page.page_size); ++i) {
        const RateRow& row = grid.rows[i];
        const OutletDay& x = row.day;
        items.push_back({{"outlet_id", x.outlet_id},
                         {"outlet_name", x.outlet_name},
                         {"company_id", row.company_id},
                         {"company_name", x.company_name},
                         {"township", x.township},
                         {"day", x.day},
                         {"total", x.total},
                         {"verified", x.verified},
                         {"rate", x.rate()},
                         {"late", x.late},
                         {"refused", x.refused},
                         {"held", x.held},
                         {"missing", row.missing}});
    }
    Json daily = Json::array();
    for (const auto& x : grid.daily)
        daily.push_back({{"day", x.day},
                         {"total", x.total},
                         {"verified", x.verified},
                         {"rate", x.rate()},
                         {"late", x.late},
                         {"missing_outlets", x.missing_outlets}});
    return Reply::Json200(
        {{"from", from}, {"to", to}, {"items", items}, {"total", grid.rows.size()}, {"daily", daily}});
}

// GET …/rates/export: every row of the filter as CSV (Excel: UTF-8 with a BOM), audited with the row count.
Result<Reply> RatesExport(const Deps& d, Request& req) {
    std::string from, to;
    JW_ASSIGN_OR_RETURN(RateGrid grid, Grid(d, req, &from, &to));
    std::string csv = "日期,公司,网点,乡镇,收寄量,实名量,实名率,迟报,拒收,缺报\r\n";
    for (const auto& row : grid.rows) {
        const OutletDay& x = row.day;
        csv += x.day + "," + CsvCell(x.company_name) + "," + CsvCell(x.outlet_name) + "," + CsvCell(x.township) + "," +
               std::to_string(x.total) + "," + std::to_string(x.verified) + "," + Percent(x.rate()) + "," +
               std::to_string(x.late) + "," + std::to_string(x.refused) + "," + (row.missing ? "是" : "") + "\r\n";
    }
    Reply r = CsvReply(std::move(csv), "courier-rates-" + from + "-" + to + ".csv", grid.rows.size());
    r.audit_object = "courier_rates:" + from + ".." + to;
    return r;
}

Result<std::vector<StatRow>> Stats(const Deps& d, Request& req, std::string* by, std::string* from, std::string* to) {
    JW_ASSIGN_OR_RETURN(*by, http::QueryEnum(req, "by", {"company", "outlet", "township"}));
    if (by->empty()) *by = "outlet";
    JW_RETURN_IF_ERROR(Period(req, from, to));
    JW_ASSIGN_OR_RETURN(OutletFilter f, FilterFrom(req));
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    return LoadStatistics(*c, *by, *from, *to, area, f);
}

// GET /api/v1/courier/supervision/statistics?by=company|outlet|township&from&to&company_id&outlet_id&township.
Result<Reply> Statistics(const Deps& d, Request& req) {
    std::string by, from, to;
    JW_ASSIGN_OR_RETURN(auto rows, Stats(d, req, &by, &from, &to));
    Json items = Json::array();
    for (const auto& s : rows)
        items.push_back({{"key", s.key},
                         {"name", s.name},
                         {"outlets", s.outlets},
                         {"records", s.records},
                         {"verified", s.verified},
                         {"verified_share", s.verified_share()},
                         {"held", s.held},
                         {"refused", s.refused},
                         {"late", s.late},
                         {"photos", s.photos}});
    return Reply::Json200({{"by", by}, {"from", from}, {"to", to}, {"items", items}, {"total", rows.size()}});
}

Result<Reply> StatisticsExport(const Deps& d, Request& req) {
    std::string by, from, to;
    JW_ASSIGN_OR_RETURN(auto rows, Stats(d, req, &by, &from, &to));
    const char* head = by == "company" ? "公司" : by == "outlet" ? "网点" : "乡镇";
    std::string csv = std::string(head) + ",网点数,收寄量,实名量,实名率,待核(留置),拒收,迟报,照片\r\n";
    for (const auto& s : rows)
        csv += CsvCell(s.name) + "," + std::to_string(s.outlets) + "," + std::to_string(s.records) + "," +
               std::to_string(s.verified) + "," + Percent(s.verified_share()) + "," + std::to_string(s.held) + "," +
               std::to_string(s.refused) + "," + std::to_string(s.late) + "," + std::to_string(s.photos) + "\r\n";
    Reply r = CsvReply(std::move(csv), "courier-statistics-" + by + "-" + from + "-" + to + ".csv", rows.size());
    r.audit_object = "courier_statistics:" + by + ":" + from + ".." + to;
    return r;
}

// The list to compare with (collide's `source`): typed ID numbers or phones (`list`), the person watch list's active
// entries, or the people of a case the caller may see (`list_case_no`; NotFound "case" otherwise, as the cases
// module answers). Error: InvalidArgument naming the field.
Result<std::vector<std::string>> CollideList(storage::Connection& c, const auth::Principal& p, const Json& body,
                                             const std::string& source) {
    std::vector<std::string> list;
    if (source == "list") {
        if (!body.contains("list") || !body["list"].is_array() || body["list"].size() > 1000)
            return Status::Invalid("list", "bad_type");
        for (const auto& x : body["list"]) {
            if (!x.is_string()) return Status::Invalid("list", "bad_type");
            list.push_back(x.get<std::string>());
        }
        if (list.empty()) return Status::Invalid("list", "required");
    } else if (source == "watchlist") {
        personwatch::EntryFilter f;
        f.status = "active";
        f.page_size = 1000;
        JW_ASSIGN_OR_RETURN(auto entries, personwatch::ListEntries(c, f));
        for (const auto& e : entries.first)
            if (!e.id_number.empty()) list.push_back(e.id_number);
    } else {
        if (!body.contains("list_case_no") || !body["list_case_no"].is_string())
            return Status::Invalid("list_case_no", "required");
        const std::string no = body["list_case_no"].get<std::string>();
        if (no.empty() || no.size() > 64) return Status::Invalid("list_case_no", "required");
        JW_ASSIGN_OR_RETURN(int64_t case_id, cases::VisibleCaseId(c, p, no));
        JW_ASSIGN_OR_RETURN(auto people, cases::repo::ListPeople(c, case_id));
        for (const auto& x : people) {
            if (!x.id_number.empty()) list.push_back(x.id_number);
            if (!x.phone.empty()) list.push_back(x.phone);
        }
    }
    return list;
}

// POST /api/v1/courier/collide {from, to, source?: within | list | watchlist | case, list?, list_case_no?,
// min_count?}: the period's senders and receivers against each other (within: one sender many receivers, many
// senders one address) or against a list. Results masked; the records are read with the person search.
Result<Reply> Collide(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    for (const char* k : {"from", "to"})
        if (body.contains(k) && body[k].is_string()) req.query[k] = body[k].get<std::string>();
    std::string from, to;
    JW_RETURN_IF_ERROR(Period(req, &from, &to));
    std::string source = body.contains("list") ? "list" : "within";
    if (body.contains("source")) {
        if (!body["source"].is_string()) return Status::Invalid("source", "invalid_enum");
        source = body["source"].get<std::string>();
        if (source != "within" && source != "list" && source != "watchlist" && source != "case")
            return Status::Invalid("source", "invalid_enum");
    }
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
    if (source == "within") {
        JW_ASSIGN_OR_RETURN(found, CollideWithin(*c, from, to, min_count, area));
    } else {
        JW_ASSIGN_OR_RETURN(auto list, CollideList(*c, *req.principal, body, source));
        JW_ASSIGN_OR_RETURN(found, CollideWithList(*c, from, to, list, area));
    }
    Json items = Json::array();
    for (const auto& f : found)
        items.push_back({{"kind", f.kind}, {"key", f.key_masked}, {"count", f.count}, {"record_ids", f.record_ids}});
    Reply r = Reply::Json200({{"from", from}, {"to", to}, {"source", source}, {"items", items}});
    r.audit_detail = source + ": " + std::to_string(found.size()) + " groups";
    return r;
}

}  // namespace

void RegisterSupervisionRoutes(http::Router& router, const Deps& d) {
    router.Add({"GET", "/api/v1/courier/outlets", "courier.supervise", "courier.outlets.read",
                [d](Request& r) { return Outlets(d, r); }});
    router.Add({"GET", "/api/v1/courier/supervision/rates", "courier.supervise", "courier.rates.read",
                [d](Request& r) { return Rates(d, r); }});
    router.Add({"GET", "/api/v1/courier/supervision/rates/export", "courier.supervise", "courier.rates.export",
                [d](Request& r) { return RatesExport(d, r); }});
    router.Add({"GET", "/api/v1/courier/supervision/statistics", "courier.supervise", "courier.statistics.read",
                [d](Request& r) { return Statistics(d, r); }});
    router.Add({"GET", "/api/v1/courier/supervision/statistics/export", "courier.supervise",
                "courier.statistics.export", [d](Request& r) { return StatisticsExport(d, r); }});
    http::Route collide{"POST", "/api/v1/courier/collide", "courier.collide", "courier.collide",
                        [d](Request& r) { return Collide(d, r); }};
    collide.needs_purpose = true;  // it names people of interest
    router.Add(std::move(collide));
}

}  // namespace jw::courier
