#include "discretion/engine.hpp"
#include "discretion/engine_internal.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace jw::discretion {

const char* OutcomeName(Outcome o) {
    switch (o) {
        case Outcome::kPenalty: return "penalty";
        case Outcome::kNotPunished: return "not_punished";
        case Outcome::kNoLongerPunished: return "no_longer_punished";
    }
    return "?";
}

int AgeOn(CivilDate birth, CivilDate on) {
    int age = on.year - birth.year;
    // 周岁 are complete from the day after the birthday.
    if (std::tie(on.month, on.day) <= std::tie(birth.month, birth.day)) --age;
    return age;
}

namespace {

using namespace internal;

constexpr CivilDate kNewLawStart{2026, 1, 1};
const std::string kXzcf = "行政处罚法（2021）";

std::string TierText(const Tier& t) {
    static const std::map<std::string, std::string> kKinds = {
        {"light", "情节较轻"}, {"base", "基本幅度"}, {"heavy", "情节较重/严重"}};
    return Citation(Source(t.key.law), t.key.article, t.key.paragraph) + kKinds.at(t.key.kind) + "（" +
           CombinationName(t.combination) + "）：" + t.clause;
}

int DetentionBase(int lo, int hi) { return (lo + hi) / 2; }
int64_t FineBase(int64_t lo, int64_t hi) { return (lo + hi + 10) / 20 * 10; }
int AdjustDays(int base, int percent) {
    int64_t x = static_cast<int64_t>(base) * (100 + percent);
    return x <= 0 ? 0 : static_cast<int>((x + 50) / 100);
}
int64_t AdjustFine(int64_t base, int percent) {
    int64_t x = base * (100 + percent);
    return x <= 0 ? 0 : (x + 500) / 1000 * 10;
}

CivilDate AddMonths(CivilDate d, int months) {
    int m = d.month - 1 + months;
    CivilDate out{d.year + m / 12, m % 12 + 1, d.day};
    while (!IsValidDate(out)) --out.day;  // 31 Aug + 6 months → 28/29 Feb
    return out;
}

struct Ground {
    const Factor* factor;
    std::string label;
};


class ViolationRun {
public:
    ViolationRun(const Catalogue& c, const DecisionRequest& req, const ViolationRequest& v, const Tier& tier, size_t i)
        : cat_(c), req_(req), v_(v), tier_(tier), index_(i), law_(tier.key.law) {}

    Result<ViolationDecision> Run() {
        out_.tier = tier_.key;
        if (!v_.circumstance.empty()) {
            const Circumstance* c = cat_.FindCircumstance(v_.circumstance);
            if (c != nullptr && c->tier == tier_.key) {
                circ_ = c;
                out_.circumstance = c->id;
                Add(TraceStep{"circumstance", c->id, c->description, "裁量基准 " + c->edition, "", 0, 0,
                              "适用裁量基准（" + c->edition + "）情形" + c->id + "：" + c->description + "。"});
            }
        }
        int age = AgeOn(req_.offender.birth_date, req_.act_end_date);
        age_ = age;
        if (Gate()) return out_;
        JW_RETURN_IF_ERROR(ChooseType());
        JW_RETURN_IF_ERROR(CollectFactors());
        if (out_.outcome != Outcome::kPenalty) return out_;
        Compute();
        if (out_.outcome == Outcome::kPenalty) Execution();
        return out_;
    }

private:
    void Add(TraceStep s) { out_.trace.push_back(std::move(s)); }
    std::string Field(const std::string& name) const {
        return "violations[" + std::to_string(index_) + "]." + name;
    }

    bool Stop(Outcome o, TraceStep s) {
        out_.outcome = o;
        Add(std::move(s));
        if (o == Outcome::kNotPunished && age_ < 18 && law_ == "2025") {
            out_.corrective_education = true;
            Add(Step("education", "未成年人不予处罚", "采取相应矫治教育等措施", Source(law_), law_, 24, 1,
                     "对不予处罚的未成年人，依照《预防未成年人犯罪法》采取矫治教育等措施。"));
        }
        return true;
    }

