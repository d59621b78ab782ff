// Transfer lists to the procuratorate or court over HTTP (transfers.hpp): the police custodian sends, the receiver's
// staff (external roles procurator, judge) read the lists sent to their organisation and confirm item by item;
// the 移送清单 prints through the document renderer. The only property routes an external account may reach are
// these (the dispatcher refuses the rest: no external role holds their permissions).
#include "common/civil_time.hpp"
#include "docs/html_renderer.hpp"
#include "docs/pdf_renderer.hpp"
#include "http/params.hpp"
#include "property/property_handlers.hpp"
#include "property/property_json.hpp"
#include "property/transfers.hpp"

namespace jw::property {

using http::Reply;
using http::Request;

namespace {

Json TransferJson(const Transfer& t) {
    Json items = Json::array();
    for (const auto& ti : t.items) {
        Json j = ItemJson(ti.item);
        j["stays_with_police"] = ti.stays_with_police;
        j["outcome"] = ti.outcome;
        j["outcome_note"] = ti.note;
        items.push_back(std::move(j));
    }
    return {{"id", t.id},
            {"list_no", t.list_no},
            {"case_id", t.case_id},
            {"case_no", t.case_no},
            {"receiver_org_id", t.receiver_org_id},
            {"receiver_name", t.receiver_name},
            {"receiver_kind", t.receiver_kind},
            {"state", t.state},
            {"note", t.note},
            {"created_at", FormatUtcIso(t.created_at)},
            {"confirmed_at", t.confirmed_at ? Json(FormatUtcIso(t.confirmed_at)) : Json(nullptr)},
            {"items", items}};
}

docs::Document TransferDocument(const Transfer& t) {
    docs::Document doc;
    doc.title = "涉案财物移送清单";
    doc.number = t.list_no;
    doc.blocks.push_back(
        docs::Block::Table({{"案件编号", t.case_no}, {"接收单位", t.receiver_name}, {"备注", t.note}}));
    int n = 0;
    for (const auto& ti : t.items) {
        const Item& i = ti.item;
        char qty[32];
        std::snprintf(qty, sizeof qty, "%g", i.quantity);
        std::string line = std::to_string(++n) + ". " + i.code + " " + i.description + "，" + qty + i.quantity_unit;
        if (ti.stays_with_police) line += "（原物仍由公安机关保管：" + i.store_name + " " + i.place_code + "）";
        line += "。接收确认：" + (ti.outcome.empty()         ? std::string("待确认")
                                  : ti.outcome == "accepted" ? std::string("已接收")
                                                             : "有差异：" + ti.note);
        doc.blocks.push_back(docs::Block::Paragraph(line));
    }
    doc.blocks.push_back(docs::Block::Paragraph("移送人（签名）：　　　　　　　接收人（签名）：　　　　　　"));
    return doc;
}

Result<Reply> ReceiversHandler(Deps d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto list, ListReceivers(**c));
    Json out = Json::array();
    for (const auto& r : list) out.push_back({{"id", r.id}, {"name", r.name}, {"kind", r.kind}});
    return Reply::Json200({{"receivers", out}});
}

Result<Reply> SendHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"case_id", "receiver_org_id", "item_ids", "note"});
    const int64_t case_id = in.Int("case_id", true, 1, INT64_MAX).value_or(0);
    const int64_t org = in.Int("receiver_org_id", true, 1, INT64_MAX).value_or(0);
    const std::string note = in.Text("note", false, 200).value_or("");
    std::vector<int64_t> ids;
    if (!body.contains("item_ids") || !body["item_ids"].is_array()) {
        in.Fail("item_ids", "required");
    } else {
        for (const auto& v : body["item_ids"]) {
            if (!v.is_number_integer()) {
                in.Fail("item_ids", "must_be_integer");
                break;
            }
            ids.push_back(v.get<int64_t>());
        }
    }
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "case:" + std::to_string(case_id) + "/property_transfer";
    r.write = [=, actor = *req.principal](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Transfer t, SendTransfer(c, actor, case_id, org, ids, note, NowUnix()));
        e.object = "property_transfer:" + std::to_string(t.id);
        e.case_no = t.case_no;
        out.body = TransferJson(t);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ListHandler(Deps d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto list, ListTransfers(**c, *req.principal));
    Json out = Json::array();
    for (const auto& t : list) out.push_back(TransferJson(t));
    Reply r = Reply::Json200({{"transfers", out}});
    r.audit_object = "property_transfers";
    return r;
}

Result<Reply> GetHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Transfer t, GetTransfer(**c, *req.principal, id));
    Reply r = Reply::Json200(TransferJson(t));
    r.audit_object = "property_transfer:" + std::to_string(id);
    return r;
}

Result<Reply> DocumentHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(std::string format, http::QueryEnum(req, "format", {"html", "pdf"}));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Transfer t, GetTransfer(**c, *req.principal, id));
    Reply r;
    r.audit_object = "property_transfer:" + std::to_string(id) + "/document";
    const docs::Document doc = TransferDocument(t);
    if (format == "html") {
        r.raw = docs::RenderHtml(doc);
        r.content_type = "text/html; charset=utf-8";
    } else {
        JW_ASSIGN_OR_RETURN(r.raw, docs::RenderPdf(doc));
        r.content_type = "application/pdf";
    }
    return r;
}

Result<Reply> ConfirmHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(int64_t item, http::PathId(req, "item_id"));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"outcome", "note"});
    const std::string outcome = in.Text("outcome", true, 20).value_or("");
    const std::string note = in.Text("note", false, 200).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "property_transfer:" + std::to_string(id) + "/item:" + std::to_string(item);
    r.write = [=, actor = *req.principal](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Transfer t, ConfirmTransferItem(c, actor, id, item, outcome, note, NowUnix()));
        out.body = TransferJson(t);
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterTransferRoutes(http::Router& router, Deps d) {
    const std::string p = "/api/v1/property/transfers";
    router.Add({"GET", "/api/v1/property/receivers", "property.transfer.send", "property.receivers",
                [d](Request& r) { return ReceiversHandler(d, r); }});
    router.Add({"POST", p, "property.transfer.send", "property.transfer_send", SendHandler});
    router.Add(
        {"GET", p, "property.transfer.read", "property.transfer_list", [d](Request& r) { return ListHandler(d, r); }});
    router.Add({"GET", p + "/:id", "property.transfer.read", "property.transfer_read",
                [d](Request& r) { return GetHandler(d, r); }});
    router.Add({"GET", p + "/:id/document", "property.transfer.read", "property.transfer_document",
                [d](Request& r) { return DocumentHandler(d, r); }});
    router.Add({"POST", p + "/:id/items/:item_id/confirm", "property.transfer.receive", "property.transfer_confirm",
                ConfirmHandler});
}

}  // namespace jw::property
