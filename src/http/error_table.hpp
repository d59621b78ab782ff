#pragma once
// The one table from ErrorCode to HTTP status, and the error body
// {code, message, request_id, fields:{name: problem}}.
// `code` and `fields` are codes (what clients act on); `message` is words for a person in `lang` from the message
// catalogue (common/messages.hpp): "error.<code>" (or "error.<code>.<detail>" when the Status's message is a
// catalogue detail such as "already_signed"), followed for bad input by each field and its problem
// ("error.field.<problem>"). A Status message that is a code (lower case and '_', e.g. "already_signed") is also
// given as `detail`; other (English) messages stay in the server's log, not in the reply.

#include <string>

#include "common/json_util.hpp"
#include "common/messages.hpp"
#include "common/status.hpp"

namespace jw::http {

int HttpStatusFor(ErrorCode code);
Json ErrorBody(const Status& status, const std::string& request_id, Lang lang = kDefaultLang);
// For failures the HTTP layer finds itself (method_not_allowed, rate_limited…): same body shape; the message is
// the catalogue's "error.<code>" when it has one, else `message`.
Json ErrorBody(const std::string& code, const std::string& message, const std::string& request_id,
               Lang lang = kDefaultLang);
// The language of a request's words: its Accept-Language header (lower-case header names).
Lang RequestLang(const std::map<std::string, std::string>& headers);

}  // namespace jw::http
