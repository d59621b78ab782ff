#include "property/items/property_handlers.hpp"

#include <algorithm>

#include "cases/case_repository.hpp"
#include "cases/case_service.hpp"
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "docs/html_renderer.hpp"
#include "docs/pdf_renderer.hpp"
#include "http/params.hpp"
#include "property/items/property_json.hpp"
#include "property/items/property_service.hpp"
#include "property/keys.hpp"
#include "property/labels/label_stock.hpp"
#include "property/labels/labels.hpp"
#include "property/papers/property_documents.hpp"

namespace jw::property {

using http::Reply;
using http::Request;

namespace {

using ItemChange = std::function<Result<Item>(storage::Connection&, const auth::Principal&)>;

// A change of one item: runs `change` in the audited write and answers the item as it stands after it.
Reply ItemWrite(int64_t id, const auth::Principal& actor, ItemChange change) {
    Reply r;
    r.audit_object = "property_item:" + std::to_string(id);
    r.write = [actor, change](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Item item, change(c, actor));
        e.object = "property_item:" + std::to_string(item.id);
        out.body = ItemJson(item);
        return Status::Ok();
    };
    return r;
}

Json ItemList(const std::vector<Item>& items) {
    Json out = Json::array();
    for (const auto& i : items) out.push_back(ItemJson(i));
    return out;
}

Status Render(Reply& r, const docs::Document& doc, const std::string& name, const std::string& format) {
    if (format == "html") {
        r.raw = docs::RenderHtml(doc);
        r.content_type = "text/html; charset=utf-8";
        return Status::Ok();
    }
    JW_ASSIGN_OR_RETURN(r.raw, docs::RenderPdf(doc));
    r.content_type = "application/pdf";
    r.headers.push_back({"Content-Disposition", "inline; filename=\"" + name + ".pdf\""});
    return Status::Ok();
}

Result<std::string> Format(const Request& req) {
    JW_ASSIGN_OR_RETURN(std::string f, http::QueryEnum(req, "format", {"html", "pdf"}));
    return f.empty() ? std::string("pdf") : f;
}

Result<Reply> Meta(Request&) { return Reply::Json200(MetaJson()); }

Result<Reply> ListStoresHandler(Deps d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto stores, repo::ListStores(**c));
    Json out = Json::array();
    for (const auto& s : stores) {
        if (!req.principal->all_units && !req.principal->SeesUnit(s.unit_id)) continue;
        JW_ASSIGN_OR_RETURN(auto places, repo::ListPlaces(**c, s.id));
        Json j = StoreJson(s, places);
        for (auto& p : j["places"]) {
            JW_ASSIGN_OR_RETURN(int64_t n, repo::CountItemsAt(**c, p["id"].get<int64_t>()));
            p["items"] = n;
        }
        out.push_back(std::move(j));
    }
    return Reply::Json200({{"stores", out}});
}

}  // namespace

Result<repo::ItemFilter> ItemFilterFromQuery(const Request& req) {
    JW_ASSIGN_OR_RETURN(auto page, http::QueryPage(req));
    repo::ItemFilter f;
    f.page = page.page;
    f.page_size = page.page_size;
    JW_ASSIGN_OR_RETURN(f.case_id, http::QueryId(req, "case_id"));
    JW_ASSIGN_OR_RETURN(f.store_id, http::QueryId(req, "store_id"));
    JW_ASSIGN_OR_RETURN(f.bag_id, http::QueryId(req, "bag_id"));
    JW_ASSIGN_OR_RETURN(std::string state,
                        http::QueryEnum(req, "state", {"registered", "in_store", "out", "handed_over", "disposed"}));
    if (!state.empty()) f.state = state;
    std::vector<std::string> categories;
    for (const auto& c : Categories()) categories.push_back(c.category);
    JW_ASSIGN_OR_RETURN(std::string category, http::QueryEnum(req, "category", categories));
    if (!category.empty()) f.category = category;
    // The work list: items not finished whose review date is within `due_within` days (or past).
    JW_ASSIGN_OR_RETURN(auto within, http::QueryInt(req, "due_within", 0, 3650));
    if (within) {
        auto today = ParseDate(FormatChinaDate(NowUnix()));
        f.due_before = FormatDate(CivilFromDays(DaysFromCivil(*today) + *within));
        f.exclude_finished = true;
    }
    if (!req.principal->all_units) f.units = req.principal->unit_scope;
    return f;
}

