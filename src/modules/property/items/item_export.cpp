// Spreadsheet exports of the property pages (the house's export: a CSV with a UTF-8 BOM that Excel and WPS open,
// as community's people export): the ledger with the list's filters (and the work list's overdue class), and a
// stocktake's result. Each export asks the same permission and reads through the same scope as the page it comes
// from (ItemFilterFromQuery, TakeStock), masks the owner as the list does, and is audited with its size and filters.
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/csv.hpp"
#include "common/json_util.hpp"
#include "common/validators.hpp"
#include "http/params.hpp"
#include "property/items/property_handlers.hpp"
#include "property/items/property_service.hpp"

namespace jw::property {

using http::Reply;
using http::Request;

namespace {

constexpr int64_t kPageRows = 500;
constexpr int64_t kMaxRows = 20000;  // a county's ledger is a few thousand items; more is a mistake, not a report

std::string Line(const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvCell(cells[i]);
    return out + "\r\n";
}

std::string StateName(const std::string& s) {
    static const std::pair<const char*, const char*> kNames[] = {{"registered", "待入库"},
                                                                 {"in_store", "在库"},
                                                                 {"out", "出库中"},
                                                                 {"handed_over", "已移送"},
                                                                 {"disposed", "已处置"}};
    for (auto [k, v] : kNames)
        if (s == k) return v;
    return s;
}

std::string ClassName(const std::string& s) {
    static const std::pair<const char*, const char*> kNames[] = {{"due", "待审查"},
                                                                 {"overdue", "处置超期"},
                                                                 {"on_hold", "暂缓处置"},
                                                                 {"approved", "已批准处置"},
                                                                 {"requested", "待审批"}};
    for (auto [k, v] : kNames)
        if (s == k) return v;
    return s;
}

std::string CategoryName(const std::string& code) {
    for (const auto& c : Categories())
        if (c.category == code) return c.name_zh;
    return code;
}

std::string Money(int64_t fen) {
    return std::to_string(fen / 100) + "." + (fen % 100 < 10 ? "0" : "") + std::to_string(fen % 100);
}

// 3 rather than 3.000000; a fraction (2.5 kg) as it is.
std::string Quantity(double q) {
    std::string s = std::to_string(q);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string WhereText(const Item& i) {
    if (i.state == "out") return "出库：" + i.out_holder;
    if (i.state == "handed_over") return i.held_by_org;
    return i.store_name.empty() ? "" : i.store_name + " " + i.place_code;
}

std::string ItemsHeader() {
    return Line({"标签编码", "案件编号", "财物名称", "类别", "数量", "单位", "估价（元）", "持有人", "扣押时间", "状态",
                 "存放位置", "预计归还", "处置审查日", "审查状态"});
}

std::string ItemLine(const Item& i, const std::string& today) {
    return Line({i.code, i.case_no, i.description, CategoryName(i.category), Quantity(i.quantity), i.quantity_unit,
                 Money(i.value_fen), MaskName(i.owner_name), FormatChinaTime(i.seized_at), StateName(i.state),
                 WhereText(i), i.expected_return_at ? FormatChinaTime(i.expected_return_at) : "", i.review_due,
                 ClassName(WorkClass(i, today))});
}

Reply Csv(std::string body, const std::string& file, const std::string& object, const std::string& detail) {
    Reply r;
    r.raw = "\xEF\xBB\xBF" + std::move(body);
    r.content_type = "text/csv; charset=utf-8";
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + file + "\""});
    r.audit_object = object;
    r.audit_detail = detail;
    return r;
}

// GET /exports/items: every row of the list's filter (all pages), optionally only one work-list class.
Result<Reply> ItemsExportHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(repo::ItemFilter f, ItemFilterFromQuery(req));
    JW_ASSIGN_OR_RETURN(std::string klass,
                        http::QueryEnum(req, "class", {"due", "overdue", "on_hold", "approved", "requested"}));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    const std::string today = FormatChinaDate(NowUnix());
    std::string body = ItemsHeader();
    int64_t rows = 0;
    f.page_size = kPageRows;
    for (f.page = 1;; ++f.page) {
        JW_ASSIGN_OR_RETURN(auto page, repo::ListItems(**c, f));
        if (page.second > kMaxRows) return Status::Invalid("page_size", "too_many_rows");
        for (const auto& i : page.first) {
            if (!klass.empty() && WorkClass(i, today) != klass) continue;
            body += ItemLine(i, today);
            ++rows;
        }
        if (static_cast<int64_t>(page.first.size()) < kPageRows) break;
    }
    const std::string file = klass == "overdue" ? "property-overdue.csv" : "property-items.csv";
    return Csv(std::move(body), file, "property_items",
               std::to_string(rows) + " rows, masked" + (klass.empty() ? "" : ", class " + klass));
}

// POST /exports/stocktake {place_id, codes}: the stocktake computed again (the same rule and scope as
// POST /stocktake) and written as rows: missing, unexpected, unknown.
Result<Reply> StocktakeExportHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"place_id", "codes"});
    const int64_t place = in.Int("place_id", true, 1, INT64_MAX).value_or(0);
    auto codes = in.TextList("codes", false, 5000, 200);
    JW_RETURN_IF_ERROR(in.status());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Stocktake s, TakeStock(**c, *req.principal, place, codes.value_or(std::vector<std::string>{})));
    const std::string today = FormatChinaDate(NowUnix());
    std::string out = Line({"盘点结果", "应在", std::to_string(s.expected), "实盘", std::to_string(s.found)});
    out += Line({"结果", "标签编码", "案件编号", "财物名称", "类别", "状态", "登记位置"});
    for (const auto& i : s.expected_missing)
        out += Line(
            {"应在未见", i.code, i.case_no, i.description, CategoryName(i.category), StateName(i.state), WhereText(i)});
    for (const auto& i : s.unexpected)
        out += Line(
            {"不应在此", i.code, i.case_no, i.description, CategoryName(i.category), StateName(i.state), WhereText(i)});
    for (const auto& code : s.unknown) out += Line({"无此财物", code, "", "", "", "", ""});
    return Csv(std::move(out), "property-stocktake.csv", "property_place:" + std::to_string(place) + "/stocktake",
               std::to_string(s.expected_missing.size()) + " missing, " + std::to_string(s.unexpected.size()) +
                   " unexpected, " + std::to_string(s.unknown.size()) + " unknown");
}

}  // namespace

void RegisterExportRoutes(http::Router& router, Deps d) {
    const std::string p = "/api/v1/property/exports";
    router.Add({"GET", p + "/items", "property.read", "property.export",
                [d](Request& r) { return ItemsExportHandler(d, r); }});
    router.Add({"POST", p + "/stocktake", "property.custody", "property.stocktake_export",
                [d](Request& r) { return StocktakeExportHandler(d, r); }});
}

}  // namespace jw::property
