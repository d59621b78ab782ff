// Steps 5–6 of DISCRETION.md for one violation: factors, statutory grounds and the choice of 从轻/减轻/不予处罚.
#include <algorithm>
#include <set>

#include "discretion/engine_internal.hpp"

namespace jw::discretion::internal {

// Steps 5–6: factors and statutory grounds.
Status ViolationRun::CollectFactors() {
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
                         "《中华人民共和国治安管理处罚法》（" + law_ + "年文本）没有规定该情节，不予适用。"));
            }
            continue;
        }
        const std::string cite = Citation(f->source, f->article, f->paragraph, f->item);
        switch (f->effect) {
            case Effect::kAggravate:
                percent_ += f->percent;
                Add(Step("factor", f->name, "从重 +" + std::to_string(f->percent) + "%", f->source, law_, f->article,
                         f->paragraph,
                         f->name + "，依法从重处罚（" + PercentName(cat_) + "+" + std::to_string(f->percent) + "%）。",
                         f->item));
                break;
            case Effect::kLenient:
                percent_ += f->percent;
                Add(Step("factor", f->name, "从宽 " + std::to_string(f->percent) + "%", f->source, law_, f->article,
                         f->paragraph,
                         f->name + "，可以依法从宽处理（" + PercentName(cat_) + std::to_string(f->percent) + "%）。",
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

Status ViolationRun::ChooseMitigation() {
    if (grounds_.empty()) {
        mode_ = std::nullopt;
        return Status::Ok();
    }
    bool must_reduce = false, can_lighten = false, can_exempt = false;
    for (const auto& g : grounds_) {
        switch (g.factor->effect) {
            case Effect::kReduceOrExempt:
            case Effect::kReduceOrExemptPair:
                must_reduce = true;
                can_exempt = true;
                break;
            case Effect::kLightenReduceExempt:
                can_lighten = true;
                can_exempt = true;
                break;
            case Effect::kLightenOrReduce:
                can_lighten = true;
                break;
            default:
                break;
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
        Stop(Outcome::kNotPunished,
             Step("gate", names, "不予处罚", f->source, law_, f->article, f->paragraph, "依法不予处罚。", f->item));
    } else if (m == Mitigation::kLighten) {
        for (const auto& g : grounds_) {
            percent_ += g.factor->percent;
            Add(Step("factor", g.label, "从轻 " + std::to_string(g.factor->percent) + "%", g.factor->source, law_,
                     g.factor->article, g.factor->paragraph,
                     g.label + "，从轻处罚（" + PercentName(cat_) + std::to_string(g.factor->percent) + "%）。",
                     g.factor->item));
        }
    }
    return Status::Ok();
}

}  // namespace jw::discretion::internal