namespace {

Result<Reply> ListItemsHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(repo::ItemFilter f, ItemFilterFromQuery(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto items, repo::ListItems(**c, f));
    Reply r = Reply::Json200({{"items", ItemList(items.first)}, {"total", items.second}});
    r.audit_object = "property_items";
    return r;
}

Result<Reply> ItemHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto events, ListEvents(**c, id));
    JW_ASSIGN_OR_RETURN(auto verified, VerifyChains(**c, ChainKey(), id));
    Json ev = Json::array();
    for (const auto& e : events) ev.push_back(EventJson(e));
    Json body = ItemJson(item);
    body["events"] = ev;
    body["chain_intact"] = verified.ok;
    body["actions"] = AllowedActions(*req.principal, item);
    Reply r = Reply::Json200(std::move(body));
    r.audit_object = "property_item:" + std::to_string(id);
    return r;
}

Result<Reply> ScanHandler(Deps d, Request& req) {
    const std::string code = req.Query("code");
    if (code.empty()) return Status::Invalid("code", "required");
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Scanned s, Scan(**c, *req.principal, code));
    Json body{{"kind", s.item ? "item" : "bag"}, {"actions", s.actions}};
    if (s.item) body["item"] = ItemJson(*s.item);
    if (s.bag) {
        body["bag"] = {{"id", s.bag->id}, {"code", s.bag->code}, {"case_id", s.bag->case_id}, {"label", s.bag->label}};
        body["items"] = ItemList(s.bag_items);
    }
    Reply r = Reply::Json200(std::move(body));
    r.audit_object =
        s.item ? "property_item:" + std::to_string(s.item->id) : "property_bag:" + std::to_string(s.bag->id);
    return r;
}

Result<Reply> CaseSeizuresHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(cases::Case k, cases::LoadCase(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto seizures, repo::ListSeizures(**c, 0, INT64_MAX));
    Json out = Json::array();
    for (const auto& s : seizures)
        if (s.case_id == id)
            out.push_back({{"event_id", s.event_id}, {"at", FormatUtcIso(s.at)}, {"item", s.item}, {"items", s.items}});
    return Reply::Json200({{"case_id", k.id}, {"case_no", k.case_no}, {"case_type", k.case_type}, {"seizures", out}});
}

Result<Reply> IntakeHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(IntakeInput in, ParseIntake(body));
    Reply r = ItemWrite(0, *req.principal, [in](storage::Connection& c, const auth::Principal& actor) {
        return Intake(c, actor, in, NowUnix());
    });
    r.status = 201;
    r.audit_object = "case:" + std::to_string(in.case_id) + "/property";
    return r;
}

Result<Reply> BagHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"case_id", "label"});
    const int64_t case_id = in.Int("case_id", true, 1, INT64_MAX).value_or(0);
    const std::string label = in.Text("label", true, 100).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "case:" + std::to_string(case_id) + "/property_bag";
    r.write = [case_id, label, actor = *req.principal](storage::Connection& c, audit::AuditEntry& e,
                                                       Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Bag b, CreateBag(c, actor, case_id, label, NowUnix()));
        e.object = "property_bag:" + std::to_string(b.id);
        out.body = {{"id", b.id}, {"code", b.code}, {"case_id", b.case_id}, {"label", b.label}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> CheckInHandler(Request& req, bool move) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    if (!body.contains("place_id") || !body["place_id"].is_number_integer())
        return Status::Invalid("place_id", "required");
    const int64_t place = body["place_id"].get<int64_t>();
    JW_ASSIGN_OR_RETURN(Movement m, ParseMovement(body, {"place_id"}));
    return ItemWrite(id, *req.principal, [id, place, m, move](storage::Connection& c, const auth::Principal& actor) {
        return move ? Move(c, actor, id, place, m, NowUnix()) : CheckIn(c, actor, id, place, m, NowUnix());
    });
}

