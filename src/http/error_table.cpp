#include "http/error_table.hpp"

namespace jw::http {

int HttpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kOk: return 200;
        case ErrorCode::kInvalidArgument: return 400;
        case ErrorCode::kUnauthenticated:
        case ErrorCode::kTotpRequired: return 401;
        case ErrorCode::kPermissionDenied:
        case ErrorCode::kCsrfFailed:
        case ErrorCode::kPasswordChangeRequired: return 403;
        case ErrorCode::kNotFound: return 404;
        case ErrorCode::kConflict: return 409;
        case ErrorCode::kPayloadTooLarge: return 413;
        case ErrorCode::kLocked: return 423;
        case ErrorCode::kBusy:
        case ErrorCode::kUnavailable: return 503;
        case ErrorCode::kInternal: return 500;
    }
    return 500;
}

Json ErrorBody(const Status& s, const std::string& request_id) {
    Json fields = Json::object();
    for (const auto& [k, v] : s.fields()) fields[k] = v;
    // Internal details stay in the server log; the user gets the request id to quote.
    const std::string message = s.code() == ErrorCode::kInternal ? "internal error" : s.message();
    std::string code = ErrorCodeName(s.code());
    // A refinement of permission_denied that clients act on (the web app opens the enrolment page): the
    // session may do nothing but enrol a second factor. Kept out of ErrorCode, which every file includes.
    if (auto it = s.fields().find("totp"); s.code() == ErrorCode::kPermissionDenied && it != s.fields().end() &&
                                           it->second == "enrolment_required")
        code = "totp_enrolment_required";
    return {{"code", code}, {"message", message}, {"request_id", request_id}, {"fields", fields}};
}

Json ErrorBody(const std::string& code, const std::string& message, const std::string& request_id) {
    return {{"code", code}, {"message", message}, {"request_id", request_id}, {"fields", Json::object()}};
}

}  // namespace jw::http
