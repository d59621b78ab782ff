// Steps 2–3 of DISCRETION.md for one violation: the circumstance, the no-punishment gates, tier and type.
#include <algorithm>
#include <set>

#include "discretion/engine_internal.hpp"

namespace jw::discretion::internal {

Result<ViolationDecision> ViolationRun::Run() {
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

bool ViolationRun::Stop(Outcome o, TraceStep s) {
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
bool ViolationRun::Gate() {
    const std::string src = Source(law_);
    if (age_ < 14) {
        return Stop(Outcome::kNotPunished,
                    Step("gate", "行为时年龄" + std::to_string(age_) + "周岁", "不予处罚", src, law_, 12, 1,
                         "不满十四周岁的人违反治安管理的，不予处罚，但应当责令其监护人严加管教。"));
    }
    if (req_.offender.mental_capacity == MentalCapacity::kNone) {
        return Stop(Outcome::kNotPunished,
                    Step("gate", "不能辨认或者不能控制自己行为", "不予处罚", src, law_, 13, 1,
                         law_ == "2012"
                             ? "精神病人在不能辨认或者不能控制自己行为的时候违反治安管理的，不予处罚。"
                             : "精神病人、智力残疾人在不能辨认或者不能控制自己行为的时候违反治安管理的，不予处罚。"));
    }
    if (req_.discovered_date) {
        CivilDate limit = AddMonths(req_.act_end_date, 6);
        if (*req_.discovered_date > limit) {
            return Stop(
                Outcome::kNoLongerPunished,
                Step("gate", "行为终了" + FormatDate(req_.act_end_date) + "，发现" + FormatDate(*req_.discovered_date),
                     "不再处罚", src, law_, law_ == "2012" ? 22 : 25, 1,
                     "违反治安管理行为在六个月内没有被公安机关发现的，不再处罚（期限至" + FormatDate(limit) + "）。"));
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
Status ViolationRun::ChooseType() {
    const Tier& t = tier_;
    bool det = t.HasDetention(), fine = t.HasFine(), warn = t.warning;
    switch (t.combination) {
        case Combination::kDetOnly:
            type_ = Pick::kDetention;
            break;
        case Combination::kFineOnly:
            type_ = Pick::kFine;
            break;
        case Combination::kWarnOnly:
            type_ = Pick::kWarning;
            break;
        case Combination::kAnd:
            type_ = Pick::kDetention;
            with_fine_ = true;
            break;
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
            bool ok =
                (pick == Pick::kDetention && det) || (pick == Pick::kFine && fine) || (pick == Pick::kWarning && warn);
            if (pick == Pick::kNone) return Status::Invalid(Field("pick"), "required");
            if (!ok) return Status::Invalid(Field("pick"), "not_allowed_by_tier");
            type_ = pick;
            break;
        }
    }
    std::string chosen = type_ == Pick::kDetention ? "行政拘留" : type_ == Pick::kFine ? "罚款" : "警告";
    if (with_fine_)
        chosen += "并处罚款";
    else if (t.combination == Combination::kMay)
        chosen += "（不并处罚款）";
    std::string note =
        t.gains_multiple_max > 0
            ? "本幅度按违法所得倍数罚款；请求未给违法所得，按“没有违法所得或者违法所得不足”的罚款幅度计算。"
            : "";
    Add(Step("tier", TierText(t), chosen, Source(law_), law_, t.key.article, t.key.paragraph,
             "适用" + Citation(Source(law_), t.key.article, t.key.paragraph) + "，处罚种类：" + chosen + "。" + note));
    return Status::Ok();
}

}  // namespace jw::discretion::internal