Result<Reply> CheckOutHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(CheckOutInput in, ParseCheckOut(body, {}));
    return ItemWrite(id, *req.principal, [id, in](storage::Connection& c, const auth::Principal& actor) {
        return CheckOut(c, actor, id, in, NowUnix());
    });
}

Result<BatchTarget> ParseTarget(const Json& body) {
    BatchTarget t;
    if (body.contains("case_id") && body["case_id"].is_number_integer()) t.case_id = body["case_id"].get<int64_t>();
    if (body.contains("bag_id") && body["bag_id"].is_number_integer()) t.bag_id = body["bag_id"].get<int64_t>();
    if (!t.case_id && !t.bag_id) return Status::Invalid("case_id", "required");
    return t;
}

Reply BatchWrite(const std::string& object,
                 std::function<Result<std::vector<Item>>(storage::Connection&, const auth::Principal&)> fn,
                 const auth::Principal& actor) {
    Reply r;
    r.audit_object = object;
    r.write = [fn, actor](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(auto items, fn(c, actor));
        e.detail = std::to_string(items.size()) + " items";
        out.body = {{"items", ItemList(items)}, {"count", items.size()}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> BatchCheckInHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(BatchTarget t, ParseTarget(body));
    if (!body.contains("place_id") || !body["place_id"].is_number_integer())
        return Status::Invalid("place_id", "required");
    const int64_t place = body["place_id"].get<int64_t>();
    JW_ASSIGN_OR_RETURN(Movement m, ParseMovement(body, {"place_id", "case_id", "bag_id"}));
    return BatchWrite(
        "property_batch",
        [t, place, m](storage::Connection& c, const auth::Principal& actor) {
            return BatchCheckIn(c, actor, t, place, m, NowUnix());
        },
        *req.principal);
}

Result<Reply> BatchCheckOutHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(BatchTarget t, ParseTarget(body));
    JW_ASSIGN_OR_RETURN(CheckOutInput in, ParseCheckOut(body, {"case_id", "bag_id"}));
    return BatchWrite(
        "property_batch",
        [t, in](storage::Connection& c, const auth::Principal& actor) {
            return BatchCheckOut(c, actor, t, in, NowUnix());
        },
        *req.principal);
}

Result<Reply> DisposalRequestHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"kind", "reason", "recipient"});
    const std::string kind = in.Text("kind", true, 40).value_or("");
    const std::string reason = in.Text("reason", true, 200).value_or("");
    const std::string recipient = in.Text("recipient", false, 100).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    return ItemWrite(id, *req.principal, [=](storage::Connection& c, const auth::Principal& actor) {
        return RequestDisposal(c, actor, id, kind, reason, recipient, NowUnix());
    });
}

Result<Reply> DisposalDecisionHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"approve", "note"});
    const bool approve = in.Bool("approve", true).value_or(false);
    const std::string note = in.Text("note", false, 200).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    return ItemWrite(id, *req.principal, [=](storage::Connection& c, const auth::Principal& actor) {
        return DecideDisposal(c, actor, id, approve, note, NowUnix());
    });
}

Result<Reply> DisposalCompleteHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(Movement m, ParseMovement(body, {}));
    return ItemWrite(id, *req.principal, [=](storage::Connection& c, const auth::Principal& actor) {
        return CompleteDisposal(c, actor, id, m, NowUnix());
    });
}

Result<Reply> HoldHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"reason", "review_due"});
    const std::string reason = in.Text("reason", true, 200).value_or("");
    const std::string due = in.Text("review_due", true, 10).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    return ItemWrite(id, *req.principal, [=](storage::Connection& c, const auth::Principal& actor) {
        return Hold(c, actor, id, reason, due, NowUnix());
    });
}