    // Step 2.
    bool Gate() {
        const std::string src = Source(law_);
        if (age_ < 14) {
            return Stop(Outcome::kNotPunished,
                        Step("gate", "行为时年龄" + std::to_string(age_) + "周岁", "不予处罚", src, law_, 12, 1,
                             "不满十四周岁的人违反治安管理的，不予处罚，但应当责令其监护人严加管教。"));
        }
        if (req_.offender.mental_capacity == MentalCapacity::kNone) {
            return Stop(Outcome::kNotPunished,
                        Step("gate", "不能辨认或者不能控制自己行为", "不予处罚", src, law_, 13, 1,
                             law_ == "2012" ? "精神病人在不能辨认或者不能控制自己行为的时候违反治安管理的，不予处罚。"
                                            : "精神病人、智力残疾人在不能辨认或者不能控制自己行为的时候违反治安管理的，不予处罚。"));
        }
        if (req_.discovered_date) {
            CivilDate limit = AddMonths(req_.act_end_date, 6);
            if (*req_.discovered_date > limit) {
                return Stop(Outcome::kNoLongerPunished,
                            Step("gate", "行为终了" + FormatDate(req_.act_end_date) + "，发现" +
                                     FormatDate(*req_.discovered_date),
                                 "不再处罚", src, law_, law_ == "2012" ? 22 : 25, 1,
                                 "违反治安管理行为在六个月内没有被公安机关发现的，不再处罚（期限至" + FormatDate(limit) +
                                     "）。"));
            }
        }
        for (const auto& code : v_.factors) {
            const Factor* f = cat_.FindFactor(law_, code);
            if (f == nullptr) continue;
            if (f->effect == Effect::kGate ||
                (f->effect == Effect::kGateOptional && v_.mitigation == Mitigation::kExempt)) {
                return Stop(Outcome::kNotPunished,
                            Step("gate", f->name, "不予处罚", f->source, f->source == kXzcf ? "" : law_, f->article,
                                 f->paragraph, f->name + "，依法不予处罚。"));
            }
        }
        return false;
    }

    // Step 3.
    Status ChooseType() {
        const Tier& t = tier_;
        bool det = t.HasDetention(), fine = t.HasFine(), warn = t.warning;
        switch (t.combination) {
            case Combination::kDetOnly: type_ = Pick::kDetention; break;
            case Combination::kFineOnly: type_ = Pick::kFine; break;
            case Combination::kWarnOnly: type_ = Pick::kWarning; break;
            case Combination::kAnd: type_ = Pick::kDetention; with_fine_ = true; break;
            case Combination::kMay:
                type_ = Pick::kDetention;
                with_fine_ = v_.add_fine.value_or(circ_ && circ_->add_fine ? *circ_->add_fine : false);
                break;
            case Combination::kOr:
            case Combination::kWarnOrFine: {
                Pick pick = v_.pick;
                if (pick == Pick::kNone && circ_ != nullptr) {
                    pick = circ_->pick == "detention" ? Pick::kDetention
                           : circ_->pick == "fine"    ? Pick::kFine
                           : circ_->pick == "warning" ? Pick::kWarning
                                                      : Pick::kNone;
                }
                bool ok = (pick == Pick::kDetention && det) || (pick == Pick::kFine && fine) ||
                          (pick == Pick::kWarning && warn);
                if (pick == Pick::kNone) return Status::Invalid(Field("pick"), "required");
                if (!ok) return Status::Invalid(Field("pick"), "not_allowed_by_tier");
                type_ = pick;
                break;
            }
        }
        std::string chosen = type_ == Pick::kDetention ? "行政拘留" : type_ == Pick::kFine ? "罚款" : "警告";
        if (with_fine_) chosen += "并处罚款";
        else if (t.combination == Combination::kMay) chosen += "（不并处罚款）";
        std::string note = t.gains_multiple_max > 0
                               ? "本幅度按违法所得倍数罚款；请求未给违法所得，按“没有违法所得或者违法所得不足”的罚款幅度计算。"
                               : "";
        Add(Step("tier", TierText(t), chosen, Source(law_), law_, t.key.article, t.key.paragraph,
                 "适用" + Citation(Source(law_), t.key.article, t.key.paragraph) + "，处罚种类：" + chosen + "。" + note));
        return Status::Ok();
    }

