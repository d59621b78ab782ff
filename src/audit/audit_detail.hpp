#pragma once
// Audit record details as codes, worded when read (ADR 0045, after ADR 0027). A detail written from now on is a
// small JSON object whose "msg" is a message-catalogue code:
//   {"msg":"error.account_locked","fields":{…}}                   a refused or failed request (FailureDetail)
//   {"msg":"audit.detail.roles_changed","params":{…},"before":[…],"after":[…]}   an event with its parameters,
//                                                                  and for a change the values before and after
// The reader gets the words in their language (DetailText) and, for a change, before and after to show the
// difference. Rows written before (English prose such as "account is locked", or a bare JSON list of the new
// roles) are never rewritten — the hash chain covers them — and are worded where the prose is a known one, else
// shown as stored.
//
// Thread safety: pure functions.

#include <string>
#include <string_view>
#include <vector>

#include "common/json_util.hpp"
#include "common/messages.hpp"
#include "common/status.hpp"

namespace jw::audit {

// The detail of a refused or failed request: the catalogue code of its words ("error.<code>" or
// "error.<code>.<detail>"), the field problems of bad input, and the server's own sentence (kept for forensics,
// not shown).
std::string FailureDetail(const Status& status);
// The detail of an event: catalogue `code` filled with `params` when read; `extra` members (before, after…) are
// merged in. `code` must be in the catalogue (mark it with MessageCode at the call site).
std::string EventDetail(std::string_view code, const MessageParams& params, const Json& extra = Json::object());

// The words of a stored detail in `lang` (see above). Empty detail → empty.
std::string DetailText(const std::string& detail, Lang lang);
// The stored JSON of a detail with "before" and "after" members, else null (older rows, other events).
Json DetailChange(const std::string& detail);

// Older rows' English prose that has words now: the stored text and its catalogue code. For searching (a typed
// word finds these rows too) and for DetailText.
struct LegacyDetail {
    std::string_view text;
    std::string_view code;
};
const std::vector<LegacyDetail>& LegacyDetails();

}  // namespace jw::audit
