#include "common/status.hpp"

namespace jw {

const char* ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kOk:
            return "ok";
        case ErrorCode::kInvalidArgument:
            return "invalid_argument";
        case ErrorCode::kUnauthenticated:
            return "unauthenticated";
        case ErrorCode::kPermissionDenied:
            return "permission_denied";
        case ErrorCode::kCsrfFailed:
            return "csrf_failed";
        case ErrorCode::kNotFound:
            return "not_found";
        case ErrorCode::kConflict:
            return "conflict";
        case ErrorCode::kLocked:
            return "account_locked";
        case ErrorCode::kPasswordChangeRequired:
            return "password_change_required";
        case ErrorCode::kTotpRequired:
            return "totp_required";
        case ErrorCode::kPayloadTooLarge:
            return "payload_too_large";
        case ErrorCode::kBusy:
            return "busy";
        case ErrorCode::kUnavailable:
            return "unavailable";
        case ErrorCode::kInternal:
            return "internal";
    }
    return "internal";
}

}  // namespace jw
