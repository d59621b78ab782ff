#pragma once
// The discretion engine: steps 1–10 of DISCRETION.md for one case. Pure: no I/O, no clock, no globals
// besides the immutable catalogue it is given. Thread-safe.
//
// Decide() returns the decision with a Chinese trace for every step, or InvalidArgument naming the request
// field at fault (unknown tier or factor, dates out of order, pick missing where the tier needs it, a
// mitigation the law does not allow for the grounds given).

#include <optional>
#include <string>
#include <vector>

#include "common/civil_time.hpp"
#include "common/status.hpp"
#include "discretion/catalogue.hpp"

namespace jw::discretion {

enum class Pick { kNone, kDetention, kFine, kWarning };
enum class Mitigation { kLighten, kReduce, kExempt };
enum class MentalCapacity { kFull, kLimited, kNone };

struct Offender {
    CivilDate birth_date;
    bool first_violation = false;
    bool pregnant = false;
    bool nursing_infant = false;
    MentalCapacity mental_capacity = MentalCapacity::kFull;
    bool blind_or_deaf_mute = false;
};

struct ViolationRequest {
    TierKey tier;                  // filled from the circumstance when one is given
    std::string circumstance;      // id in the active benchmark edition, or ""
    Pick pick = Pick::kNone;       // kNone: not given (a circumstance may fix it)
    std::optional<bool> add_fine;  // not given: the circumstance's choice, else not added [SAMPLE]
    std::vector<std::string> factors;
    Mitigation mitigation = Mitigation::kLighten;
    Facts facts;  // facts of the act that aggravating paragraphs test (aggravation.hpp)
};

struct DecisionRequest {
    std::string law = "auto";  // "auto" | "2012" | "2025"
    CivilDate act_end_date, decision_date;
    std::optional<CivilDate> discovered_date;
    Offender offender;
    int prior_restraint_days = 0;
    std::vector<ViolationRequest> violations;
    std::optional<int64_t> edition_id;  // benchmark edition asked for; the caller loads it (not the engine)
};

struct TraceStep {
    std::string step;    // "law_version", "gate", "tier", "base", "adjust", "reduce", "execution", ...
    std::string input;   // what the step looked at
    std::string output;  // what it decided
    std::string basis;  // citation, e.g. 《中华人民共和国治安管理处罚法》第四十三条第二款 (`law` says the text)
    std::string law;  // "2012" | "2025" | "" (行政处罚法 / 程序规定)
    int article = 0, paragraph = 0;
    std::string detail;  // one plain Chinese sentence
};

// An aggravating paragraph the facts met (ADR 0022): applied by the engine, never chosen by the officer.
struct AppliedAggravation {
    std::string code, law;
    int article = 0, paragraph = 0, item = 0;
    std::string basis;  // 《中华人民共和国治安管理处罚法》第四十三条第二款第（二）项
    std::string name;   // the law's words: 殴打、伤害六十周岁以上的人
    std::string facts;  // the facts that met it: 被侵害人1：被侵害人年龄（周岁）：65
    std::string note;   // how a word of the law is read, if the data says
    std::optional<TierKey> tier;  // the tier it raised the violation to
    std::string factor;           // or the 从重 factor it applied
};

enum class Outcome { kPenalty, kNotPunished, kNoLongerPunished };
const char* OutcomeName(Outcome o);

struct ViolationDecision {
    TierKey tier;
    TierKey requested_tier;  // the tier asked for (under this law text), before aggravation
    std::vector<AppliedAggravation> aggravations;
    std::string circumstance;  // applied circumstance id, "" if none (or not under this tier)
    Outcome outcome = Outcome::kPenalty;
    int detention_days = 0;
    int64_t fine_yuan = 0;
    bool warning = false;
    bool detention_executed = false;
    bool corrective_education = false;   // 2025 §24
    bool executed_by_exception = false;  // 2025 §23¶2 lifted the non-execution (minors: hearing right, §117¶2)
    std::vector<TraceStep> trace;
};

struct Combined {
    int detention_days = 0;           // sum of decided detention
    int capped_detention_days = 0;    // executable detention after the 20-day cap
    int executed_detention_days = 0;  // after deduction of prior restraint
    int64_t fine_yuan = 0;
    bool warning = false;
};

struct Procedure {
    std::string decided_by = "station";  // "station" | "bureau"
    bool on_the_spot_allowed = false;
    bool hearing_right = false;
    bool legal_review_required = false;
};

struct Decision {
    std::string law_applied;
    std::string benchmark_edition;  // edition of the circumstances used, "" if none
    EditionRef edition;             // the edition whose circumstances and factor percentages were in force
    std::vector<ViolationDecision> violations;
    Combined combined;
    Procedure procedure;
    std::vector<TraceStep> trace;  // case-level steps: law version, combination, deduction, procedure
};

// A violation given by circumstance id takes the circumstance's tier from `catalogue` (its edition); an id the
// edition lacks is InvalidArgument "violations[i].circumstance": "unknown_circumstance".
Result<Decision> Decide(const Catalogue& catalogue, const DecisionRequest& request);

// Age in full years on `on` (周岁: the birthday itself does not yet count, 最高法 practice on 周岁 counting).
int AgeOn(CivilDate birth, CivilDate on);

}  // namespace jw::discretion