    // Steps 5–6: factors and statutory grounds.
    Status CollectFactors() {
        std::set<std::string> codes(v_.factors.begin(), v_.factors.end());
        if (age_ >= 14 && age_ < 18) codes.insert("offender.minor");
        if (req_.offender.blind_or_deaf_mute) codes.insert("offender.blind_or_deaf_mute");
        if (req_.offender.mental_capacity == MentalCapacity::kLimited) {
            if (cat_.FindFactor(law_, "offender.limited_capacity")) {
                codes.insert("offender.limited_capacity");
            } else {
                Add(Step("factor", "尚未完全丧失辨认或者控制能力", "无法定从轻减轻", Source(law_), law_, 13, 1,
                         "该法对尚未完全丧失辨认或者控制能力的人未规定从轻、减轻，依法应当给予处罚。"));
            }
        }
        bool pair_remedied = codes.count("mitigate.remedied") && codes.count("mitigate.forgiven");
        bool pair_seen = false;
        for (const auto& code : codes) {
            const Factor* f = cat_.FindFactor(law_, code);
            if (f == nullptr) {
                if (code.rfind("gate.", 0) != 0) {
                    Add(Step("factor", code, "不适用", Source(law_), law_, 0, 0,
                             "《治安管理处罚法》（" + law_ + "）没有规定该情节，不予适用。"));
                }
                continue;
            }
            const std::string cite = Citation(f->source, f->article, f->paragraph, f->item);
            switch (f->effect) {
                case Effect::kAggravate:
                    percent_ += f->percent;
                    Add(Step("factor", f->name, "从重 +" + std::to_string(f->percent) + "%", f->source, law_, f->article,
                             f->paragraph, f->name + "，依法从重处罚（样本比例+" + std::to_string(f->percent) + "%）。",
                             f->item));
                    break;
                case Effect::kLenient:
                    percent_ += f->percent;
                    Add(Step("factor", f->name, "从宽 " + std::to_string(f->percent) + "%", f->source, law_, f->article,
                             f->paragraph, f->name + "，可以依法从宽处理（样本比例" + std::to_string(f->percent) + "%）。",
                             f->item));
                    break;
                case Effect::kReduceOrExemptPair:
                    if (!pair_remedied) {
                        Add(Step("factor", f->name, "不构成法定情节", f->source, law_, f->article, f->paragraph,
                                 "须同时主动消除或者减轻违法后果并取得被侵害人谅解，单独一项不构成" + cite + "情形。",
                                 f->item));
                    } else if (!pair_seen) {
                        pair_seen = true;
                        grounds_.push_back({f, "主动消除或者减轻违法后果，并取得被侵害人谅解"});
                    }
                    break;
                case Effect::kReduceOrExempt:
                case Effect::kLightenReduceExempt:
                case Effect::kLightenOrReduce:
                    grounds_.push_back({f, f->name});
                    break;
                case Effect::kExecException:
                    exec_exceptions_.insert(code);
                    break;
                case Effect::kGate:
                case Effect::kGateOptional:
                    if (f->effect == Effect::kGateOptional) {
                        Add(Step("gate", f->name, "未选择不予处罚", f->source, "", f->article, f->paragraph,
                                 f->name + "的，可以不予处罚；办案人员未选择不予处罚（mitigation ≠ exempt）。"));
                    }
                    break;
            }
        }
        return ChooseMitigation();
    }