// Papers (full owner names: the route needs a purpose).
Result<Reply> CustodyRecordHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(std::string format, Format(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto events, ListEvents(**c, id));
    JW_ASSIGN_OR_RETURN(auto verified, VerifyChains(**c, ChainKey(), id));
    JW_ASSIGN_OR_RETURN(std::string bureau, cases::repo::BureauName(**c, item.unit_id));
    Reply r;
    r.audit_object = "property_item:" + std::to_string(id) + "/custody_record";
    JW_RETURN_IF_ERROR(Render(r, CustodyRecordDocument(bureau, item, events, verified.ok), item.code, format));
    return r;
}

Result<Reply> SeizureListHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(std::string format, Format(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(cases::Case k, cases::LoadCase(**c, *req.principal, id));
    repo::ItemFilter f;
    f.case_id = id;
    f.page_size = 1000;
    JW_ASSIGN_OR_RETURN(auto items, repo::ListItems(**c, f));
    JW_ASSIGN_OR_RETURN(std::string bureau, cases::repo::BureauName(**c, k.unit_id));
    Reply r;
    r.audit_object = "case:" + std::to_string(id) + "/seizure_list";
    JW_RETURN_IF_ERROR(Render(r, SeizureListDocument(bureau, k.case_no, items.first), k.case_no + "_扣押清单", format));
    return r;
}

Result<Reply> DisposalDocumentHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(std::string format, Format(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(**c, *req.principal, id));
    JW_ASSIGN_OR_RETURN(auto disposal, repo::LastDisposal(**c, id));
    if (!disposal || disposal->state == "requested" || disposal->state == "rejected")
        return Status(ErrorCode::kConflict, "disposal_not_approved", {{"disposal", "not_approved"}});
    std::string approver;
    if (disposal->decided_by) {
        auto rows = (*c)->Query("SELECT name FROM users WHERE id = ?", {storage::V(*disposal->decided_by)});
        if (rows.ok() && !rows->empty()) approver = (*rows)[0].Str(0);
    }
    JW_ASSIGN_OR_RETURN(std::string bureau, cases::repo::BureauName(**c, item.unit_id));
    Reply r;
    r.audit_object = "property_item:" + std::to_string(id) + "/disposal_document";
    JW_RETURN_IF_ERROR(Render(r, DisposalDocument(bureau, item, *disposal, approver), item.code, format));
    return r;
}

// Labels: a sheet for the codes given (items and bags in scope), each print counted; PDF.
Result<Reply> LabelsHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"codes", "size"});
    auto codes = in.TextList("codes", true, 200, 40);
    // The label stock the user chose (label_stock.hpp): an A4 sheet or one label printer roll size.
    const std::string size = in.Text("size", false, 10).value_or("a4");
    if (std::find(LabelSizes().begin(), LabelSizes().end(), size) == LabelSizes().end()) in.Fail("size", "bad_value");
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "property_labels";
    r.write = [codes = *codes, size, actor = *req.principal](storage::Connection& c, audit::AuditEntry& e,
                                                             Reply& out) -> Status {
        std::vector<Label> labels;
        std::string printed;
        for (size_t i = 0; i < codes.size(); ++i) {
            JW_ASSIGN_OR_RETURN(Scanned s, Scan(c, actor, codes[i]));
            Label l;
            if (s.item) {
                l.code = s.item->code;
                l.lines = {s.item->case_no, CategoryText(s.item->category)};
            } else {
                l.code = s.bag->code;
                l.lines = {"袋/箱", s.bag->label};
            }
            JW_ASSIGN_OR_RETURN(l.prints, repo::CountPrint(c, l.code, actor.user_id, NowUnix()));
            printed += (printed.empty() ? "" : ",") + l.code + "#" + std::to_string(l.prints);
            labels.push_back(std::move(l));
        }
        e.detail = size + " " + printed;  // every print and reprint, in the audit chain
        JW_ASSIGN_OR_RETURN(out.raw, RenderLabels("涉案财物标签", labels, size));
        out.content_type = "application/pdf";
        out.headers.push_back({"Content-Disposition", "inline; filename=\"labels.pdf\""});
        return Status::Ok();
    };
    return r;
}

