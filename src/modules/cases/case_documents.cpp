#include "cases/case_documents.hpp"

#include <algorithm>

#include "cases/case_clocks.hpp"
#include "cases/document_register.hpp"
#include "cases/penalty_documents.hpp"
#include "common/civil_time.hpp"

namespace jw::cases {

namespace {

std::string ChineseDate(int64_t t) {
    const auto d = ParseDate(ChinaDate(t));
    return std::to_string(d->year) + "年" + std::to_string(d->month) + "月" + std::to_string(d->day) + "日";
}

std::string SourceText(const std::string& s) {
    if (s == "call_110") return "110报警";
    if (s == "walk_in") return "群众来所（队）报案";
    if (s == "transfer") return "移送";
    if (s == "found_by_police") return "民警工作中发现";
    return s;
}

std::string RoleText(const std::string& r) {
    if (r == "reporter") return "报案人";
    if (r == "victim") return "被侵害人";
    if (r == "suspect") return "违法犯罪嫌疑人";
    if (r == "witness") return "证人";
    return r;
}

std::string IdText(const Person& p) {
    if (p.id_type == "none" || p.id_number.empty()) return "无";
    const std::string kind = p.id_type == "resident_id" ? "居民身份证" : p.id_type == "passport" ? "护照" : "其他证件";
    return kind + " " + p.id_number;
}

const CaseEvent* FindEvent(const std::vector<CaseEvent>& events, const std::string& action) {
    for (const auto& e : events)
        if (e.action == action) return &e;
    return nullptr;
}

std::string TypeText(const Case& k) { return k.case_type == kCriminal ? "刑事案件" : "行政（治安）案件"; }

docs::Document AcceptanceForm(const Case& k, const std::string& bureau) {
    docs::Document doc;
    doc.issuer = bureau;
    doc.title = "受案登记表";
    std::vector<docs::KeyValue> rows = {{"案件编号", k.case_no},
                                        {"案件类别", TypeText(k)},
                                        {"案由", k.cause},
                                        {"案件来源", SourceText(k.source)},
                                        {"发案时间", FormatChinaTime(k.occurred_at)},
                                        {"发案地点", k.place_address},
                                        {"受案时间", FormatChinaTime(k.accepted_at)},
                                        {"受案单位", k.unit_name},
                                        {"受案民警", k.lead_officer_name + "（警号" + k.lead_officer_police_no + "）"}};
    doc.blocks.push_back(docs::Block::Table(rows));
    std::vector<docs::KeyValue> people;
    for (const auto& p : k.people) {
        std::string v = p.name + "，" + IdText(p);
        if (!p.phone.empty()) v += "，联系电话 " + p.phone;
        if (!p.address.empty()) v += "，住址 " + p.address;
        people.push_back({RoleText(p.role), v});
    }
    if (!people.empty()) {
        doc.blocks.push_back(docs::Block::Heading("当事人情况"));
        doc.blocks.push_back(docs::Block::Table(people));
    }
    doc.blocks.push_back(docs::Block::Heading("简要案情"));
    doc.blocks.push_back(docs::Block::Paragraph(k.facts));
    doc.blocks.push_back(docs::Block::Heading("受案意见"));
    doc.blocks.push_back(docs::Block::Paragraph(k.case_type == kCriminal
                                                    ? "属本单位管辖的刑事案件，建议及时进行立案审查。"
                                                    : "属本单位管辖的行政案件，建议及时调查处理。"));
    doc.blocks.push_back(docs::Block::Signature(k.unit_name, ChineseDate(k.accepted_at)));
    doc.footer = "本表由受案单位填写，附卷存档。";
    return doc;
}

std::string FilingBasis(const Case& k) {
    if (k.case_type == kCriminal) return "《中华人民共和国刑事诉讼法》第一百一十二条";
    if (k.law == "2012") return "《中华人民共和国治安管理处罚法》第七十七条";
    return "《中华人民共和国治安管理处罚法》第九十条";  // the 2025 text (a citation names no edition)
}

docs::Document FilingDecision(const Case& k, const CaseEvent& e, const std::string& bureau, const std::string& no) {
    docs::Document doc;
    doc.issuer = bureau;
    doc.title = "立案决定书";
    doc.number = no;
    doc.blocks.push_back(docs::Block::Table({{"案件编号", k.case_no}, {"案由", k.cause}, {"案件类别", TypeText(k)}}));
    doc.blocks.push_back(docs::Block::Paragraph("根据" + FilingBasis(k) + "之规定，决定对" + k.cause + "案立案" +
                                                (k.case_type == kCriminal ? "侦查" : "调查") + "。"));
    if (!e.reason.empty()) doc.blocks.push_back(docs::Block::Paragraph(e.reason));
    doc.blocks.push_back(docs::Block::Signature(bureau + "（印）", ChineseDate(e.at)));
    doc.footer = "本决定书附卷存档。";
    return doc;
}

// The notice goes to those who reported the case or suffered from it.
bool IsAddressee(const Person& p) { return p.role == "reporter" || p.role == "victim"; }

docs::Document NotFiledNotice(const Case& k, const CaseEvent& e, const std::string& bureau, const std::string& no) {
    docs::Document doc;
    doc.issuer = bureau;
    doc.title = "不予立案通知书";
    doc.number = no;
    std::string to;
    for (const auto& p : k.people)
        if (IsAddressee(p)) to += (to.empty() ? "" : "、") + p.name;
    doc.blocks.push_back(docs::Block::Paragraph((to.empty() ? std::string("报案人") : to) + "："));
    std::string body = "你（单位）于" + ChineseDate(k.accepted_at) + "报称的" + k.cause + "一案（案件编号" + k.case_no +
                       "），经审查，" + (e.reason.empty() ? std::string("不符合立案条件") : e.reason) + "，根据" +
                       FilingBasis(k) + "之规定，决定不予立案。";
    doc.blocks.push_back(docs::Block::Paragraph(body));
    if (k.case_type == kCriminal)
        doc.blocks.push_back(
            docs::Block::Paragraph("如不服本决定，可以在收到本通知书之日起七日以内向" + bureau + "申请复议。"));
    doc.blocks.push_back(docs::Block::Signature(bureau + "（印）", ChineseDate(e.at)));
    doc.footer = "本通知书一式两份，一份交报案人，一份附卷。";
    return doc;
}

}  // namespace

bool IsCaseDocument(const std::string& name) {
    const auto& names = CaseDocumentNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

const std::vector<std::string>& CaseDocumentNames() {
    static const std::vector<std::string> names = {"acceptance_form", "filing_decision", "not_filed_notice",
                                                   "approval_report", kPenaltyDecision};
    return names;
}

bool NumberedDocument(const std::string& name) {
    return name == "filing_decision" || name == "not_filed_notice" || name == kPenaltyDecision;
}

bool PrintsPeople(const std::string& name) { return name != "filing_decision"; }

std::vector<int64_t> PeoplePrinted(const std::string& name, const Case& k) {
    if (name == "approval_report" || name == kPenaltyDecision) {
        const Person* offender = PenaltyOffender(k);
        return offender ? std::vector<int64_t>{offender->id} : std::vector<int64_t>{};
    }
    std::vector<int64_t> ids;
    for (const auto& p : k.people)
        if (name == "acceptance_form" || (name == "not_filed_notice" && IsAddressee(p))) ids.push_back(p.id);
    return ids;
}

Result<docs::Document> BuildCaseDocument(const std::string& name, const Case& k, const std::vector<CaseEvent>& events,
                                         const std::string& bureau_name, const DocumentInputs& inputs) {
    if (name == "acceptance_form") return AcceptanceForm(k, bureau_name);
    if (name == "approval_report" || name == kPenaltyDecision)
        return PenaltyDocument(name, k, events, bureau_name, inputs);
    const Status not_yet(ErrorCode::kConflict, "the case has not reached this step", {{"document", "not_yet"}});
    if (name == "filing_decision") {
        const CaseEvent* e = FindEvent(events, "file");
        if (e == nullptr) return not_yet;
        return FilingDecision(k, *e, bureau_name, inputs.number);
    }
    if (name == "not_filed_notice") {
        const CaseEvent* e = FindEvent(events, "not_file");
        if (e == nullptr) return not_yet;
        return NotFiledNotice(k, *e, bureau_name, inputs.number);
    }
    return Status::NotFound("document");
}

}  // namespace jw::cases
