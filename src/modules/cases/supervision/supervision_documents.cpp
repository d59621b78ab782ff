#include "cases/supervision/supervision_documents.hpp"

#include "cases/case_clocks.hpp"
#include "common/civil_time.hpp"

namespace jw::cases::supervision {

std::string ChineseDate(const std::string& iso_date) {
    auto d = ParseDate(iso_date);
    if (!d) return iso_date;
    return std::to_string(d->year) + "年" + std::to_string(d->month) + "月" + std::to_string(d->day) + "日";
}

docs::Document SuggestionLetterDocument(const Letter& l, const std::string& issuer) {
    docs::Document doc;
    doc.issuer = issuer;
    doc.title = "执法建议书";
    doc.number = l.letter_no;
    doc.blocks.push_back(docs::Block::Paragraph(l.unit_name + "："));
    doc.blocks.push_back(docs::Block::Paragraph("经执法监督，你单位办理的案件存在以下问题，现提出执法建议如下。"));
    doc.blocks.push_back(docs::Block::Heading("一、存在的问题"));
    doc.blocks.push_back(docs::Block::Paragraph(l.problem));
    doc.blocks.push_back(docs::Block::Heading("二、违反的规定及依据"));
    doc.blocks.push_back(docs::Block::Table({{"案件编号", l.case_no},
                                             {"期限规定", l.rule},
                                             {"法律依据", l.basis},
                                             {"期限届满日", ChineseDate(l.due_date)}}));
    doc.blocks.push_back(docs::Block::Heading("三、整改要求"));
    doc.blocks.push_back(docs::Block::Paragraph("请你单位督促办案民警立即依法办结该案，查明超期原因，落实责任，并于" +
                                                ChineseDate(l.fix_by) + "前将整改情况书面反馈法制部门。"));
    doc.blocks.push_back(docs::Block::Signature(issuer, ChineseDate(ChinaDate(l.issued_at))));
    doc.footer = "抄送：法制大队。本建议书一式二份，一份送达被建议单位，一份存档。";
    return doc;
}

docs::Document ExtensionFormDocument(const Case& k, const deadlines::Clock& clock, const ExtensionRequest& request,
                                     const std::string& issuer) {
    docs::Document doc;
    doc.issuer = issuer;
    doc.title = "延长办案期限审批表";
    doc.number = k.case_no;
    const std::string unit = clock.unit == "months" ? "个月" : "日";
    std::string asked = "不可再延长";
    if (clock.next_extension.available)
        asked = "延长" + std::to_string(clock.next_extension.length) +
                (clock.next_extension.unit == "months" ? "个月" : "日") + "（由" + clock.next_extension.approver +
                "批准）";
    doc.blocks.push_back(docs::Block::Table({
        {"案件编号", k.case_no},
        {"案由", k.cause},
        {"办案单位", k.unit_name},
        {"主办民警", k.lead_officer_name + "（" + k.lead_officer_police_no + "）"},
        {"期限名称", clock.name_zh},
        {"法律依据", clock.basis},
        {"起算日期", ChineseDate(clock.start)},
        {"法定期限", std::to_string(clock.length) + unit},
        {"已延长次数",
         std::to_string(clock.extensions.size()) + "次（最多" + std::to_string(clock.extensions_max) + "次）"},
        {"现期限届满日", ChineseDate(clock.due)},
        {"申请延长", asked},
        {"应于何日前申请", clock.next_extension.request_by.empty() ? ChineseDate(clock.due)
                                                                   : ChineseDate(clock.next_extension.request_by)},
    }));
    doc.blocks.push_back(docs::Block::Heading("申请理由"));
    doc.blocks.push_back(docs::Block::Paragraph(request.reason));
    doc.blocks.push_back(
        docs::Block::Table({{"办案民警", request.applicant + "    " + ChineseDate(request.requested_on)},
                            {"办案单位负责人意见", "\n\n签名：            年    月    日"},
                            {"法制部门审核意见", "\n\n签名：            年    月    日"},
                            {"批准机关意见", "\n\n签名：            年    月    日"}}));
    doc.footer = "延长期限的批准应在期限届满前作出；未经批准的延长不计入办案期限。";
    return doc;
}

}  // namespace jw::cases::supervision
