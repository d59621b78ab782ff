#include "cases/lifecycle.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "common/csv_reader.hpp"

namespace jw::cases {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

std::vector<std::string> Split(std::string_view text, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t pos = text.find(sep, start);
        out.emplace_back(text.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

std::vector<std::string> Tokens(std::string_view text, char sep) {
    std::vector<std::string> out;
    for (auto& t : Split(text, sep))
        if (!t.empty()) out.push_back(std::move(t));
    return out;
}

const std::set<std::string> kRequirementTokens = {
    "reason", "person", "days", "penalty", "review_approved", "outcome_penalty", "outcome_not_penalty"};

bool HasRole(const std::vector<std::string>& have, const std::vector<std::string>& allowed) {
    return std::any_of(have.begin(), have.end(), [&](const std::string& r) {
        return std::find(allowed.begin(), allowed.end(), r) != allowed.end();
    });
}

}  // namespace

bool Transition::Requires(std::string_view token) const {
    return std::find(needs.begin(), needs.end(), token) != needs.end();
}

Result<Lifecycle> Lifecycle::FromCsv(std::string_view csv) {
    Lifecycle out;
    std::set<std::string> seen;
    JW_ASSIGN_OR_RETURN(const auto rows, ReadCsv(csv, CsvOptions{.name = "transitions.csv", .comment = '#'}));
    for (const auto& cells : rows) {
        if (cells.line == 1) continue;  // header
        const std::string where = "line " + std::to_string(cells.line);
        if (cells.size() != 7) return CsvInvalid(where, "expected_7_columns", cells.Where(0));
        Transition t{cells[0], cells[1], cells[2], cells[3], Tokens(cells[4], '|'), cells[5], Tokens(cells[6], ' ')};
        for (size_t i = 0; i < 4; ++i)
            if (cells[i].empty()) return CsvInvalid(where, "empty_cell", cells.Where(i));
        if (t.roles.empty()) return CsvInvalid(where, "no_roles", cells.Where(4));
        if (t.scope != "unit" && t.scope != "county") return CsvInvalid(where, "bad_scope", cells.Where(5));
        for (const auto& r : t.needs)
            if (!kRequirementTokens.count(r)) return CsvInvalid(where, "unknown_requirement:" + r, cells.Where(6));
        if (!seen.insert(t.case_type + "/" + t.from_state + "/" + t.action).second)
            return CsvInvalid(where, "duplicate", cells.Where(2));
        out.transitions_.push_back(std::move(t));
    }
    return out;
}

const Lifecycle& Lifecycle::Default() {
    static const Lifecycle instance = [] {
        for (const auto& [name, content] : data::EmbeddedFiles()) {
            if (name != "transitions.csv") continue;
            auto l = FromCsv(content);
            if (!l.ok()) throw std::logic_error("transitions.csv: " + l.status().message());
            return std::move(l).value();
        }
        throw std::logic_error("transitions.csv is not embedded");
    }();
    return instance;
}

const Transition* Lifecycle::Find(std::string_view case_type, std::string_view state, std::string_view action) const {
    const Transition* wildcard = nullptr;
    for (const auto& t : transitions_) {
        if (t.case_type != case_type || t.action != action) continue;
        if (t.from_state == state) return &t;
        if (t.from_state == kAnyState && state != kClosed) wildcard = &t;
    }
    return wildcard;
}

bool Lifecycle::KnowsAction(std::string_view case_type, std::string_view action) const {
    return std::any_of(transitions_.begin(), transitions_.end(),
                       [&](const Transition& t) { return t.case_type == case_type && t.action == action; });
}

Result<const Transition*> Lifecycle::Check(const ActionContext& ctx, std::string_view action) const {
    if (!KnowsAction(ctx.case_type, action)) return Status::Invalid("action", "unknown_action");
    const Transition* t = Find(ctx.case_type, ctx.state, action);
    if (t == nullptr)
        return Status(ErrorCode::kConflict, "action not allowed in state " + ctx.state,
                      {{"action", "not_allowed_in_state"}});
    if (!HasRole(ctx.actor_roles, t->roles))
        return Status(ErrorCode::kPermissionDenied, "no role of the user may take this action",
                      {{"action", "role_not_allowed"}});
    if (t->scope == "unit" && !ctx.actor_sees_unit) return Status::NotFound("case");
    Status missing(ErrorCode::kInvalidArgument, "the action needs more input");
    if (t->Requires("reason") && !ctx.has_reason) missing.mutable_fields()["reason"] = "required";
    if (t->Requires("person") && !ctx.has_suspect_person) missing.mutable_fields()["person_id"] = "required";
    if (t->Requires("days") && !ctx.has_days) missing.mutable_fields()["days"] = "required";
    if (!missing.fields().empty()) return missing;
    if (t->Requires("penalty") && !ctx.has_penalty)
        return Status(ErrorCode::kConflict, "record the penalty first", {{"penalty", "required"}});
    if (t->Requires("review_approved") && !ctx.review_approved)
        return Status(ErrorCode::kConflict, "the legal review has not approved the proposal",
                      {{"review", "not_approved"}});
    if (t->Requires("outcome_penalty") && ctx.outcome != "penalty")
        return Status(ErrorCode::kConflict, "only a penalty decision is executed", {{"outcome", "not_penalty"}});
    if (t->Requires("outcome_not_penalty") && ctx.outcome == "penalty")
        return Status(ErrorCode::kConflict, "execute the penalty before closing", {{"outcome", "penalty"}});
    return t;
}

std::vector<const Transition*> Lifecycle::Offered(const ActionContext& ctx) const {
    ActionContext relaxed = ctx;
    relaxed.has_reason = relaxed.has_suspect_person = relaxed.has_days = true;
    std::vector<const Transition*> out;
    std::set<std::string> done;
    for (const auto& t : transitions_) {
        if (t.case_type != ctx.case_type || done.count(t.action)) continue;
        auto r = Check(relaxed, t.action);
        if (r.ok()) {
            out.push_back(*r);
            done.insert(t.action);
        }
    }
    return out;
}

}  // namespace jw::cases
