#include "discretion/catalogue.hpp"

#include <cstdlib>
#include <stdexcept>

#include "common/csv_reader.hpp"

namespace jw::discretion {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

const char* CombinationName(Combination c) {
    switch (c) {
        case Combination::kDetOnly:
            return "DET_ONLY";
        case Combination::kFineOnly:
            return "FINE_ONLY";
        case Combination::kAnd:
            return "AND";
        case Combination::kMay:
            return "MAY";
        case Combination::kOr:
            return "OR";
        case Combination::kWarnOrFine:
            return "WARN_OR_FINE";
        case Combination::kWarnOnly:
            return "WARN_ONLY";
    }
    return "?";
}

std::string ChineseNumber(int64_t n) {
    static const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n == 0) return "零";
    if (n >= 10000) {
        std::string high = ChineseNumber(n / 10000) + "万";
        int64_t rest = n % 10000;
        if (rest == 0) return high;
        return high + (rest < 1000 ? "零" : "") + ChineseNumber(rest);
    }
    static const char* kUnits[] = {"千", "百", "十", ""};
    static const int kValues[] = {1000, 100, 10, 1};
    std::string out;
    bool pending_zero = false;
    for (int i = 0; i < 4; ++i) {
        int d = static_cast<int>(n / kValues[i] % 10);
        if (d == 0) {
            if (!out.empty()) pending_zero = true;
            continue;
        }
        if (pending_zero) out += "零";
        pending_zero = false;
        // The law writes 十五日, not 一十五日.
        if (!(i == 2 && d == 1 && out.empty())) out += kDigits[d];
        out += kUnits[i];
    }
    return out;
}

std::string LawFullName(const std::string& source) {
    std::string law = source.substr(0, source.find("（"));
    // A national law is cited by its full name (中华人民共和国…法); regulations (…规定) keep theirs.
    const std::string prc = "中华人民共和国";
    const std::string fa = "法";
    const bool is_law = law.size() >= fa.size() && law.compare(law.size() - fa.size(), fa.size(), fa) == 0;
    if (is_law && law.rfind(prc, 0) != 0) law = prc + law;
    return law;
}

std::string Citation(const std::string& source, int article, int paragraph, int item) {
    // The documents and the calculator cite as 公安行政法律文书 do: full name, article, paragraph (item); the text's
    // edition is not part of a citation (the trace's law_version step says which text applies).
    std::string out = "《" + LawFullName(source) + "》第" + ChineseNumber(article) + "条";
    if (paragraph > 0) out += "第" + ChineseNumber(paragraph) + "款";
    if (item > 0) out += "第（" + ChineseNumber(item) + "）项";
    return out;
}

