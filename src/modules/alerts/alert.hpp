#pragma once
// Plain structs of the alerts domain: an alert, the units it targets, and the colour policy.
// No SQL, no HTTP.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/json_util.hpp"
#include "common/messages.hpp"
#include "common/status.hpp"

namespace jw::alerts {

// One colour of the four (red act now, orange urgent, blue attention, green information).
struct ColourRule {
    std::string colour;  // red | orange | blue | green
    std::string name_zh, name_en, meaning_zh;
    int64_t sign_within_s = 0;  // a target unit must sign within this time or the alert escalates
    bool sms = false;           // also send an SMS to the signers
    bool sound = false;         // the board plays a sound
    int priority = 0;           // watch-order priority mapped to this colour (1 = highest)
};

class Policy {
  public:
    // Parses data/colours.csv. Errors: InvalidArgument naming the line and column.
    static Result<Policy> FromCsv(std::string_view csv);
    // The shipped policy (embedded data/colours.csv).
    static const Policy& Default();
    const ColourRule* Find(std::string_view colour) const;
    // The colour for a watch-order priority (1 = highest); the lowest colour for unknown priorities.
    const ColourRule& ForPriority(int priority) const;
    const std::vector<ColourRule>& rules() const { return rules_; }

  private:
    std::vector<ColourRule> rules_;
};

struct RaiseInput {
    std::string source;      // module raising it: checkpoint, cases, manual …
    std::string source_ref;  // the source's own reference (watch order + pass …)
    std::string dedup_key;   // optional: raising twice with one key returns the first alert
    std::string colour;
    std::string subject;  // what it is about: a plate, a case number …
    std::string title;
    Json payload = Json::object();
    Json links = Json::array();  // [{"label","href"}]
    std::string case_no;
    std::vector<int64_t> unit_ids;  // units that must sign
    std::optional<int64_t> raised_by;
    // Server-made words (ADR 0027, issue 13): when title_code is set the title is shown in the reader's language
    // from the catalogue (kept in payload.title_code / payload.title_params; `title` keeps the zh-CN words for
    // search), and the notifications use `notify_code` (…title/…body with title_params among their params).
    std::string title_code;
    MessageParams title_params;
    std::string notify_code;
};

struct Target {
    int64_t unit_id = 0;
    std::string unit_name;
    int64_t sign_due_at = 0;
    std::optional<int64_t> signed_at, signed_by, escalated_at, feedback_at, feedback_by;
    std::string outcome, officer, notes;
};

struct Alert {
    int64_t id = 0;
    std::string source, source_ref, colour, subject, title, case_no, status;  // status: open | closed
    Json payload, links;
    std::optional<int64_t> raised_by;
    int64_t raised_at = 0;
    std::optional<int64_t> closed_at;
    std::vector<Target> targets;
};

struct FeedbackInput {
    std::string outcome;  // e.g. 已查获 / 未发现 / 已移交
    std::string officer;  // the officer who acted
    std::string notes;
};

}  // namespace jw::alerts
