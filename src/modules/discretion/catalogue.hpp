#pragma once
// The discretion catalogue: penalty tiers of chapter 3 of both texts of the 治安管理处罚法 (2012, 2025),
// the 2012→2025 paragraph correspondence and the factors each text recognises. Data, not code: the rows
// come from data/*.csv (extracted by tools/discretion/extract_catalogue.py, embedded at build time).
// Immutable after loading; safe to share between threads.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "common/status.hpp"
#include "discretion/aggravation.hpp"

namespace jw::discretion {

enum class Combination { kDetOnly, kFineOnly, kAnd, kMay, kOr, kWarnOrFine, kWarnOnly };
const char* CombinationName(Combination c);

struct TierKey {
    std::string law;  // "2012" | "2025"
    int article = 0;
    int paragraph = 0;
    std::string kind;  // "light" | "base" | "heavy"
    int seq = 1;       // several clauses of the same kind in one paragraph
    auto operator<=>(const TierKey&) const = default;
};

struct Tier {
    TierKey key;
    Combination combination = Combination::kDetOnly;
    int detention_min = 0, detention_max = 0;  // days; 0/0 = no detention in this tier
    int64_t fine_min = 0, fine_max = 0;        // yuan; 0/0 = no fine (unless gains multiple)
    int gains_multiple_min = 0, gains_multiple_max = 0;
    bool warning = false;
    std::string other;   // "revoke_licence", "deportation"
    std::string clause;  // the clause text it was read from

    bool HasDetention() const { return detention_max > 0; }
    bool HasFine() const { return fine_max > 0 || gains_multiple_max > 0; }
};

enum class Effect {
    kAggravate,            // 从重 (within the range)
    kReduceOrExempt,       // 2012 §19: 减轻或者不予处罚
    kReduceOrExemptPair,   // 2012 §19(二): needs both halves
    kLightenReduceExempt,  // 2025 §20, §14: 从轻、减轻或者不予处罚
    kLightenOrReduce,      // §12 minors, 2025 §13 limited capacity
    kLenient,              // 2025 §21 认错认罚 (从宽)
    kGate,                 // 不予处罚
    kGateOptional,         // 可以不予处罚 (行政处罚法 §33¶1 second sentence)
    kExecException,        // 2025 §23¶2
};

struct Factor {
    std::string law, code;
    Effect effect = Effect::kAggravate;
    std::string source;  // "治安管理处罚法（2012）", "行政处罚法（2021）"
    int article = 0, paragraph = 0, item = 0;
    bool mandatory = false;
    int percent = 0;  // sample percentage, signed
    std::string name;
};

// A circumstance (裁量情形) of a benchmark edition: a concrete description under one tier, optionally fixing the
// base points, the penalty type of an OR tier and whether a MAY tier's fine is added.
struct Circumstance {
    std::string edition, id;
    TierKey tier;
    std::string description;
    int base_detention = 0;  // 0 = the default base point
    int64_t base_fine = -1;  // -1 = the default base point
    std::string pick;        // "" | "detention" | "fine" | "warning"
    std::optional<bool> add_fine;
};

// Which benchmark edition supplies a catalogue's circumstances and factor percentages.
struct EditionRef {
    int64_t id = 0;    // database id; 0 for the edition compiled into the binary
    std::string code;  // "SAMPLE-1"
    int version = 1;
    std::string content_hash;  // EditionContentHash of the content
    bool sample = true;        // 【样本】: a sample, not an official benchmark
};

// The editable part of an edition: its circumstances and its percentage for each factor, (law, code) → percent.
struct EditionContent {
    std::vector<Circumstance> circumstances;
    std::map<std::pair<std::string, std::string>, int> factor_percents;
};

// SM3 (hex) of a canonical text of the content: circumstances ordered by id, then factor percentages ordered by
// law and code. Equal content gives an equal hash whatever the storage order.
std::string EditionContentHash(const EditionContent& content);

class Catalogue;
// Checks one circumstance against the catalogue's tiers. Errors: InvalidArgument naming "id", "description",
// "tier", "base_detention", "base_fine", "pick" or "add_fine".
Status ValidateCircumstance(const Catalogue& catalogue, const Circumstance& circumstance);
// Checks a factor percentage: the factor exists under `law`; aggravating factors are 0..100, the others -100..0.
// Errors: InvalidArgument naming "factor" or "percent".
Status ValidateFactorPercent(const Catalogue& catalogue, const std::string& law, const std::string& code, int percent);

class Catalogue {
  public:
    // Parses the CSV files. Errors: Internal naming the file and line of a malformed row.
    static Result<Catalogue> FromCsv(std::string_view tiers_2012, std::string_view tiers_2025,
                                     std::string_view tier_map, std::string_view factors,
                                     std::string_view benchmark = {}, std::string_view facts = {},
                                     std::string_view aggravations = {});
    // The catalogue compiled into the binary (parsed once, on first use). A broken embedded file is a bug.
    static const Catalogue& Embedded();

    // The same tiers and factors with the circumstances and percentages of another edition. Errors:
    // InvalidArgument ("circumstances[i].<field>", "factors.<law>.<code>") for content that does not fit.
    Result<Catalogue> WithEdition(EditionRef ref, const EditionContent& content) const;
    // This catalogue's circumstances and factor percentages, e.g. to store them as an edition.
    EditionContent Content() const;
    const EditionRef& edition() const { return edition_; }

    const Tier* Find(const TierKey& key) const;
    // The 2025 tier corresponding to a 2012 tier (same kind in the paired paragraph), or nullptr.
    const Tier* MapTo2025(const TierKey& key_2012) const;
    const Factor* FindFactor(const std::string& law, const std::string& code) const;
    bool KnownFactorCode(const std::string& code) const;
    const Circumstance* FindCircumstance(const std::string& id) const;
    const std::vector<Tier>& tiers() const { return tiers_; }
    const std::vector<Circumstance>& circumstances() const { return circumstances_; }
    const std::vector<Factor>& factors() const { return factors_; }
    // The facts an officer may enter for a violation and the aggravating paragraphs they trigger (ADR 0022).
    const std::vector<FactDef>& fact_defs() const { return fact_defs_; }
    const std::vector<Aggravation>& aggravations() const { return aggravations_; }

  private:
    std::vector<Tier> tiers_;
    std::map<TierKey, size_t> index_;
    std::map<std::pair<int, int>, std::pair<int, int>> map_2012_to_2025_;
    std::vector<Factor> factors_;
    std::vector<FactDef> fact_defs_;
    std::vector<Aggravation> aggravations_;
    std::vector<Circumstance> circumstances_;
    std::map<std::string, size_t> circumstance_index_;
    EditionRef edition_;
};

// Chinese numeral for a non-negative integer as the law texts write it (五, 十五, 二百, 一千, 二千五百).
std::string ChineseNumber(int64_t n);
// The full name of a law from a catalogue source ("治安管理处罚法（2012）" → 中华人民共和国治安管理处罚法): the
// edition in parentheses dropped, 中华人民共和国 added to a national law (…法), regulations unchanged.
std::string LawFullName(const std::string& source);
// The citation documents and the calculator print: "《中华人民共和国治安管理处罚法》第四十三条第二款第（二）项"
// (full name, article, paragraph when > 0, item when > 0; no edition suffix).
std::string Citation(const std::string& source, int article, int paragraph, int item = 0);

}  // namespace jw::discretion
