#include "discretion/documents.hpp"

#include <cctype>

namespace jw::discretion {
namespace {

std::string ChineseDate(CivilDate d) {
    return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

std::string PenaltyText(const ViolationDecision& v) {
    if (v.outcome == Outcome::kNotPunished) return "不予处罚";
    if (v.outcome == Outcome::kNoLongerPunished) return "不再处罚";
    std::string out;
    if (v.detention_days > 0)
        out += "行政拘留" + std::to_string(v.detention_days) + "日" + (v.detention_executed ? "" : "（依法不执行）");
    if (v.fine_yuan > 0) out += std::string(out.empty() ? "" : "，并处") + "罚款" + std::to_string(v.fine_yuan) + "元";
    if (v.warning) out += std::string(out.empty() ? "" : "，") + "警告";
    return out;
}

// The article of a violation's tier; the report adds the clause's words for the reviewer, the decision cites the
// article alone as the 公安行政法律文书 form does (根据《中华人民共和国治安管理处罚法》第X条第X款之规定).
std::string TierCitation(const Catalogue& c, const TierKey& k, bool with_clause) {
    const Tier* t = c.Find(k);
    std::string cite = Citation("治安管理处罚法", k.article, k.paragraph);
    return t && with_clause ? cite + "（" + t->clause + "）" : cite;
}

// The legal basis of a violation's penalty: the item of the aggravating paragraph that raised its tier (e.g.
// 第四十三条第二款第（二）项) rather than the bare paragraph, and each 从重 paragraph the facts met (ADR 0022).
std::string PenaltyBasis(const Catalogue& c, const ViolationDecision& v, bool with_clause) {
    std::string basis = TierCitation(c, v.tier, with_clause);
    for (const auto& a : v.aggravations) {
        if (a.tier && *a.tier == v.tier) {
            const Tier* t = c.Find(v.tier);
            basis = a.basis + (t && with_clause ? "（" + t->clause + "）" : "");
            break;
        }
    }
    for (const auto& a : v.aggravations) {
        if (!a.tier) basis += "、" + a.basis;
    }
    return basis;
}

std::string PartyLine(const CaseFacts& f, const std::string& label, std::optional<CivilDate> birth) {
    std::string out = label + "：" + f.offender_name;
    if (!f.gender.empty()) out += "，性别" + f.gender;
    if (birth && birth->year > 0) {
        out += "，年龄" + std::to_string(AgeOn(*birth, f.decision_date)) + "岁，出生日期" + ChineseDate(*birth);
    }
    if (!f.id_document.empty()) out += "，身份证件种类及号码：" + f.id_document;
    if (!f.address.empty()) out += "，现住址：" + f.address;
    return out + "。";
}

std::string EvidenceSentence(const std::vector<std::string>& evidence) {
    std::string list;
    for (const auto& e : evidence) list += (list.empty() ? "" : "；") + e;
    return "以上事实有" + list + "等证据证实。";
}

// The sign-off boxes as a bordered table: the box's title, then the opinion and the signer's line.
docs::Block SignOffTable(const std::vector<SignOff>& boxes) {
    std::vector<docs::KeyValue> rows;
    for (const auto& b : boxes) {
        const std::string opinion = b.opinion.empty() ? "\n" : b.opinion;
        const std::string signer = b.signer.empty() ? "　　　　" : b.signer;
        const std::string date = b.date.empty() ? "　　年　月　日" : b.date;
        rows.push_back({b.title, opinion + "\n签名：" + signer + "　　" + date});
    }
    return docs::Block::Table(std::move(rows));
}

void AppendPartyFactsEvidence(docs::Document& doc, const CaseFacts& f, std::optional<CivilDate> birth) {
    doc.blocks.push_back(docs::Block::Heading("一、违法行为人基本情况"));
    doc.blocks.push_back(docs::Block::Paragraph(PartyLine(f, "违法行为人", birth)));
    doc.blocks.push_back(docs::Block::Heading("二、违法事实"));
    doc.blocks.push_back(docs::Block::Paragraph(f.facts));
    doc.blocks.push_back(docs::Block::Heading("三、证据"));
    for (size_t i = 0; i < f.evidence.size(); ++i)
        doc.blocks.push_back(docs::Block::Paragraph(std::to_string(i + 1) + "．" + f.evidence[i]));
}

void AppendProposalAndSignOffs(docs::Document& doc, const CaseFacts& f, const DecisionWording& w,
                               const std::string& heading) {
    doc.blocks.push_back(docs::Block::Heading(heading));
    // The report proposes what the decision will decide: "对张三决定…" becomes "建议对张三处以…".
    const std::string decided = "对" + f.offender_name + "决定";
    std::string proposal;
    for (const auto& line : w.decisions)
        proposal += (proposal.empty() ? "" : "\n") + Replace(line, decided, "建议对" + f.offender_name + "处以");
    if (!w.combined.empty()) proposal += "\n" + w.combined;
    doc.blocks.push_back(docs::Block::Paragraph(proposal));
    doc.blocks.push_back(SignOffTable(f.signoffs.empty() ? BlankSignOffs() : f.signoffs));
}

}  // namespace

std::string DecisionNumber(const std::string& scheme, int year, int seq) {
    return Replace(Replace(scheme, "{year}", std::to_string(year)), "{seq}", std::to_string(seq));
}

std::vector<SignOff> BlankSignOffs() {
    return {{"承办人意见", "", "", ""},
            {"审核人（法制）意见", "", "", ""},
            {"部门负责人意见", "", "", ""},
            {"局领导审批意见", "", "", ""}};
}

std::string VerificationCode(const std::string& content_hash) {
    if (content_hash.size() < 8) return "";
    std::string code;
    for (size_t i = 0; i < 8; ++i) {
        if (i == 4) code += '-';
        code += static_cast<char>(std::toupper(static_cast<unsigned char>(content_hash[i])));
    }
    return code;
}

DecisionWording WordingOf(const CaseFacts& f, const Decision& d, const Catalogue& c) {
    DecisionWording w;
    for (const auto& v : d.violations)
        w.decisions.push_back("根据" + PenaltyBasis(c, v, false) + "之规定，对" + f.offender_name + "决定" +
                              PenaltyText(v) + "。");
    if (d.violations.size() > 1 || d.combined.executed_detention_days != d.combined.detention_days) {
        w.combined = "合并执行行政拘留" + std::to_string(d.combined.capped_detention_days) + "日，折抵后执行" +
                     std::to_string(d.combined.executed_detention_days) + "日；罚款合计" +
                     std::to_string(d.combined.fine_yuan) + "元。";
    }
    w.executed_detention_days = d.combined.executed_detention_days;
    w.fine_yuan = d.combined.fine_yuan;
    return w;
}

docs::Document ApprovalReport(const CaseFacts& f, const DecisionRequest& request, const Decision& d,
                              const Catalogue& c) {
    docs::Document doc;
    doc.issuer = f.authority;
    doc.title = "呈请行政处罚审批报告";
    doc.number = f.case_no.empty() ? "" : "案件编号：" + f.case_no;
    AppendPartyFactsEvidence(doc, f, f.birth_date ? f.birth_date : std::optional(request.offender.birth_date));
    doc.blocks.push_back(docs::Block::Heading("四、裁量过程（适用" + d.law_applied + "年文本）"));
    for (const auto& s : d.trace) {
        if (s.step == "law_version") doc.blocks.push_back(docs::Block::Paragraph(s.detail + "依据：" + s.basis + "。"));
    }
    if (!d.edition.code.empty()) {
        doc.blocks.push_back(docs::Block::Paragraph("适用裁量基准：" + d.edition.code + "第" +
                                                    std::to_string(d.edition.version) + "版" +
                                                    (d.edition.sample ? "（样本，非正式裁量基准）" : "") + "。"));
    }
    for (size_t i = 0; i < d.violations.size(); ++i) {
        const auto& v = d.violations[i];
        doc.blocks.push_back(docs::Block::Paragraph("违法行为" + std::to_string(i + 1) + "：" +
                                                    PenaltyBasis(c, v, true) + "。裁量结果：" + PenaltyText(v) + "。"));
        std::vector<docs::KeyValue> rows;
        for (const auto& s : v.trace) rows.push_back({s.basis, s.detail});
        if (!rows.empty()) doc.blocks.push_back(docs::Block::Table(std::move(rows)));
    }
    doc.blocks.push_back(docs::Block::Heading("五、合并执行与折抵"));
    doc.blocks.push_back(docs::Block::Paragraph(
        "决定拘留合计" + std::to_string(d.combined.detention_days) + "日，合并执行" +
        std::to_string(d.combined.capped_detention_days) + "日，折抵先行限制人身自由" +
        std::to_string(request.prior_restraint_days) + "日后实际执行" +
        std::to_string(d.combined.executed_detention_days) + "日；罚款合计" + std::to_string(d.combined.fine_yuan) +
        "元" + (d.combined.warning ? "；警告" : "") + "。"));
    for (const auto& s : d.trace) {
        if (s.step != "law_version") doc.blocks.push_back(docs::Block::Paragraph(s.detail + "（" + s.basis + "）"));
    }
    AppendProposalAndSignOffs(doc, f, WordingOf(f, d, c), "六、处理意见");
    // The edition's content hash identifies the benchmark the numbers came from; the reader needs a code to
    // compare, not 64 hex digits in the body.
    const std::string code = VerificationCode(d.edition.content_hash);
    doc.footer = !f.verification.empty() ? f.verification
                 : code.empty()          ? ""
                                         : "裁量基准校验码：" + code + "（" + d.edition.code + "第" +
                                      std::to_string(d.edition.version) + "版内容摘要SM3前8位）";
    return doc;
}

docs::Document ApprovalReport(const CaseFacts& f, const DecisionWording& w) {
    docs::Document doc;
    doc.issuer = f.authority;
    doc.title = "呈请行政处罚审批报告";
    doc.number = f.case_no.empty() ? "" : "案件编号：" + f.case_no;
    AppendPartyFactsEvidence(doc, f, f.birth_date);
    AppendProposalAndSignOffs(doc, f, w, "四、处理意见");
    doc.footer = f.verification;
    return doc;
}

docs::Document DecisionDocument(const CaseFacts& f, const Decision& d, const Catalogue& c, const std::string& number) {
    return DecisionDocument(f, WordingOf(f, d, c), number);
}

docs::Document DecisionDocument(const CaseFacts& f, const DecisionWording& w, const std::string& number) {
    docs::Document doc;
    doc.issuer = f.authority;
    doc.title = "行政处罚决定书";
    doc.number = number.empty() ? "　公（　）行罚决字〔" + std::to_string(f.decision_date.year) + "〕　　号" : number;
    doc.blocks.push_back(docs::Block::Paragraph(PartyLine(f, "违法行为人", f.birth_date)));
    doc.blocks.push_back(docs::Block::Paragraph("现查明：" + f.facts));
    doc.blocks.push_back(docs::Block::Paragraph(EvidenceSentence(f.evidence)));
    std::string decision;
    for (const auto& line : w.decisions) decision += (decision.empty() ? "" : "\n") + line;
    if (!w.combined.empty()) decision += "\n" + w.combined;
    doc.blocks.push_back(docs::Block::Paragraph(decision));
    // Execution: 治安管理处罚法 (2012) §103 (detention by the deciding authority at a detention house), §104 (fines
    // paid at the designated bank within fifteen days); 2025 text §122, §123.
    std::string execution;
    if (w.executed_detention_days > 0) execution += "行政拘留由本机关送达拘留所执行。";
    if (w.fine_yuan > 0) execution += "被处罚人应当自收到本决定书之日起十五日内到指定的银行缴纳罚款。";
    if (!execution.empty()) doc.blocks.push_back(docs::Block::Paragraph(execution));
    // Remedy (2012 §102, 2025 §121; 行政处罚法 §59(5)): 行政复议法 §20 (sixty days), 行政诉讼法 §46 (six months).
    doc.blocks.push_back(docs::Block::Paragraph("如不服本决定，可以在收到本决定书之日起六十日内向" +
                                                f.reconsideration_body + "申请行政复议，或者在六个月内依法向" +
                                                f.court + "提起行政诉讼。"));
    doc.blocks.push_back(docs::Block::Signature(f.authority + "（印）", ChineseDate(f.decision_date)));
    doc.blocks.push_back(
        docs::Block::Paragraph("本决定书已向我宣告并送达。\n被处罚人（签名）：　　　　　　　　　　年　　月　　日"));
    doc.footer = "本决定书一式三份，被处罚人一份，被侵害人一份，附卷一份。";
    return doc;
}

}  // namespace jw::discretion