    Status ChooseMitigation() {
        if (grounds_.empty()) {
            mode_ = std::nullopt;
            return Status::Ok();
        }
        bool must_reduce = false, can_lighten = false, can_exempt = false;
        for (const auto& g : grounds_) {
            switch (g.factor->effect) {
                case Effect::kReduceOrExempt:
                case Effect::kReduceOrExemptPair: must_reduce = true; can_exempt = true; break;
                case Effect::kLightenReduceExempt: can_lighten = true; can_exempt = true; break;
                case Effect::kLightenOrReduce: can_lighten = true; break;
                default: break;
            }
        }
        Mitigation m = v_.mitigation;
        if (m == Mitigation::kExempt && !can_exempt) {
            return Status::Invalid(Field("mitigation"), "exempt_not_allowed_by_law");
        }
        std::string why;
        if (m == Mitigation::kLighten && must_reduce) {
            m = Mitigation::kReduce;
            why = "依法应当减轻处罚或者不予处罚，不能仅从轻，按减轻处罚计算。";
        } else if (m == Mitigation::kLighten && !can_lighten) {
            m = Mitigation::kReduce;
        }
        mode_ = m;
        std::string names;
        for (const auto& g : grounds_) names += (names.empty() ? "" : "；") + g.label;
        const Factor* f = grounds_.front().factor;
        static const char* kModes[] = {"从轻处罚", "减轻处罚", "不予处罚"};
        Add(Step("mitigation", names, kModes[static_cast<int>(m)], f->source, law_, f->article, f->paragraph,
                 "具有" + names + "情节，" + (why.empty() ? "办案人员选择" : why) + kModes[static_cast<int>(m)] + "。",
                 f->item));
        if (m == Mitigation::kExempt) {
            Stop(Outcome::kNotPunished, Step("gate", names, "不予处罚", f->source, law_, f->article, f->paragraph,
                                             "依法不予处罚。", f->item));
        } else if (m == Mitigation::kLighten) {
            for (const auto& g : grounds_) {
                percent_ += g.factor->percent;
                Add(Step("factor", g.label, "从轻 " + std::to_string(g.factor->percent) + "%", g.factor->source, law_,
                         g.factor->article, g.factor->paragraph,
                         g.label + "，从轻处罚（样本比例" + std::to_string(g.factor->percent) + "%）。", g.factor->item));
            }
        }
        return Status::Ok();
    }

