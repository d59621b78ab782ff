#pragma once
// The one table from ErrorCode to HTTP status, and the error body
// {code, message, request_id, fields:{name: problem}}.

#include <string>

#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::http {

int HttpStatusFor(ErrorCode code);
Json ErrorBody(const Status& status, const std::string& request_id);
// For failures the HTTP layer finds itself (csrf_failed, method_not_allowed…): same body shape.
Json ErrorBody(const std::string& code, const std::string& message, const std::string& request_id);

}  // namespace jw::http