namespace {

// A shipped catalogue file that does not hold what the engine needs: a bug of the data, hence Internal.
Status Bad(std::string_view file, const CsvRow& row, size_t field, std::string_view why) {
    return Status::Internal("catalogue " + std::string(file) + " " + row.Where(field) + ": " + std::string(why));
}

// The rows of a catalogue file after its header.
Result<std::vector<CsvRow>> Rows(std::string_view file, std::string_view text) {
    JW_ASSIGN_OR_RETURN(auto rows, ReadCsv(text, CsvOptions{.name = file}));
    if (!rows.empty()) rows.erase(rows.begin());
    return rows;
}

bool ToInt(const std::string& s, int64_t* out) {
    if (s.empty()) return false;
    char* end = nullptr;
    long long v = std::strtoll(s.c_str(), &end, 10);
    if (*end != '\0') return false;
    *out = v;
    return true;
}

Result<Combination> ParseCombination(const std::string& s) {
    static const std::map<std::string, Combination> kNames = {{"DET_ONLY", Combination::kDetOnly},
                                                              {"FINE_ONLY", Combination::kFineOnly},
                                                              {"AND", Combination::kAnd},
                                                              {"MAY", Combination::kMay},
                                                              {"OR", Combination::kOr},
                                                              {"WARN_OR_FINE", Combination::kWarnOrFine},
                                                              {"WARN_ONLY", Combination::kWarnOnly}};
    auto it = kNames.find(s);
    if (it == kNames.end()) return Status::Internal("unknown combination " + s);
    return it->second;
}

Result<Effect> ParseEffect(const std::string& s) {
    static const std::map<std::string, Effect> kNames = {{"aggravate", Effect::kAggravate},
                                                         {"reduce_or_exempt", Effect::kReduceOrExempt},
                                                         {"reduce_or_exempt_pair", Effect::kReduceOrExemptPair},
                                                         {"lighten_reduce_exempt", Effect::kLightenReduceExempt},
                                                         {"lighten_or_reduce", Effect::kLightenOrReduce},
                                                         {"lenient", Effect::kLenient},
                                                         {"gate", Effect::kGate},
                                                         {"gate_optional", Effect::kGateOptional},
                                                         {"exec_exception", Effect::kExecException}};
    auto it = kNames.find(s);
    if (it == kNames.end()) return Status::Internal("unknown effect " + s);
    return it->second;
}

Status LoadTiers(std::string_view file, std::string_view text, std::vector<Tier>* out) {
    JW_ASSIGN_OR_RETURN(const auto rows, Rows(file, text));
    for (const auto& r : rows) {
        if (r.size() != 15) return Bad(file, r, 0, "expected 15 fields");
        int64_t v[10];
        for (int k = 0; k < 10; ++k) {
            static const int kCols[] = {1, 2, 4, 6, 7, 8, 9, 10, 11, 12};
            if (!ToInt(r[kCols[k]], &v[k])) return Bad(file, r, kCols[k], "not a number");
        }
        Tier t;
        t.key = {r[0], static_cast<int>(v[0]), static_cast<int>(v[1]), r[3], static_cast<int>(v[2])};
        auto comb = ParseCombination(r[5]);
        if (!comb.ok()) return Bad(file, r, 5, comb.status().message());
        t.combination = *comb;
        t.detention_min = static_cast<int>(v[3]);
        t.detention_max = static_cast<int>(v[4]);
        t.fine_min = v[5];
        t.fine_max = v[6];
        t.gains_multiple_min = static_cast<int>(v[7]);
        t.gains_multiple_max = static_cast<int>(v[8]);
        t.warning = v[9] != 0;
        t.other = r[13];
        t.clause = r[14];
        if (t.key.kind != "light" && t.key.kind != "base" && t.key.kind != "heavy") return Bad(file, r, 3, "kind");
        if (t.detention_min > t.detention_max || t.fine_min > t.fine_max) return Bad(file, r, 6, "range");
        out->push_back(std::move(t));
    }
    return Status::Ok();
}

}  // namespace