    // Steps 4–6 on the chosen type(s).
    void Compute() {
        const Tier& t = tier_;
        const bool reduce = mode_ == Mitigation::kReduce;
        const std::string src = Source(law_);
        auto det_in = [&](int lo, int hi, const std::string& label) {
            int base = DetentionBase(lo, hi);
            if (circ_ && circ_->base_detention > 0 && label.empty()) base = circ_->base_detention;
            int v = std::clamp(AdjustDays(base, percent_), lo, hi);
            Add(Step("base", label + "拘留" + Days(lo) + "至" + Days(hi), "基准点" + Days(base), src, law_, t.key.article,
                     t.key.paragraph, "样本裁量基准：拘留基准点取幅度中值（向下取整）" + Days(base) + "。"));
            Add(Step("adjust", "基准" + Days(base) + "，调节比例" + std::to_string(percent_) + "%", Days(v), src, law_,
                     t.key.article, t.key.paragraph,
                     "按调节比例计算并限定在" + Days(lo) + "至" + Days(hi) + "之间，决定拘留" + Days(v) + "。"));
            return v;
        };
        auto fine_in = [&](int64_t lo, int64_t hi, const std::string& label) {
            int64_t base = FineBase(lo, hi);
            if (circ_ && circ_->base_fine >= 0 && label.empty()) base = circ_->base_fine;
            int64_t v = std::clamp(AdjustFine(base, percent_), lo, hi);
            Add(Step("base", label + "罚款" + Yuan(lo) + "至" + Yuan(hi), "基准点" + Yuan(base), src, law_,
                     t.key.article, t.key.paragraph, "样本裁量基准：罚款基准点取幅度中值，四舍五入到十元，为" + Yuan(base) + "。"));
            Add(Step("adjust", "基准" + Yuan(base) + "，调节比例" + std::to_string(percent_) + "%", Yuan(v), src, law_,
                     t.key.article, t.key.paragraph,
                     "按调节比例计算并限定在" + Yuan(lo) + "至" + Yuan(hi) + "之间，决定罚款" + Yuan(v) + "。"));
            return v;
        };
        auto warn = [&]() {
            out_.warning = true;
            Add(Step("adjust", "警告", "警告", src, law_, t.key.article, t.key.paragraph, "决定给予警告。"));
        };
        const bool can_reduce_det = t.detention_min > 1;
        const bool can_reduce_fine = t.fine_min >= 10;
        auto reduced_det = [&]() { out_.detention_days = det_in(1, t.detention_min - 1, "减轻后"); };
        auto reduced_fine = [&]() { out_.fine_yuan = fine_in(0, t.fine_min - 10, "减轻后"); };
        auto interp = [&](const std::string& what) {
            TraceStep s{"reduce", CombinationName(t.combination), what, "公安部《关于〈治安管理处罚法〉有关条款的解释（一）》第四条", "", 0, 0,
                        what};
            Add(std::move(s));
        };
        auto none = [&](const std::string& why) {
            Stop(Outcome::kNotPunished, TraceStep{"reduce", CombinationName(t.combination), "不予处罚",
                                                   "公安部《关于〈治安管理处罚法〉有关条款的解释（一）》第四条", "", 0, 0, why});
        };
        if (!reduce) {
            if (type_ == Pick::kDetention) out_.detention_days = det_in(t.detention_min, t.detention_max, "");
            if (type_ == Pick::kFine || with_fine_) out_.fine_yuan = fine_in(t.fine_min, t.fine_max, "");
            if (type_ == Pick::kWarning) warn();
            return;
        }
        switch (t.combination) {
            case Combination::kDetOnly:
                if (!can_reduce_det) return none("拘留幅度下限已为一日，无法再减轻，不予处罚。");
                interp("只有拘留一种处罚的，在拘留幅度以下减轻。");
                return reduced_det();
            case Combination::kFineOnly:
                if (!can_reduce_fine) return none("罚款幅度下限为零，无法再减轻，不予处罚。");
                interp("只有罚款一种处罚的，在罚款幅度以下减轻。");
                return reduced_fine();
            case Combination::kWarnOnly: return none("只有警告，无法再减轻，不予处罚。");
            case Combination::kAnd:
                if (!can_reduce_det && !can_reduce_fine) return none("拘留和罚款均无法再减轻，不予处罚。");
                interp("拘留并处罚款的，在两种处罚幅度以下分别减轻；无法再减轻的一种不再适用。");
                if (can_reduce_det) reduced_det();
                if (can_reduce_fine) reduced_fine();
                return;
            case Combination::kMay:
                if (!can_reduce_det) return none("拘留幅度下限已为一日，无法再减轻，不予处罚。");
                interp("拘留可以并处罚款的，减轻拘留，不再并处罚款。");
                return reduced_det();
            case Combination::kOr:
            case Combination::kWarnOrFine: {
                // [SAMPLE] the interpretation is silent: reduce the chosen type, else switch to a lighter one.
                std::vector<Pick> order = {Pick::kDetention, Pick::kFine, Pick::kWarning};
                auto it = std::find(order.begin(), order.end(), type_);
                if (type_ == Pick::kDetention && can_reduce_det) {
                    interp("选择拘留的，在拘留幅度以下减轻。");
                    return reduced_det();
                }
                if (type_ == Pick::kFine && can_reduce_fine) {
                    interp("选择罚款的，在罚款幅度以下减轻。");
                    return reduced_fine();
                }
                for (++it; it != order.end(); ++it) {
                    if (*it == Pick::kFine && t.HasFine()) {
                        interp("所选种类无法再减轻，改处较轻的罚款（样本规则）。");
                        out_.fine_yuan = fine_in(t.fine_min, t.fine_max, "");
                        return;
                    }
                    if (*it == Pick::kWarning && t.warning) {
                        interp("所选种类无法再减轻，改处警告（样本规则）。");
                        return warn();
                    }
                }
                return none("所选种类无法再减轻且没有更轻的处罚种类，不予处罚。");
            }
        }
    }

    // Step 7.
    void Execution() {
        if (out_.detention_days == 0) return;
        out_.detention_executed = true;
        const std::string src = Source(law_);
        const int article = law_ == "2012" ? 21 : 23;
        std::string who;
        int item = 0;
        if (age_ >= 14 && age_ < 16) who = "已满十四周岁不满十六周岁", item = 1;
        else if (age_ >= 16 && age_ < 18 && req_.offender.first_violation) who = "已满十六周岁不满十八周岁，初次违反治安管理", item = 2;
        else if (age_ >= 70) who = "七十周岁以上", item = 3;
        else if (req_.offender.pregnant || req_.offender.nursing_infant) who = "怀孕或者哺乳自己不满一周岁婴儿", item = 4;
        if (item == 0) return;
        if (law_ == "2025" && item != 4) {
            bool serious = exec_exceptions_.count("exec.serious_bad_influence") > 0;
            bool repeat = exec_exceptions_.count("exec.repeat_within_year") > 0 && item != 2;
            if (serious || repeat) {
                out_.executed_by_exception = true;
                Add(Step("execution", who, "执行拘留", src, law_, 23, 2,
                         std::string(serious ? "违反治安管理情节严重、影响恶劣" : "一年以内二次以上违反治安管理") +
                             "，不受不执行行政拘留的限制。"));
                return;
            }
        }
        out_.detention_executed = false;
        Add(Step("execution", who, "不执行拘留", src, law_, article, 1,
                 who + "，依法应当给予行政拘留处罚的，决定拘留" + Days(out_.detention_days) + "但不执行。", item));
        if (law_ == "2025" && age_ < 18) {
            out_.corrective_education = true;
            Add(Step("education", "未成年人不执行拘留", "采取相应矫治教育等措施", src, law_, 24, 1,
                     "对不执行行政拘留处罚的未成年人，依照《预防未成年人犯罪法》采取矫治教育等措施。"));
        }
    }

