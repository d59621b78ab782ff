#include "cases/public_progress.hpp"

#include <set>

#include "cases/case_clocks.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_secrets.hpp"
#include "cases/case_service.hpp"
#include "cases/lifecycle.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"

namespace jw::cases {

namespace {

size_t Utf8CharLen(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    return 4;
}

// The next step on the main path: the first lifecycle row (not a fact) from the current state whose outcome
// requirement the case meets.
std::string NextAction(const Case& k) {
    for (const auto& t : Lifecycle::Default().transitions()) {
        if (t.case_type != k.case_type || t.from_state != k.state || t.IsFact()) continue;
        if (t.Requires("outcome_penalty") && k.outcome != "penalty") continue;
        if (t.Requires("outcome_not_penalty") && k.outcome == "penalty") continue;
        return t.action;
    }
    return "";
}

Json ProgressOf(storage::Connection& c, const Case& k, int64_t now) {
    Json next = nullptr;
    const std::string action = NextAction(k);
    if (!action.empty()) {
        next = {{"action", action}, {"deadline", nullptr}, {"basis", ""}};
        auto events = repo::ListEvents(c, k.id);
        if (events.ok()) {
            auto clocks = ComputeCaseClocks(k, *events, ChinaDate(now));
            if (clocks.ok()) {
                // Only the case's own clocks: a person's clock (custody, bail) is about someone else.
                std::vector<deadlines::Clock> case_clocks;
                for (const auto& cl : *clocks)
                    if (cl.subject.empty()) case_clocks.push_back(cl);
                if (const auto* cl = NextDeadline(case_clocks)) {
                    next["deadline"] = cl->due;
                    next["basis"] = cl->basis;
                }
            }
        }
    }
    return {{"case_no", k.case_no},
            {"case_type", k.case_type},
            {"stage", k.state},
            {"unit_name", k.unit_name},
            {"officer", {{"police_no", k.lead_officer_police_no}, {"surname", Surname(k.lead_officer_name)}}},
            {"last_update", FormatUtcIso(k.last_event_at)},
            {"next_step", next}};
}

}  // namespace

std::string Surname(const std::string& name) {
    static const std::set<std::string> kCompound = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
                                                    "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯"};
    if (name.empty()) return "";
    const size_t first = Utf8CharLen(static_cast<unsigned char>(name[0]));
    if (name.size() > first) {
        const size_t second = Utf8CharLen(static_cast<unsigned char>(name[first]));
        const std::string two = name.substr(0, first + second);
        if (kCompound.count(two) && name.size() > two.size()) return two;
    }
    return name.substr(0, first);
}

Result<PublicQueryOutcome> PublicQuery(storage::Connection& c, const std::string& client, const std::string& case_no,
                                       const std::string& code, int64_t now) {
    JW_ASSIGN_OR_RETURN(int64_t failures, repo::CountFailures(c, client, now - kWindowSeconds));
    if (failures >= kMaxFailures) return PublicQueryOutcome{PublicQueryResult::kRateLimited, nullptr};
    auto refuse = [&](repo::AttemptResult why) -> Result<PublicQueryOutcome> {
        JW_RETURN_IF_ERROR(repo::InsertAttempt(c, client, case_no, now, why));
        return PublicQueryOutcome{PublicQueryResult::kWrong, nullptr};
    };
    // The case lock comes before the case is looked up: an unknown number is locked the same way as a real one,
    // so neither the answer nor the lock tells whether a case exists.
    JW_ASSIGN_OR_RETURN(int64_t case_failures, repo::CountCaseFailures(c, case_no, now - kCaseWindowSeconds));
    if (case_failures >= kMaxCaseFailures) return refuse(repo::AttemptResult::kCaseLocked);
    auto k = repo::GetCaseByNumber(c, case_no);
    if (!k.ok()) {
        if (k.status().code() != ErrorCode::kNotFound) return k.status();
        return refuse(repo::AttemptResult::kWrong);
    }
    JW_ASSIGN_OR_RETURN(auto codes, repo::ListQueryCodes(c, k->id));
    const std::string hash = QueryCodeHash(case_no, code);
    const QueryCode* match = nullptr;
    for (const auto& q : codes)
        if (q.revoked_at == 0 && q.keyed && ConstantTimeEquals(q.code_hash, hash)) match = &q;
    if (match == nullptr) return refuse(repo::AttemptResult::kWrong);
    JW_RETURN_IF_ERROR(repo::InsertAttempt(c, client, case_no, now, repo::AttemptResult::kOk));
    JW_RETURN_IF_ERROR(repo::TouchQueryCode(c, match->id, now));
    return PublicQueryOutcome{PublicQueryResult::kOk, ProgressOf(c, *k, now)};
}

}  // namespace jw::cases
