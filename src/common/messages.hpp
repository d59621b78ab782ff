#pragma once
// The server's message catalogue: every word the server itself writes for a person (error messages, notification
// titles and bodies, SMS texts) in zh-CN and en, keyed by a stable code. The words are data
// (common/messages/{zh-CN,en}.csv, columns code,text, embedded in the binary); layers pass codes and parameters,
// and the text is made only where it is shown or sent. The web UI has its own words (web/src/locales/).
//
// Templates: "{name}" is replaced by params[name]; "{name:prefix}" by the catalogue's words for the code
// prefix + "." + params[name] (a parameter that is itself a code, e.g. {colour:alerts.colour} with colour=red
// gives 红色 / red). A fact that has its own words per language is passed twice, `name` and `name_en` (a clock's
// name from a data file): the zh-CN text uses {name}, the en text {name_en}. A placeholder whose parameter is missing
// stays as it is, so a slip is visible, not silent. A code missing from the catalogue renders as the code itself (a
// test checks every code the source uses is present in both languages). Thread-safe: the catalogue is read once, on
// first use, and never changes.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw {

enum class Lang { kZhCN, kEn };
inline constexpr Lang kDefaultLang = Lang::kZhCN;

using MessageParams = std::map<std::string, std::string>;

// The words for `code` in `lang` with `params` filled in (see Templates above).
std::string Message(std::string_view code, Lang lang, const MessageParams& params = {});
// Whether the catalogue has `code` in `lang`.
bool HasMessage(std::string_view code, Lang lang);
// Every code of `lang`, sorted (for tests and the check that both languages have the same codes).
std::vector<std::string> MessageCodes(Lang lang);

// The language a request asks for: the supported language with the highest q in an Accept-Language header
// ("en-US,en;q=0.9,zh;q=0.8" → en; any zh-* → zh-CN); zh-CN when the header is empty or names neither.
Lang LangFromAcceptLanguage(std::string_view header);
// "zh-CN" or "en".
const char* LangTag(Lang lang);

// The words of an error for a person, as every error reply and CLI error document gives them: "error.<code>"
// (the refinement totp_enrolment_required included), or "error.<code>.<detail>" when the Status's message is a
// detail code the catalogue has ("already_signed"); for bad input followed by each field and its problem
// ("error.field.<problem>", or the problem as it is). An internal error says only that (details go to the log).
std::string ErrorMessage(const Status& status, Lang lang);
// Whether a Status message is a code (lower-case letters and '_'), not prose.
bool IsMessageCode(std::string_view text);

// Marks a code literal in the source as a catalogue code: returns it unchanged. messages_test finds every
// MessageCode("…") in src/ and checks the catalogue has it (or, for a notification, its .title and .body) in both
// languages, so a code cannot be added without its words.
constexpr std::string_view MessageCode(std::string_view code) { return code; }

}  // namespace jw
