#pragma once
// The domain of case-involved property (涉案财物, ADR 0054) as plain structs, and the rules read from data/:
// categories (photos required, review date rule), disposal kinds (approver, document) and reminder stages.
// Stored in schema/001_property.sql. Times are Unix seconds UTC; review dates are China civil dates.
//
// Item states (state):
//   registered   recorded from the case's seizure, not yet handed to the custodian (程序规定第一百九十条: within 24 h)
//   in_store     in a store at a place (store_id, place_id)
//   out          taken out (out_purpose appraisal | interrogation | identification | court | other; out_holder,
//                expected_return_at) — 第一百九十条第五款 调用并及时归还
//   handed_over  sent to the procuratorate or court on a confirmed transfer list (held_by_org)
//   disposed     returned, confiscated, sold, destroyed or handed to another authority
// disposal_state: "" | requested | approved | on_hold (a reason and a new review date) — disposed once done.
// Pure data; thread-safe (the rule tables are immutable after the first load).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"

namespace jw::property {

struct Store {
    int64_t id = 0;
    int64_t unit_id = 0;
    std::string unit_name;
    std::string name;
    std::string kind;  // bureau | station
};

struct Place {
    int64_t id = 0;
    int64_t store_id = 0;
    std::optional<int64_t> parent_id;
    std::string level;  // room | shelf | position
    std::string code;   // unique in the store, e.g. "A-01-03"
    std::string name;
    int capacity = 0;  // items it can hold; 0 = not counted
};

struct Item {
    int64_t id = 0;
    std::string code;  // the opaque label code (labels.hpp); no personal data
    int64_t case_id = 0;
    std::string case_no;  // joined for display
    int64_t seizure_event_id = 0;
    int64_t unit_id = 0;  // the case's handling unit
    std::optional<int64_t> store_id, place_id, bag_id;
    std::string place_code, store_name;  // joined for display
    std::string measure;  // seize | seal | preserve | obtain (扣押 / 查封 / 先行登记保存 / 调取)
    std::string category;
    std::string description;
    double quantity = 1;
    std::string quantity_unit;
    int64_t value_fen = 0;
    std::optional<int64_t> owner_person_id;  // the master index's person when known
    std::string owner_name;                  // clear text in memory; sealed at rest
    std::string seized_by;
    int64_t seized_at = 0;
    std::string seized_place;
    std::string legal_basis, document_no;
    std::string state = "registered";
    std::string out_purpose, out_holder;
    int64_t expected_return_at = 0;
    std::string review_due;  // YYYY-MM-DD
    std::string review_basis;
    std::string hold_reason;
    std::string disposal_state;
    std::string held_by_org;
    int64_t created_by = 0;
    int64_t created_at = 0, updated_at = 0;
    int64_t version = 1;
};

struct Bag {
    int64_t id = 0;
    std::string code;
    int64_t case_id = 0;
    int64_t unit_id = 0;
    std::string label;
};

struct CategoryRule {
    std::string category, name_zh, name_en;
    bool photos_required = false;
    std::string administrative_review;  // seizure_clock | immediate
    int criminal_review_days = 90;
    std::string basis;
};

struct DisposalRule {
    std::string kind, name_zh, name_en, document, approver_permission, basis;
};

struct ReminderStage {
    std::string stage;
    int days_from_due = 0;                // the stage is due on review_due + days (negative: before)
    std::vector<std::string> recipients;  // custodian | unit_head
    std::string basis;
};

const std::vector<CategoryRule>& Categories();  // data/categories.csv
const CategoryRule* FindCategory(const std::string& category);
const std::vector<DisposalRule>& DisposalKinds();  // data/disposals.csv
const DisposalRule* FindDisposal(const std::string& kind);
const std::vector<ReminderStage>& ReminderStages();  // data/reminders.csv

// Loaders over CSV text (the tests read the same files). Errors: InvalidArgument naming the file, line, column.
Result<std::vector<CategoryRule>> ParseCategories(std::string_view csv);
Result<std::vector<DisposalRule>> ParseDisposals(std::string_view csv);
Result<std::vector<ReminderStage>> ParseReminderStages(std::string_view csv);

const std::vector<std::string>& Measures();           // seize, seal, preserve, obtain
const std::vector<std::string>& OutPurposes();        // appraisal, interrogation, identification, court, other
std::string MeasureText(const std::string& measure);  // 扣押, 查封, …
std::string CategoryText(const std::string& category);

// The review date of an item (China date) from its category and the case type (ADR 0054):
//  perishables — the day of seizure (第一百九十一条); administrative cases — the end of the 30-day seizure period
//  computed by the deadline engine (第一百一十二条; the day of seizure not counted, a rest day moves it on);
//  criminal cases — seizure + the category's criminal_review_days (the bureau's rule: until 随案移送).
// Returns the date and its basis. Errors: InvalidArgument "category" for an unknown category.
struct ReviewDate {
    std::string due;
    std::string basis;
};
Result<ReviewDate> ComputeReviewDate(const std::string& category, const std::string& case_type, int64_t seized_at);

}  // namespace jw::property
