// The rule tables of data/ and the review date (property.hpp).
#include <algorithm>
#include <cstdlib>

#include "cases/deadlines/deadline_engine.hpp"
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/csv_reader.hpp"
#include "common/text.hpp"
#include "property/property.hpp"
#include "timelimits/period.hpp"

namespace jw::property {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

std::string_view File(std::string_view name) {
    for (const auto& [n, content] : data::EmbeddedFiles())
        if (n == name) return content;
    std::abort();  // a file missing from the build: a bug the tests catch
}

template <typename T>
const std::vector<T>& Loaded(Result<std::vector<T>> r) {
    if (!r.ok()) std::abort();  // a broken shipped file: a bug the tests catch
    return *new std::vector<T>(std::move(r).value());
}

std::vector<std::string> Split(const std::string& text, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(sep, start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

Result<std::vector<CategoryRule>> ParseCategories(std::string_view csv) {
    JW_ASSIGN_OR_RETURN(const auto rows, ReadCsv(csv, CsvOptions{.name = "categories.csv"}));
    std::vector<CategoryRule> out;
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const std::string where = "categories.csv:" + std::to_string(r.line);
        if (r.size() != 7) return CsvInvalid(where, "expected 7 columns", r.Where(0));
        CategoryRule c{r[0], r[1], r[2], r[3] == "1", r[4], 0, r[6]};
        if (c.administrative_review != "seizure_clock" && c.administrative_review != "immediate")
            return CsvInvalid(where, "administrative_review must be seizure_clock or immediate", r.Where(4));
        char* end = nullptr;
        c.criminal_review_days = static_cast<int>(std::strtol(r[5].c_str(), &end, 10));
        if (r[5].empty() || *end != '\0' || c.criminal_review_days < 0)
            return CsvInvalid(where, "criminal_review_days must be a number of days", r.Where(5));
        if (c.basis.empty()) return CsvInvalid(where, "basis is required", r.Where(6));
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<DisposalRule>> ParseDisposals(std::string_view csv) {
    JW_ASSIGN_OR_RETURN(const auto rows, ReadCsv(csv, CsvOptions{.name = "disposals.csv"}));
    std::vector<DisposalRule> out;
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const std::string where = "disposals.csv:" + std::to_string(r.line);
        if (r.size() != 6) return CsvInvalid(where, "expected 6 columns", r.Where(0));
        if (r[5].empty()) return CsvInvalid(where, "basis is required", r.Where(5));
        out.push_back(DisposalRule{r[0], r[1], r[2], r[3], r[4], r[5]});
    }
    return out;
}

Result<std::vector<ReminderStage>> ParseReminderStages(std::string_view csv) {
    JW_ASSIGN_OR_RETURN(const auto rows, ReadCsv(csv, CsvOptions{.name = "reminders.csv"}));
    std::vector<ReminderStage> out;
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const std::string where = "reminders.csv:" + std::to_string(r.line);
        if (r.size() != 4) return CsvInvalid(where, "expected 4 columns", r.Where(0));
        ReminderStage s;
        s.stage = r[0];
        char* end = nullptr;
        s.days_from_due = static_cast<int>(std::strtol(r[1].c_str(), &end, 10));
        if (r[1].empty() || *end != '\0') return CsvInvalid(where, "days_from_due must be a number", r.Where(1));
        s.recipients = Split(r[2], '|');
        for (const auto& who : s.recipients)
            if (who != "custodian" && who != "unit_head")
                return CsvInvalid(where, "recipients are custodian or unit_head", r.Where(2));
        s.basis = r[3];
        out.push_back(std::move(s));
    }
    return out;
}

const std::vector<CategoryRule>& Categories() {
    static const auto& rules = Loaded(ParseCategories(File("categories.csv")));
    return rules;
}
const std::vector<DisposalRule>& DisposalKinds() {
    static const auto& rules = Loaded(ParseDisposals(File("disposals.csv")));
    return rules;
}
const std::vector<ReminderStage>& ReminderStages() {
    static const auto& rules = Loaded(ParseReminderStages(File("reminders.csv")));
    return rules;
}

const CategoryRule* FindCategory(const std::string& category) {
    for (const auto& c : Categories())
        if (c.category == category) return &c;
    return nullptr;
}
const DisposalRule* FindDisposal(const std::string& kind) {
    for (const auto& d : DisposalKinds())
        if (d.kind == kind) return &d;
    return nullptr;
}

const std::vector<std::string>& Measures() {
    static const std::vector<std::string> v = {"seize", "seal", "preserve", "obtain"};
    return v;
}
const std::vector<std::string>& OutPurposes() {
    static const std::vector<std::string> v = {"appraisal", "interrogation", "identification", "court", "other"};
    return v;
}
std::string MeasureText(const std::string& measure) {
    if (measure == "seize") return "扣押";
    if (measure == "seal") return "查封";
    if (measure == "preserve") return "先行登记保存";
    if (measure == "obtain") return "调取";
    return measure;
}
std::string CategoryText(const std::string& category) {
    const CategoryRule* c = FindCategory(category);
    return c ? c->name_zh : category;
}

Result<ReviewDate> ComputeReviewDate(const std::string& category, const std::string& case_type, int64_t seized_at) {
    const CategoryRule* rule = FindCategory(category);
    if (rule == nullptr) return Status::Invalid("category", "bad_value");
    const std::string seized = FormatChinaDate(seized_at);
    if (rule->administrative_review == "immediate") return ReviewDate{seized, rule->basis};
    if (case_type == "administrative") {
        // The seizure clock of the deadline engine: 30 days, the day of seizure not counted, a rest day moved on.
        cases::deadlines::CaseFacts facts;
        facts.case_type = "administrative";
        facts.law = "2025";
        facts.events.push_back({"accepted", seized, "", 0, 0, "", ""});
        facts.events.push_back({"seized", seized, "item", 0, 0, "", ""});
        JW_ASSIGN_OR_RETURN(auto clocks,
                            cases::deadlines::ComputeClocks(cases::deadlines::CaseRules(),
                                                            cases::deadlines::DefaultHolidayCalendar(), facts, seized));
        for (const auto& clock : clocks)
            if (clock.rule_id == "seizure") return ReviewDate{clock.due, clock.basis + "（扣押期限届满）"};
        return Status::Internal("the deadline engine gave no seizure clock");
    }
    auto d = ParseDate(seized);
    if (!d) return Status::Internal("bad seizure date");
    return ReviewDate{FormatDate(timelimits::AddDays(*d, rule->criminal_review_days)),
                      "本局涉案财物管理规定：刑事案件扣押" + std::to_string(rule->criminal_review_days) +
                          "日审查一次，随案移送前不得处置"};
}

}  // namespace jw::property
