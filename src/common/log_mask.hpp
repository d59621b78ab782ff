#pragma once
// Masking for log lines: a text that may carry secrets or personal data (an SMS body, a phone number, an ID
// number, a query code) is passed through MaskForLog before it reaches spdlog. Pure; thread-safe.
//
// Rule: every run of 6 or more ASCII digits (with a trailing X/x, as GB 11643 ID numbers end) is masked with
// '*'. A run of 11 or more keeps its last 4 characters (phones and ID numbers stay recognisable to the person
// they belong to, as MaskPhone does); a shorter run (a query code, the digits of a case number) is masked whole,
// because its last digits would shrink the guessing space. Other characters are kept, so a log line still says
// what happened ("【城关派出所】您的案件已受理，案件编号**********XZ00001，查询码********。…").

#include <functional>
#include <string>
#include <string_view>

namespace jw {

std::string MaskForLog(std::string_view text);

// `text` with every maximal run of ASCII digits replaced by `replace(run)`; a run of 17 digits takes a trailing
// X/x with it (the check character of a GB 11643 ID number). The one scanner behind every masking of numbers in
// free text (log lines here, alert notifications in the alerts module).
std::string ReplaceDigitRuns(std::string_view text, const std::function<std::string(std::string_view)>& replace);

}  // namespace jw
