#include "alerts/notify_text.hpp"

#include "common/log_mask.hpp"
#include "common/validators.hpp"

namespace jw::alerts {

std::string MaskIdentifiers(std::string_view text) {
    return ReplaceDigitRuns(text, [](std::string_view run) {
        if (run.size() == 18) return MaskIdNumber(run);
        if (run.size() == 11 && run[0] == '1' && run[1] >= '3') return MaskPhone(run);
        return std::string(run);
    });
}

}  // namespace jw::alerts
