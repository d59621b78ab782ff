#include "discretion/documents.hpp"

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

std::string TierCitation(const Catalogue& c, const TierKey& k) {
    const Tier* t = c.Find(k);
    std::string cite = Citation("治安管理处罚法（" + k.law + "）", k.article, k.paragraph);
    return t ? cite + "（" + t->clause + "）" : cite;
}

// The legal basis of a violation's penalty: the item of the aggravating paragraph that raised its tier (e.g.
// 第四十三条第二款第（二）项) rather than the bare paragraph, and each 从重 paragraph the facts met (ADR 0022).
std::string PenaltyBasis(const Catalogue& c, const ViolationDecision& v) {
    std::string basis = TierCitation(c, v.tier);
    for (const auto& a : v.aggravations) {
        if (a.tier && *a.tier == v.tier) {
            const Tier* t = c.Find(v.tier);
            basis = a.basis + (t ? "（" + t->clause + "）" : "");
            break;
        }
    }
    for (const auto& a : v.aggravations) {
        if (!a.tier) basis += "、" + a.basis;
    }
    return basis;
}

}  // namespace

std::string DecisionNumber(const std::string& scheme, int year, int seq) {
    return Replace(Replace(scheme, "{year}", std::to_string(year)), "{seq}", std::to_string(seq));
}

docs::Document ApprovalReport(const CaseFacts& f, const DecisionRequest& request, const Decision& d,
                              const Catalogue& c) {
    docs::Document doc;
    doc.issuer = f.authority;
    doc.title = "呈请行政处罚审批报告";
    doc.number = f.case_no;
    doc.blocks.push_back(docs::Block::Heading("一、违法行为人基本情况"));
    doc.blocks.push_back(docs::Block::Table({{"姓名", f.offender_name},
                                             {"性别", f.gender},
                                             {"出生日期", FormatDate(request.offender.birth_date)},
                                             {"身份证件", f.id_document},
                                             {"住址", f.address}}));
    doc.blocks.push_back(docs::Block::Heading("二、违法事实"));
    doc.blocks.push_back(docs::Block::Paragraph(f.facts));
    doc.blocks.push_back(docs::Block::Heading("三、证据"));
    std::string evidence;
    for (size_t i = 0; i < f.evidence.size(); ++i) evidence += std::to_string(i + 1) + "．" + f.evidence[i] + "\n";
    doc.blocks.push_back(docs::Block::Paragraph(evidence));
    doc.blocks.push_back(docs::Block::Heading("四、裁量过程（适用" + d.law_applied + "年文本）"));
    for (const auto& s : d.trace) {
        if (s.step == "law_version") doc.blocks.push_back(docs::Block::Paragraph(s.detail + "依据：" + s.basis + "。"));
    }
    if (!d.edition.code.empty()) {
        doc.blocks.push_back(docs::Block::Paragraph("适用裁量基准：" + d.edition.code + "第" +
                                                    std::to_string(d.edition.version) + "版" +
                                                    (d.edition.sample ? "（样本，非正式裁量基准）" : "") +
                                                    "，内容摘要（SM3）" + d.edition.content_hash + "。"));
    }
    for (size_t i = 0; i < d.violations.size(); ++i) {
        const auto& v = d.violations[i];
        doc.blocks.push_back(docs::Block::Paragraph("违法行为" + std::to_string(i + 1) + "：" + PenaltyBasis(c, v) +
                                                    "。裁量结果：" + PenaltyText(v) + "。"));
        std::vector<docs::KeyValue> rows;
        for (const auto& s : v.trace) rows.push_back({s.basis, s.detail});
        doc.blocks.push_back(docs::Block::Table(std::move(rows)));
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
    doc.blocks.push_back(docs::Block::Heading("六、办案人员意见"));
    doc.blocks.push_back(docs::Block::Paragraph(f.officer_opinion));
    doc.blocks.push_back(docs::Block::Heading("七、法制审核意见"));
    doc.blocks.push_back(docs::Block::Paragraph(f.reviewer_opinion));
    doc.blocks.push_back(docs::Block::Signature(f.authority, ChineseDate(f.decision_date)));
    return doc;
}

docs::Document DecisionDocument(const CaseFacts& f, const Decision& d, const Catalogue& c, const std::string& number) {
    docs::Document doc;
    doc.issuer = f.authority;
    doc.title = "行政处罚决定书";
    doc.number = number;
    doc.blocks.push_back(docs::Block::Table(
        {{"被处罚人", f.offender_name}, {"性别", f.gender}, {"身份证件", f.id_document}, {"住址", f.address}}));
    doc.blocks.push_back(docs::Block::Paragraph("现查明：" + f.facts));
    std::string evidence;
    for (const auto& e : f.evidence) evidence += (evidence.empty() ? "" : "、") + e;
    doc.blocks.push_back(docs::Block::Paragraph("以上事实有" + evidence + "等证据证实。"));
    std::string decision;
    for (size_t i = 0; i < d.violations.size(); ++i) {
        const auto& v = d.violations[i];
        decision +=
            "根据" + PenaltyBasis(c, v) + "之规定，" + "对" + f.offender_name + "决定" + PenaltyText(v) + "。\n";
    }
    if (d.violations.size() > 1 || d.combined.executed_detention_days != d.combined.detention_days) {
        decision += "合并执行行政拘留" + std::to_string(d.combined.capped_detention_days) + "日，折抵后执行" +
                    std::to_string(d.combined.executed_detention_days) + "日；罚款合计" +
                    std::to_string(d.combined.fine_yuan) + "元。\n";
    }
    doc.blocks.push_back(docs::Block::Paragraph(decision));
    std::string execution;
    if (d.combined.executed_detention_days > 0) execution += "行政拘留由本机关送达拘留所执行。";
    if (d.combined.fine_yuan > 0) execution += "被处罚人应当自收到本决定书之日起十五日内到指定的银行缴纳罚款。";
    doc.blocks.push_back(docs::Block::Paragraph(execution));
    doc.blocks.push_back(docs::Block::Paragraph("如不服本决定，可以在收到本决定书之日起六十日内向" +
                                                f.reconsideration_body + "申请行政复议，或者在六个月内依法向" +
                                                f.court + "提起行政诉讼。"));
    doc.blocks.push_back(docs::Block::Signature(f.authority + "（印）", ChineseDate(f.decision_date)));
    doc.footer = "本决定书一式三份，被处罚人一份，被侵害人一份，附卷一份。";
    return doc;
}

}  // namespace jw::discretion
