// Benchmark edition content: its canonical hash, the checks a circumstance and a factor percentage must pass,
// and swapping an edition's content into a catalogue.
#include <set>

#include "common/crypto.hpp"
#include "discretion/catalogue.hpp"

namespace jw::discretion {

std::string EditionContentHash(const EditionContent& content) {
    std::map<std::string, const Circumstance*> ordered;
    for (const auto& c : content.circumstances) ordered[c.id] = &c;
    // One field a line, fields separated by a unit separator, so no description can forge another row.
    std::string text = "circumstances\n";
    for (const auto& [id, c] : ordered) {
        const std::string add = c->add_fine ? (*c->add_fine ? "1" : "0") : "";
        for (const std::string& f :
             {c->id, c->tier.law, std::to_string(c->tier.article), std::to_string(c->tier.paragraph), c->tier.kind,
              std::to_string(c->tier.seq), c->description, std::to_string(c->base_detention),
              std::to_string(c->base_fine), c->pick, add}) {
            text += f;
            text += '\x1f';
        }
        text += '\n';
    }
    text += "factors\n";
    for (const auto& [key, percent] : content.factor_percents) {
        text += key.first + '\x1f' + key.second + '\x1f' + std::to_string(percent) + '\n';
    }
    return Sm3Hex(text);
}

Status ValidateCircumstance(const Catalogue& catalogue, const Circumstance& c) {
    if (c.id.empty() || c.id.size() > 60) return Status::Invalid("id", "required_at_most_60_chars");
    for (char ch : c.id) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                        ch == '_' || ch == '.';
        if (!ok) return Status::Invalid("id", "letters_digits_dash_only");
    }
    if (c.description.empty()) return Status::Invalid("description", "required");
    const Tier* t = catalogue.Find(c.tier);
    if (t == nullptr) return Status::Invalid("tier", "unknown_tier");
    if (c.base_detention != 0 &&
        (!t->HasDetention() || c.base_detention < t->detention_min || c.base_detention > t->detention_max)) {
        return Status::Invalid("base_detention", "outside_tier_range");
    }
    if (c.base_fine >= 0 && (t->fine_max == 0 || c.base_fine < t->fine_min || c.base_fine > t->fine_max)) {
        return Status::Invalid("base_fine", "outside_tier_range");
    }
    if (c.base_fine < -1) return Status::Invalid("base_fine", "outside_tier_range");
    const bool choice = t->combination == Combination::kOr || t->combination == Combination::kWarnOrFine;
    if (!c.pick.empty()) {
        const bool allowed = (c.pick == "detention" && t->HasDetention()) || (c.pick == "fine" && t->HasFine()) ||
                             (c.pick == "warning" && t->warning);
        if (!choice || !allowed) return Status::Invalid("pick", "not_allowed_by_tier");
    }
    if (c.add_fine && t->combination != Combination::kMay) return Status::Invalid("add_fine", "not_allowed_by_tier");
    return Status::Ok();
}

Status ValidateFactorPercent(const Catalogue& catalogue, const std::string& law, const std::string& code, int percent) {
    const Factor* f = catalogue.FindFactor(law, code);
    if (f == nullptr) return Status::Invalid("factor", "unknown_factor");
    switch (f->effect) {
        case Effect::kAggravate:
            if (percent < 0 || percent > 100) return Status::Invalid("percent", "must_be_0_to_100");
            break;
        case Effect::kLenient:
        case Effect::kLightenReduceExempt:
        case Effect::kLightenOrReduce:
            if (percent < -100 || percent > 0) return Status::Invalid("percent", "must_be_minus_100_to_0");
            break;
        default:
            // 减轻, gates and execution exceptions do not move the penalty within the range.
            if (percent != 0) return Status::Invalid("percent", "must_be_0_for_this_effect");
    }
    return Status::Ok();
}

Result<Catalogue> Catalogue::WithEdition(EditionRef ref, const EditionContent& content) const {
    Catalogue out = *this;
    out.circumstances_.clear();
    out.circumstance_index_.clear();
    out.circumstances_.reserve(content.circumstances.size());
    for (size_t i = 0; i < content.circumstances.size(); ++i) {
        Circumstance c = content.circumstances[i];
        c.edition = ref.code;
        const std::string prefix = "circumstances[" + std::to_string(i) + "].";
        if (Status s = ValidateCircumstance(*this, c); !s.ok()) {
            return Status::Invalid(prefix + s.fields().begin()->first, s.fields().begin()->second);
        }
        if (!out.circumstance_index_.emplace(c.id, out.circumstances_.size()).second) {
            return Status::Invalid(prefix + "id", "duplicate");
        }
        out.circumstances_.push_back(std::move(c));
    }
    for (const auto& [key, percent] : content.factor_percents) {
        const std::string field = "factors." + key.first + "." + key.second;
        if (Status s = ValidateFactorPercent(*this, key.first, key.second, percent); !s.ok()) {
            return Status::Invalid(field, s.fields().begin()->second);
        }
        for (auto& f : out.factors_) {
            if (f.law == key.first && f.code == key.second) f.percent = percent;
        }
    }
    out.edition_ = std::move(ref);
    return out;
}

EditionContent Catalogue::Content() const {
    EditionContent content;
    content.circumstances = circumstances_;
    for (const auto& f : factors_) content.factor_percents[{f.law, f.code}] = f.percent;
    return content;
}

}  // namespace jw::discretion
