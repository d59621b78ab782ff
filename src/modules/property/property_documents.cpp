#include "property/property_documents.hpp"

#include <cstdio>

#include "common/china_day.hpp"
#include "common/civil_time.hpp"

namespace jw::property {

namespace {

std::string Yuan(int64_t fen) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%02lld元", static_cast<long long>(fen / 100),
                  static_cast<long long>(fen % 100));
    return buf;
}

std::string Qty(const Item& i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", i.quantity);
    return std::string(buf) + i.quantity_unit;
}

std::string ChineseDateOf(int64_t t) {
    const CivilDate d = ChinaDateOf(t);
    return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string EventWord(const std::string& kind) {
    if (kind == "register") return "登记";
    if (kind == "check_in") return "入库";
    if (kind == "move") return "库内移位";
    if (kind == "check_out") return "出库调用";
    if (kind == "return_in") return "归还入库";
    if (kind == "handover") return "移送";
    if (kind == "handover_confirmed") return "接收确认";
    if (kind == "hold") return "暂缓处置";
    if (kind == "dispose_requested") return "申请处置";
    if (kind == "dispose_approved") return "批准处置";
    if (kind == "dispose_rejected") return "不批准处置";
    if (kind == "dispose") return "处置";
    return kind;
}

}  // namespace

std::string DocumentTitle(const std::string& document) {
    if (document == "return_list") return "发还清单";
    if (document == "destruction_record") return "销毁记录";
    if (document == "handover_list") return "移交清单";
    if (document == "seizure_list") return "扣押清单";
    return "涉案财物处置记录";
}

docs::Document SeizureListDocument(const std::string& bureau, const std::string& case_no,
                                   const std::vector<Item>& items) {
    docs::Document doc;
    doc.issuer = bureau;
    doc.title = "扣押清单";
    doc.number = case_no;
    int n = 0;
    for (const auto& i : items) {
        doc.blocks.push_back(docs::Block::Heading(std::to_string(++n) + "、" + i.description));
        doc.blocks.push_back(docs::Block::Table({{"编号", i.code},
                                                 {"类别", CategoryText(i.category)},
                                                 {"措施", MeasureText(i.measure)},
                                                 {"数量", Qty(i)},
                                                 {"估价", Yuan(i.value_fen)},
                                                 {"持有人", i.owner_name.empty() ? "不明" : i.owner_name},
                                                 {"扣押时间", FormatChinaTime(i.seized_at)},
                                                 {"扣押地点", i.seized_place},
                                                 {"扣押人", i.seized_by},
                                                 {"法律依据", i.legal_basis},
                                                 {"法律文书", i.document_no}}));
    }
    if (items.empty()) doc.blocks.push_back(docs::Block::Paragraph("本案尚无登记的涉案财物。"));
    doc.blocks.push_back(
        docs::Block::Paragraph("办案人民警察（签名）：　　　　　当事人（签名）：　　　　　见证人（签名）："));
    doc.footer = "本清单一式两份，一份交当事人，一份附卷（《公安机关办理行政案件程序规定》第一百零九条第二款）。";
    return doc;
}

docs::Document CustodyRecordDocument(const std::string& bureau, const Item& item,
                                     const std::vector<CustodyEvent>& events, bool chain_intact) {
    docs::Document doc;
    doc.issuer = bureau;
    doc.title = "涉案财物保管记录";
    doc.number = item.code;
    doc.blocks.push_back(docs::Block::Table({{"案件编号", item.case_no},
                                             {"财物", item.description},
                                             {"类别", CategoryText(item.category)},
                                             {"数量", Qty(item)},
                                             {"处置审查日", item.review_due}}));
    doc.blocks.push_back(docs::Block::Heading("流转记录"));
    for (const auto& e : events) {
        std::string line = std::to_string(e.seq) + ". " + FormatChinaTime(e.at) + " " + EventWord(e.kind) + "，" +
                           (e.actor_name.empty() ? std::to_string(e.actor_id) : e.actor_name);
        if (!e.from_place.empty() || !e.to_place.empty()) line += "，" + e.from_place + " → " + e.to_place;
        if (!e.reason.empty()) line += "，事由：" + e.reason;
        if (!e.approved_by.empty()) line += "，批准人：" + e.approved_by;
        if (!e.receiver.empty()) line += "，接收人：" + e.receiver + (e.signature_media_id.empty() ? "" : "（已签名）");
        line += "\n校验值 " + e.hash.substr(0, 16);
        doc.blocks.push_back(docs::Block::Paragraph(line));
    }
    doc.blocks.push_back(docs::Block::Paragraph(chain_intact ? "经校验，上述记录完整，未被篡改（SM3 哈希链）。"
                                                             : "警告：校验未通过，记录可能被篡改，请联系系统管理员。"));
    doc.blocks.push_back(docs::Block::Qr(item.code, item.code));
    return doc;
}

docs::Document DisposalDocument(const std::string& bureau, const Item& item, const repo::Disposal& d,
                                const std::string& approver_name) {
    const DisposalRule* rule = FindDisposal(d.kind);
    docs::Document doc;
    doc.issuer = bureau;
    doc.title = DocumentTitle(rule ? rule->document : "");
    doc.number = item.case_no;
    doc.blocks.push_back(docs::Block::Table({{"编号", item.code},
                                             {"财物", item.description},
                                             {"类别", CategoryText(item.category)},
                                             {"数量", Qty(item)},
                                             {"估价", Yuan(item.value_fen)},
                                             {"原持有人", item.owner_name.empty() ? "不明" : item.owner_name},
                                             {"处置方式", rule ? rule->name_zh : d.kind},
                                             {"事由", d.reason},
                                             {"接收人", d.recipient},
                                             {"批准人", approver_name},
                                             {"依据", rule ? rule->basis : ""}}));
    if (d.kind == "return_owner")
        doc.blocks.push_back(docs::Block::Paragraph("上列财物已如数发还。领取人（签名）：　　　　　　"));
    else if (d.kind == "destroy")
        doc.blocks.push_back(docs::Block::Paragraph("上列物品已统一登记造册后销毁。销毁人：　　　　监销人：　　　　"));
    else
        doc.blocks.push_back(docs::Block::Paragraph("经办人：　　　　　　接收人：　　　　　　"));
    doc.blocks.push_back(docs::Block::Signature(bureau, ChineseDateOf(d.decided_at.value_or(d.requested_at))));
    return doc;
}

}  // namespace jw::property