Result<Catalogue> Catalogue::FromCsv(std::string_view tiers_2012, std::string_view tiers_2025,
                                     std::string_view tier_map, std::string_view factors, std::string_view benchmark,
                                     std::string_view facts, std::string_view aggravations) {
    Catalogue c;
    JW_RETURN_IF_ERROR(LoadTiers("tiers_2012.csv", tiers_2012, &c.tiers_));
    JW_RETURN_IF_ERROR(LoadTiers("tiers_2025.csv", tiers_2025, &c.tiers_));
    for (size_t i = 0; i < c.tiers_.size(); ++i) {
        if (!c.index_.emplace(c.tiers_[i].key, i).second) return Status::Internal("duplicate tier in catalogue");
    }
    JW_ASSIGN_OR_RETURN(const auto map_rows, Rows("tier_map.csv", tier_map));
    for (const auto& r : map_rows) {
        int64_t a, b, x, y;
        if (r.size() != 5 || !ToInt(r[0], &a) || !ToInt(r[1], &b) || !ToInt(r[2], &x) || !ToInt(r[3], &y)) {
            return Bad("tier_map.csv", r, 0, "malformed");
        }
        c.map_2012_to_2025_[{static_cast<int>(a), static_cast<int>(b)}] = {static_cast<int>(x), static_cast<int>(y)};
    }
    JW_ASSIGN_OR_RETURN(const auto factor_rows, Rows("factors.csv", factors));
    for (const auto& r : factor_rows) {
        int64_t v[5];
        if (r.size() != 10) return Bad("factors.csv", r, 0, "expected 10 fields");
        for (size_t k = 0; k < 5; ++k) {
            if (!ToInt(r[4 + k], &v[k])) return Bad("factors.csv", r, 4 + k, "not a number");
        }
        auto effect = ParseEffect(r[2]);
        if (!effect.ok()) return Bad("factors.csv", r, 2, effect.status().message());
        c.factors_.push_back({r[0], r[1], *effect, r[3], static_cast<int>(v[0]), static_cast<int>(v[1]),
                              static_cast<int>(v[2]), v[3] != 0, static_cast<int>(v[4]), r[9]});
    }
    JW_ASSIGN_OR_RETURN(c.fact_defs_, ParseFactDefs(facts));
    JW_ASSIGN_OR_RETURN(c.aggravations_, ParseAggravations(aggravations, c.fact_defs_));
    for (const auto& a : c.aggravations_) {
        // Every rule must lead somewhere the catalogue knows: the tier it raises to, or an aggravating factor.
        const bool known = a.RaisesTier() ? c.Find({a.law, a.article, a.paragraph, a.kind, 1}) != nullptr
                                          : c.FindFactor(a.law, a.factor) != nullptr &&
                                                c.FindFactor(a.law, a.factor)->effect == Effect::kAggravate;
        if (!known) return Status::Internal("catalogue aggravations.csv: " + a.law + " " + a.code + " leads nowhere");
    }
    JW_ASSIGN_OR_RETURN(const auto bench_rows, Rows("benchmark", benchmark));
    for (const auto& r : bench_rows) {
        int64_t a, p, q, bd, bf;
        if (r.size() != 12 || !ToInt(r[3], &a) || !ToInt(r[4], &p) || !ToInt(r[6], &q) || !ToInt(r[8], &bd) ||
            !ToInt(r[9], &bf)) {
            return Bad("benchmark", r, 0, "malformed");
        }
        Circumstance ci{r[0],
                        r[1],
                        {r[2], static_cast<int>(a), static_cast<int>(p), r[5], static_cast<int>(q)},
                        r[7],
                        static_cast<int>(bd),
                        bf,
                        r[10],
                        std::nullopt};
        if (!r[11].empty()) ci.add_fine = r[11] == "1";
        if (Status s = ValidateCircumstance(c, ci); !s.ok()) {
            return Bad("benchmark", r, 0, s.fields().begin()->first + ": " + s.fields().begin()->second);
        }
        if (!c.circumstance_index_.emplace(ci.id, c.circumstances_.size()).second) {
            return Bad("benchmark", r, 0, "duplicate circumstance id");
        }
        c.circumstances_.push_back(std::move(ci));
    }
    c.edition_.code = c.circumstances_.empty() ? "" : c.circumstances_.front().edition;
    c.edition_.content_hash = EditionContentHash(c.Content());
    return c;
}

const Circumstance* Catalogue::FindCircumstance(const std::string& id) const {
    auto it = circumstance_index_.find(id);
    return it == circumstance_index_.end() ? nullptr : &circumstances_[it->second];
}

const Catalogue& Catalogue::Embedded() {
    static const Catalogue catalogue = [] {
        std::map<std::string_view, std::string_view> files(data::EmbeddedFiles().begin(), data::EmbeddedFiles().end());
        auto c = FromCsv(files["tiers_2012.csv"], files["tiers_2025.csv"], files["tier_map.csv"], files["factors.csv"],
                         files["benchmark_sample.csv"], files["facts.csv"], files["aggravations.csv"]);
        if (!c.ok()) throw std::logic_error(c.status().message());
        return std::move(c).value();
    }();
    return catalogue;
}

const Tier* Catalogue::Find(const TierKey& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &tiers_[it->second];
}

const Tier* Catalogue::MapTo2025(const TierKey& key_2012) const {
    auto it = map_2012_to_2025_.find({key_2012.article, key_2012.paragraph});
    if (it == map_2012_to_2025_.end()) return nullptr;
    return Find({"2025", it->second.first, it->second.second, key_2012.kind, key_2012.seq});
}

const Factor* Catalogue::FindFactor(const std::string& law, const std::string& code) const {
    for (const auto& f : factors_) {
        if (f.law == law && f.code == code) return &f;
    }
    return nullptr;
}

bool Catalogue::KnownFactorCode(const std::string& code) const {
    for (const auto& f : factors_) {
        if (f.code == code) return true;
    }
    return false;
}

}  // namespace jw::discretion
