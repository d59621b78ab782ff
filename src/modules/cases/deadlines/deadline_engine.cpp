#include "cases/deadlines/deadline_engine.hpp"

#include <cstdio>
#include <cstdlib>

namespace jw::cases::deadlines {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

constexpr CivilDate k2025LawInForce{2026, 1, 1};  // 治安管理处罚法（2025年修订）第一百四十四条

timelimits::Vocabulary MakeVocabulary() {
    timelimits::Vocabulary v;
    v.subject_noun = "case";
    v.event_names_zh = {
        {"accepted", "受案"},
        {"filed", "立案"},
        {"not_filed", "决定不予立案"},
        {"decided", "作出处理决定"},
        {"closed", "结案"},
        {"appraisal_started", "鉴定开始"},
        {"appraisal_ended", "鉴定结束"},
        {"hearing_started", "听证开始"},
        {"hearing_ended", "听证结束"},
        {"extension_approved", "批准延长办案期限"},
        {"seized", "扣押"},
        {"seizure_extension_approved", "批准延长扣押期限"},
        {"seizure_released", "解除扣押"},
        {"filing_review_extended", "批准延长立案审查期限"},
        {"criminal_detention", "刑事拘留"},
        {"detention_extended", "批准延长提请批准逮捕期限"},
        {"arrest_requested", "提请批准逮捕"},
        {"arrest_approved", "检察院批准逮捕"},
        {"arrest_rejected", "检察院不批准逮捕"},
        {"arrested", "执行逮捕"},
        {"custody_extension_approved", "批准延长侦查羁押期限"},
        {"new_major_crime", "发现另有重要罪行"},
        {"psychiatric_appraisal_started", "精神病鉴定开始"},
        {"psychiatric_appraisal_ended", "精神病鉴定结束"},
        {"mediation_failed", "调解未达成协议或者达成协议后不履行"},
        {"transferred_for_prosecution", "移送审查起诉"},
        {"released", "释放"},
        {"bail_started", "取保候审"},
        {"bail_ended", "解除取保候审"},
        {"surveillance_started", "监视居住"},
        {"surveillance_ended", "解除监视居住"},
    };
    v.stop_names_zh = {{"appraisal", "鉴定"}, {"hearing", "听证"}, {"psychiatric_appraisal", "精神病鉴定"}};
    // Names used by the `jingwu deadlines compute` request of issue 4, mapped to the engine's kinds.
    v.aliases = {
        {"bail", "bail_started"},
        {"residential_surveillance", "surveillance_started"},
        {"arrest_request_extended", "detention_extended"},
    };
    v.later_start_basis = "《治安管理处罚法》（2025年修订）第九十条：应当立即立案";
    return v;
}

}  // namespace

const timelimits::RuleSchema& CaseRuleSchema() {
    static const timelimits::RuleSchema schema{.file = "rules.csv",
                                               .family_column = "case_type",
                                               .families = {"administrative", "criminal"},
                                               .variant_column = "law",
                                               .variants = {"2012", "2025"}};
    return schema;
}

Result<RuleSet> ParseCaseRules(std::string_view csv) { return RuleSet::FromCsv(csv, CaseRuleSchema()); }

const RuleSet& CaseRules() {
    static const RuleSet set = [] {
        for (const auto& [name, content] : data::EmbeddedFiles()) {
            if (name == "rules.csv") return RuleSet::LoadShipped(content, CaseRuleSchema());
        }
        std::fprintf(stderr, "deadlines: rules.csv is not embedded\n");
        std::abort();
    }();
    return set;
}

const timelimits::Vocabulary& CaseVocabulary() {
    static const timelimits::Vocabulary words = MakeVocabulary();
    return words;
}

std::string EventNameZh(const std::string& kind) { return CaseVocabulary().EventNameZh(kind); }

Result<std::string> ChooseLaw(const CaseFacts& facts) {
    if (facts.case_type == "criminal") return std::string();
    if (facts.law == "2012" || facts.law == "2025") return facts.law;
    if (!facts.law.empty() && facts.law != "auto") return Status::Invalid("law", "must be 2012, 2025 or auto");
    std::optional<CivilDate> first;
    for (const char* kind : {"accepted", "filed"}) {
        for (const auto& e : facts.events) {
            if (e.kind != kind) continue;
            auto d = ParseCaseDate(e.date);
            if (d && (!first || *d < *first)) first = d;
        }
        if (first) break;
    }
    if (first && *first < k2025LawInForce) return std::string("2012");
    return std::string("2025");
}

Result<std::vector<Clock>> ComputeClocks(const RuleSet& rules, const HolidayCalendar& calendar, const CaseFacts& facts,
                                         const std::string& today_text) {
    if (facts.case_type != "administrative" && facts.case_type != "criminal") {
        return Status::Invalid("case_type", "must be administrative or criminal");
    }
    auto today = ParseDate(today_text);
    if (!today || today_text.size() != 10) return Status::Invalid("today", "not a YYYY-MM-DD date");
    JW_ASSIGN_OR_RETURN(std::string law, ChooseLaw(facts));

    timelimits::Facts f;
    f.family = facts.case_type;
    f.variant = law;
    f.events = facts.events;
    if (!law.empty()) {
        f.variant_note = facts.law == law ? "适用《治安管理处罚法》（" + law + "年文本），依所报法律版本。"
                                          : "适用《治安管理处罚法》（" + law +
                                                "年文本）：2026年1月1日前受理的案件适用2012年文本，"
                                                "此后适用2025年修订文本（第一百四十四条）。";
    }
    return timelimits::ComputeClocks(rules, calendar, CaseVocabulary(), f, *today);
}

}  // namespace jw::cases::deadlines
