// Steps 4–7 of DISCRETION.md for one violation: base point, adjustment, 减轻 by combination type, non-execution.
#include <algorithm>
#include <set>

#include "discretion/engine_internal.hpp"

namespace jw::discretion::internal {

// Steps 4–6 on the chosen type(s).
void ViolationRun::Compute() {
    const Tier& t = tier_;
    const bool reduce = mode_ == Mitigation::kReduce;
    const std::string src = Source(law_);
    auto det_in = [&](int lo, int hi, const std::string& label) {
        int base = DetentionBase(lo, hi);
        const bool fixed = circ_ && circ_->base_detention > 0 && label.empty();
        if (fixed) base = circ_->base_detention;
        int v = std::clamp(AdjustDays(base, percent_), lo, hi);
        Add(Step("base", label + "拘留" + Days(lo) + "至" + Days(hi), "基准点" + Days(base), src, law_, t.key.article,
                 t.key.paragraph,
                 BenchmarkName(cat_) + (fixed ? "：本情形规定拘留基准点" : "：拘留基准点取幅度中值（向下取整）") +
                     Days(base) + "。"));
        Add(Step("adjust", "基准" + Days(base) + "，调节比例" + std::to_string(percent_) + "%", Days(v), src, law_,
                 t.key.article, t.key.paragraph,
                 "按调节比例计算并限定在" + Days(lo) + "至" + Days(hi) + "之间，决定拘留" + Days(v) + "。"));
        return v;
    };
    auto fine_in = [&](int64_t lo, int64_t hi, const std::string& label) {
        int64_t base = FineBase(lo, hi);
        const bool fixed = circ_ && circ_->base_fine >= 0 && label.empty();
        if (fixed) base = circ_->base_fine;
        int64_t v = std::clamp(AdjustFine(base, percent_), lo, hi);
        Add(Step("base", label + "罚款" + Yuan(lo) + "至" + Yuan(hi), "基准点" + Yuan(base), src, law_, t.key.article,
                 t.key.paragraph,
                 BenchmarkName(cat_) +
                     (fixed ? "：本情形规定罚款基准点" : "：罚款基准点取幅度中值，四舍五入到十元，为") + Yuan(base) +
                     "。"));
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
        TraceStep s{"reduce", CombinationName(t.combination),
                    what,     "公安部《关于〈治安管理处罚法〉有关条款的解释（一）》第四条",
                    "",       0,
                    0,        what};
        Add(std::move(s));
    };
    auto none = [&](const std::string& why) {
        Stop(Outcome::kNotPunished,
             TraceStep{"reduce", CombinationName(t.combination), "不予处罚",
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
        case Combination::kWarnOnly:
            return none("只有警告，无法再减轻，不予处罚。");
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
void ViolationRun::Execution() {
    if (out_.detention_days == 0) return;
    out_.detention_executed = true;
    const std::string src = Source(law_);
    const int article = law_ == "2012" ? 21 : 23;
    std::string who;
    int item = 0;
    if (age_ >= 14 && age_ < 16)
        who = "已满十四周岁不满十六周岁", item = 1;
    else if (age_ >= 16 && age_ < 18 && req_.offender.first_violation)
        who = "已满十六周岁不满十八周岁，初次违反治安管理", item = 2;
    else if (age_ >= 70)
        who = "七十周岁以上", item = 3;
    else if (req_.offender.pregnant || req_.offender.nursing_infant)
        who = "怀孕或者哺乳自己不满一周岁婴儿", item = 4;
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

}  // namespace jw::discretion::internal