Result<Reply> EntryRateHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto from_month, http::QueryMonth(req, "from"));
    JW_ASSIGN_OR_RETURN(auto to_month, http::QueryMonth(req, "to"));
    // [from month's first day, the day after to month's end), China time; default: this year.
    const std::string this_year = FormatChinaDate(NowUnix()).substr(0, 4);
    const std::string from = from_month.value_or(this_year + "-01") + "-01";
    auto to_first = ParseDate(to_month.value_or(FormatChinaDate(NowUnix()).substr(0, 7)) + "-01");
    CivilDate next = *to_first;
    next.month += 1;
    if (next.month > 12) {
        next.month = 1;
        next.year += 1;
    }
    const int64_t from_t = ChinaMidnightOf(*ParseDate(from));
    const int64_t to_t = ChinaMidnightOf(next);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(EntryRate rate, ComputeEntryRate(**c, *req.principal, from_t, to_t));
    Json rows = Json::array();
    for (const auto& row : rate.rows)
        rows.push_back({{"unit_id", row.unit_id},
                        {"unit_name", row.unit_name},
                        {"month", row.month},
                        {"seizures", row.seizures},
                        {"with_items", row.with_items},
                        {"rate", row.seizures ? static_cast<double>(row.with_items) / row.seizures : 1.0}});
    Json missing = Json::array();
    for (const auto& s : rate.missing)
        missing.push_back({{"event_id", s.event_id},
                           {"case_id", s.case_id},
                           {"case_no", s.case_no},
                           {"unit_name", s.unit_name},
                           {"at", FormatUtcIso(s.at)},
                           {"item", s.item}});
    return Reply::Json200({{"rows", rows},
                           {"seizures", rate.seizures},
                           {"with_items", rate.with_items},
                           {"rate", rate.seizures ? static_cast<double>(rate.with_items) / rate.seizures : 1.0},
                           {"missing", missing}});
}

Result<Reply> StocktakeHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"place_id", "codes"});
    const int64_t place = in.Int("place_id", true, 1, INT64_MAX).value_or(0);
    auto codes = in.TextList("codes", false, 5000, 200);
    JW_RETURN_IF_ERROR(in.status());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Stocktake s, TakeStock(**c, *req.principal, place, codes.value_or(std::vector<std::string>{})));
    Reply r = Reply::Json200({{"expected", s.expected},
                              {"found", s.found},
                              {"missing", ItemList(s.expected_missing)},
                              {"unexpected", ItemList(s.unexpected)},
                              {"unknown", s.unknown}});
    r.audit_object = "property_place:" + std::to_string(place) + "/stocktake";
    return r;
}

Result<Reply> DashboardHandler(Deps d, Request& req) {
    repo::ItemFilter f;
    f.page_size = 100000;
    if (!req.principal->all_units) f.units = req.principal->unit_scope;
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto items, repo::ListItems(**c, f));
    const int64_t now = NowUnix();
    const std::string today = FormatChinaDate(now);
    Json by_state = Json::object(), by_age = Json::object(), by_category = Json::object();
    int64_t value_fen = 0;
    Json overdue = Json::array();
    for (const auto& i : items.first) {
        by_state[i.state] = by_state.value(i.state, 0) + 1;
        if (i.state == "disposed" || i.state == "handed_over") continue;
        value_fen += i.value_fen;
        by_category[i.category] = by_category.value(i.category, 0) + 1;
        const int64_t days = (now - i.seized_at) / 86400;
        const char* age = days <= 30 ? "0_30" : days <= 90 ? "31_90" : days <= 365 ? "91_365" : "over_365";
        by_age[age] = by_age.value(age, 0) + 1;
        if (WorkClass(i, today) == "overdue" && overdue.size() < 50) overdue.push_back(ItemJson(i));
    }
    return Reply::Json200({{"by_state", by_state},
                           {"by_age", by_age},
                           {"by_category", by_category},
                           {"value_held_yuan", static_cast<double>(value_fen) / 100.0},
                           {"overdue", overdue},
                           {"overdue_count", overdue.size()}});
}

}  // namespace

