#pragma once
// Status and Result<T>: the way every expected failure travels (validation, not found, conflict,
// permission, busy database). Exceptions are reserved for bugs and broken invariants.
// The HTTP layer maps ErrorCode to a status code in one table (src/http/error_table.cpp).

#include <map>
#include <string>
#include <utility>
#include <variant>

namespace jw {

enum class ErrorCode {
    kOk,
    kInvalidArgument,   // bad input; `fields` names each offending field
    kUnauthenticated,   // no or expired session, wrong password
    kPermissionDenied,  // authenticated but not allowed
    kCsrfFailed,        // state-changing request without the session's CSRF token
    kNotFound,
    kConflict,  // version mismatch, duplicate
    kLocked,    // account locked
    kPasswordChangeRequired,
    kTotpRequired,
    kPayloadTooLarge,
    kBusy,  // database busy, try again
    kUnavailable,
    kInternal,
};

// Stable machine-readable name for a code ("invalid_argument", ...), used in JSON replies.
const char* ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
  public:
    Status() = default;
    Status(ErrorCode code, std::string message, std::map<std::string, std::string> fields = {})
        : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

    static Status Ok() { return {}; }
    static Status Invalid(std::string field, std::string problem) {
        return Status(ErrorCode::kInvalidArgument, "invalid input: " + field, {{field, std::move(problem)}});
    }
    static Status NotFound(std::string what) { return Status(ErrorCode::kNotFound, std::move(what) + " not found"); }
    static Status Denied(std::string what = "permission denied") {
        return Status(ErrorCode::kPermissionDenied, std::move(what));
    }
    static Status Conflict(std::string what) { return Status(ErrorCode::kConflict, std::move(what)); }
    static Status Internal(std::string what) { return Status(ErrorCode::kInternal, std::move(what)); }

    bool ok() const { return code_ == ErrorCode::kOk; }
    ErrorCode code() const { return code_; }
    const std::string& message() const { return message_; }
    const std::map<std::string, std::string>& fields() const { return fields_; }
    std::map<std::string, std::string>& mutable_fields() { return fields_; }

  private:
    ErrorCode code_ = ErrorCode::kOk;
    std::string message_;
    std::map<std::string, std::string> fields_;
};

// Result<T> holds either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
    Result(Status status) : v_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(v_); }
    const T& value() const& { return std::get<T>(v_); }
    T& value() & { return std::get<T>(v_); }
    T&& value() && { return std::get<T>(std::move(v_)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &std::get<T>(v_); }
    T* operator->() { return &std::get<T>(v_); }
    Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

  private:
    std::variant<T, Status> v_;
};

}  // namespace jw

// Propagate a non-ok Status from an expression returning Status.
#define JW_RETURN_IF_ERROR(expr)                 \
    do {                                         \
        ::jw::Status jw_status_ = (expr);        \
        if (!jw_status_.ok()) return jw_status_; \
    } while (0)

#define JW_CONCAT_INNER(a, b) a##b
#define JW_CONCAT(a, b) JW_CONCAT_INNER(a, b)
// Bind the value of a Result expression to `lhs`, or return its Status.
#define JW_ASSIGN_OR_RETURN(lhs, expr)                                                          \
    auto JW_CONCAT(jw_result_, __LINE__) = (expr);                                              \
    if (!JW_CONCAT(jw_result_, __LINE__).ok()) return JW_CONCAT(jw_result_, __LINE__).status(); \
    lhs = std::move(JW_CONCAT(jw_result_, __LINE__)).value()
