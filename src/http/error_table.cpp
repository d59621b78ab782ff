#include "http/error_table.hpp"

namespace jw::http {

int HttpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kOk:
            return 200;
        case ErrorCode::kInvalidArgument:
            return 400;
        case ErrorCode::kUnauthenticated:
        case ErrorCode::kTotpRequired:
            return 401;
        case ErrorCode::kPermissionDenied:
        case ErrorCode::kCsrfFailed:
        case ErrorCode::kPasswordChangeRequired:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kPayloadTooLarge:
            return 413;
        case ErrorCode::kLocked:
            return 423;
        case ErrorCode::kBusy:
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

Json ErrorBody(const Status& s, const std::string& request_id, Lang lang) {
    Json fields = Json::object();
    for (const auto& [k, v] : s.fields()) fields[k] = v;
    std::string code = ErrorCodeName(s.code());
    // A refinement of permission_denied that clients act on (the web app opens the enrolment page): the
    // session may do nothing but enrol a second factor. Kept out of ErrorCode, which every file includes.
    if (auto it = s.fields().find("totp");
        s.code() == ErrorCode::kPermissionDenied && it != s.fields().end() && it->second == "enrolment_required")
        code = "totp_enrolment_required";
    Json body = {{"code", code}, {"message", ErrorMessage(s, lang)}, {"request_id", request_id}, {"fields", fields}};
    // A service's detail code (already_signed, not_signed…) stays a code for clients that act on it.
    if (s.code() != ErrorCode::kInternal && IsMessageCode(s.message())) body["detail"] = s.message();
    return body;
}

Json ErrorBody(const std::string& code, const std::string& message, const std::string& request_id, Lang lang) {
    const std::string words = HasMessage("error." + code, lang) ? Message("error." + code, lang) : message;
    return {{"code", code}, {"message", words}, {"request_id", request_id}, {"fields", Json::object()}};
}

Lang RequestLang(const std::map<std::string, std::string>& headers) {
    auto it = headers.find("accept-language");
    return it == headers.end() ? kDefaultLang : LangFromAcceptLanguage(it->second);
}

}  // namespace jw::http