    const Catalogue& cat_;
    const DecisionRequest& req_;
    const ViolationRequest& v_;
    const Tier& tier_;
    size_t index_;
    std::string law_;
    int age_ = 0;
    Pick type_ = Pick::kNone;
    bool with_fine_ = false;
    int percent_ = 0;
    std::vector<Ground> grounds_;
    std::optional<Mitigation> mode_;
    std::set<std::string> exec_exceptions_;
    const Circumstance* circ_ = nullptr;
    ViolationDecision out_;
};

// Finds the tier of `v` under `law`, mapping between the texts where needed.
Result<const Tier*> TierUnder(const Catalogue& c, const ViolationRequest& v, const std::string& law, size_t i) {
    const std::string field = "violations[" + std::to_string(i) + "].tier";
    const Tier* own = c.Find(v.tier);
    if (own == nullptr) return Status::Invalid(field, "unknown_tier");
    if (v.tier.law == law) return own;
    if (law == "2025") {
        const Tier* t = c.MapTo2025(v.tier);
        if (t == nullptr) return Status::Invalid(field, "no_corresponding_tier_in_2025");
        return t;
    }
    for (const auto& t : c.tiers()) {
        if (t.key.law == "2012" && c.MapTo2025(t.key) == own) return &t;
    }
    return Status::Invalid(field, "no_corresponding_tier_in_2012");
}

Result<Computation> ComputeUnder(const Catalogue& c, const DecisionRequest& req, const std::string& law) {
    Computation comp;
    comp.law = law;
    for (size_t i = 0; i < req.violations.size(); ++i) {
        JW_ASSIGN_OR_RETURN(const Tier* tier, TierUnder(c, req.violations[i], law, i));
        ViolationRun run(c, req, req.violations[i], *tier, i);
        JW_ASSIGN_OR_RETURN(ViolationDecision d, run.Run());
        comp.violations.push_back(std::move(d));
    }
    CombineAndProcedure(c, req, &comp);
    return comp;
}

// "Lighter" per DISCRETION.md step 1: executed detention, then decided detention, then fine, then warning.
std::tuple<int, int, int64_t, int> Weight(const Computation& c) {
    return {c.combined.executed_detention_days, c.combined.detention_days, c.combined.fine_yuan, c.combined.warning ? 1 : 0};
}

Decision ToDecision(Computation c, std::vector<TraceStep> head, const std::string& edition) {
    Decision d;
    d.benchmark_edition = edition;
    d.law_applied = c.law;
    d.violations = std::move(c.violations);
    d.combined = c.combined;
    d.procedure = c.procedure;
    d.trace = std::move(head);
    for (auto& s : c.trace) d.trace.push_back(std::move(s));
    return d;
}

}  // namespace