void RegisterPropertyRoutes(http::Router& router, Deps d) {
    const std::string p = "/api/v1/property";
    router.Add({"GET", p + "/meta", "property.read", "property.meta", Meta});
    router.Add({"GET", p + "/stores", "property.read", "property.stores",
                [d](Request& r) { return ListStoresHandler(d, r); }});
    router.Add(
        {"GET", p + "/items", "property.read", "property.list", [d](Request& r) { return ListItemsHandler(d, r); }});
    router.Add({"POST", p + "/items", "property.intake", "property.intake", IntakeHandler});
    router.Add(
        {"GET", p + "/items/:id", "property.read", "property.read", [d](Request& r) { return ItemHandler(d, r); }});
    router.Add({"GET", p + "/scan", "property.read", "property.scan", [d](Request& r) { return ScanHandler(d, r); }});
    router.Add({"GET", p + "/cases/:id/seizures", "property.read", "property.case_seizures",
                [d](Request& r) { return CaseSeizuresHandler(d, r); }});
    router.Add({"POST", p + "/bags", "property.intake", "property.bag_create", BagHandler});
    router.Add({"POST", p + "/items/:id/check-in", "property.custody", "property.check_in",
                [](Request& r) { return CheckInHandler(r, false); }});
    router.Add({"POST", p + "/items/:id/move", "property.custody", "property.move",
                [](Request& r) { return CheckInHandler(r, true); }});
    router.Add({"POST", p + "/items/:id/check-out", "property.take", "property.check_out", CheckOutHandler});
    router.Add({"POST", p + "/batch/check-in", "property.custody", "property.batch_check_in", BatchCheckInHandler});
    router.Add({"POST", p + "/batch/check-out", "property.take", "property.batch_check_out", BatchCheckOutHandler});
    router.Add({"POST", p + "/items/:id/disposal", "property.dispose.request", "property.dispose_request",
                DisposalRequestHandler});
    router.Add({"POST", p + "/items/:id/disposal/decision", "property.dispose.approve", "property.dispose_decide",
                DisposalDecisionHandler});
    router.Add({"POST", p + "/items/:id/disposal/complete", "property.custody", "property.dispose_complete",
                DisposalCompleteHandler});
    router.Add({"POST", p + "/items/:id/hold", "property.dispose.request", "property.hold", HoldHandler});
    router.Add({"GET", p + "/items/:id/custody-record", "property.read", "property.custody_record",
                [d](Request& r) { return CustodyRecordHandler(d, r); }});
    router.Add({"GET", p + "/items/:id/disposal-document", "property.read", "property.disposal_document",
                [d](Request& r) { return DisposalDocumentHandler(d, r); }, false, true});
    router.Add({"GET", p + "/cases/:id/seizure-list", "property.read", "property.seizure_list",
                [d](Request& r) { return SeizureListHandler(d, r); }, false, true});
    router.Add({"POST", p + "/labels", "property.label", "property.label_print", LabelsHandler});
    router.Add({"GET", p + "/entry-rate", "property.supervise", "property.entry_rate",
                [d](Request& r) { return EntryRateHandler(d, r); }});
    router.Add({"POST", p + "/stocktake", "property.custody", "property.stocktake",
                [d](Request& r) { return StocktakeHandler(d, r); }});
    router.Add({"GET", p + "/dashboard", "property.supervise", "property.dashboard",
                [d](Request& r) { return DashboardHandler(d, r); }});
    RegisterTransferRoutes(router, d);
    RegisterStoreRoutes(router, d);
    RegisterExportRoutes(router, d);
    RegisterIntakeRoutes(router, d);
}

}  // namespace jw::property