Result<Decision> Decide(const Catalogue& catalogue, const DecisionRequest& req) {
    if (req.decision_date < req.act_end_date) return Status::Invalid("decision_date", "before_act_end_date");
    if (req.discovered_date && *req.discovered_date < req.act_end_date) {
        return Status::Invalid("discovered_date", "before_act_end_date");
    }
    if (req.discovered_date && req.decision_date < *req.discovered_date) {
        return Status::Invalid("decision_date", "before_discovered_date");
    }
    if (req.offender.birth_date > req.act_end_date) return Status::Invalid("offender.birth_date", "after_act_end_date");
    if (req.violations.empty()) return Status::Invalid("violations", "required");
    std::string edition;
    for (size_t i = 0; i < req.violations.size(); ++i) {
        if (!req.violations[i].circumstance.empty()) {
            const Circumstance* c = catalogue.FindCircumstance(req.violations[i].circumstance);
            if (c == nullptr || !(c->tier == req.violations[i].tier)) {
                return Status::Invalid("violations[" + std::to_string(i) + "].circumstance", "unknown_circumstance");
            }
            edition = c->edition;
        }
        if (catalogue.Find(req.violations[i].tier) == nullptr) {
            return Status::Invalid("violations[" + std::to_string(i) + "].tier", "unknown_tier");
        }
        for (size_t k = 0; k < req.violations[i].factors.size(); ++k) {
            if (!catalogue.KnownFactorCode(req.violations[i].factors[k]) ||
                req.violations[i].factors[k].rfind("offender.", 0) == 0) {
                return Status::Invalid("violations[" + std::to_string(i) + "].factors[" + std::to_string(k) + "]",
                                       "unknown_factor");
            }
        }
    }
    const bool act_old = req.act_end_date < kNewLawStart;
    const bool decided_new = !(req.decision_date < kNewLawStart);
    std::vector<TraceStep> head;
    auto law_step = [&](const std::string& law, const std::string& detail) {
        head.push_back(Step("law_version", "行为终了" + FormatDate(req.act_end_date) + "，决定" + FormatDate(req.decision_date),
                            "适用" + law + "年文本", kXzcf, "", 37, 1, detail));
    };
    if (req.law == "2012" && !act_old) return Status::Invalid("law", "2012_text_not_in_force_at_act");
    if (req.law == "2025" && !decided_new) return Status::Invalid("law", "2025_text_not_in_force_at_decision");
    if (req.law != "auto") {
        JW_ASSIGN_OR_RETURN(Computation c, ComputeUnder(catalogue, req, req.law));
        law_step(req.law, "按请求指定的" + req.law + "年文本计算。");
        return ToDecision(std::move(c), std::move(head), edition);
    }
    if (!act_old) {
        JW_ASSIGN_OR_RETURN(Computation c, ComputeUnder(catalogue, req, "2025"));
        law_step("2025", "行为发生在2026年1月1日修订后的《治安管理处罚法》施行之后，适用新法。");
        return ToDecision(std::move(c), std::move(head), edition);
    }
    JW_ASSIGN_OR_RETURN(Computation old_c, ComputeUnder(catalogue, req, "2012"));
    if (!decided_new) {
        law_step("2012", "行为和决定均在2025年12月31日以前，适用2012年文本。");
        return ToDecision(std::move(old_c), std::move(head), edition);
    }
    auto new_c = ComputeUnder(catalogue, req, "2025");
    if (!new_c.ok()) {
        if (new_c.status().code() != ErrorCode::kInvalidArgument) return new_c.status();
        // A missing correspondence is not the user's fault; the old text applies.
        const Status status = new_c.status();
        const auto& f = status.fields();
        bool mapping = !f.empty() && f.begin()->second == "no_corresponding_tier_in_2025";
        if (!mapping) return new_c.status();
        law_step("2012", "行为发生在旧法施行期间；新法对应条款未收录于目录，适用旧法。");
        return ToDecision(std::move(old_c), std::move(head), edition);
    }
    auto wo = Weight(old_c), wn = Weight(*new_c);
    auto summary = [](const Computation& c) {
        return std::to_string(c.law == "2012" ? 2012 : 2025) + "年文本：执行拘留" + Days(c.combined.executed_detention_days) +
               "，决定拘留" + Days(c.combined.detention_days) + "，罚款" + Yuan(c.combined.fine_yuan) +
               (c.combined.warning ? "，警告" : "");
    };
    std::string cmp = summary(old_c) + "；" + summary(*new_c) + "。";
    if (wn < wo) {
        law_step("2025", "行为发生在旧法施行期间，决定时新法已施行且处罚较轻（" + cmp + "），从旧兼从轻，适用新法。");
        return ToDecision(std::move(new_c).value(), std::move(head), edition);
    }
    law_step("2012", "行为发生在旧法施行期间，新法处罚不轻于旧法（" + cmp + "），适用旧法。");
    return ToDecision(std::move(old_c), std::move(head), edition);
}

}  // namespace jw::discretion
