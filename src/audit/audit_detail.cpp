#include "audit/audit_detail.hpp"

namespace jw::audit {

namespace {

constexpr size_t kMaxProse = 160;

// The words of a stored {"msg", "params", "fields"} object.
std::string Worded(const Json& j, Lang lang) {
    MessageParams params;
    if (auto p = j.find("params"); p != j.end() && p->is_object())
        for (const auto& [k, v] : p->items()) params[k] = v.is_string() ? v.get<std::string>() : v.dump();
    std::string words = Message(j.at("msg").get<std::string>(), lang, params);
    auto f = j.find("fields");
    if (f == j.end() || !f->is_object() || f->empty()) return words;
    std::string list;
    for (const auto& [field, problem] : f->items()) {
        const std::string p = problem.is_string() ? problem.get<std::string>() : problem.dump();
        const std::string code = "error.field." + p;
        if (!list.empty()) list += Message("error.field_separator", lang);
        list += Message("error.field_item", lang,
                        {{"field", field}, {"problem", HasMessage(code, lang) ? Message(code, lang) : p}});
    }
    return Message("error.with_fields", lang, {{"message", words}, {"fields", list}});
}

constexpr std::string_view kLockedUntil = "account locked until ";

}  // namespace

std::string FailureDetail(const Status& s) {
    std::string code = ErrorCodeName(s.code());
    if (auto it = s.fields().find("totp");
        s.code() == ErrorCode::kPermissionDenied && it != s.fields().end() && it->second == "enrolment_required")
        code = "totp_enrolment_required";
    std::string msg = "error." + code;
    if (IsMessageCode(s.message()) && HasMessage(msg + "." + s.message(), kDefaultLang)) msg += "." + s.message();
    // A locked account and a disabled one share the error code; the record says which.
    if (s.code() == ErrorCode::kLocked && s.message() == "account is disabled")
        msg = MessageCode("audit.detail.account_disabled");
    Json j = {{"msg", msg}};
    if (!s.fields().empty() && s.code() == ErrorCode::kInvalidArgument) {
        Json fields = Json::object();
        for (const auto& [k, v] : s.fields()) fields[k] = v;
        j["fields"] = fields;
    }
    if (!IsMessageCode(s.message()) && s.code() != ErrorCode::kInternal) j["text"] = s.message().substr(0, kMaxProse);
    return j.dump();
}

std::string EventDetail(std::string_view code, const MessageParams& params, const Json& extra) {
    Json j = {{"msg", std::string(code)}, {"params", params}};
    for (const auto& [k, v] : extra.items()) j[k] = v;
    return j.dump();
}

const std::vector<LegacyDetail>& LegacyDetails() {
    static const std::vector<LegacyDetail> table = {
        {"account is locked", "error.account_locked"},
        {"account is disabled", MessageCode("audit.detail.account_disabled")},
        {"wrong user name or password", MessageCode("audit.detail.wrong_password")},
        {"wrong or reused code", MessageCode("audit.detail.bad_totp")},
        {"enter the code from your authenticator", "error.totp_required"},
        {"not logged in", "error.unauthenticated"},
        {"session expired", MessageCode("audit.detail.session_expired")},
        {"permission denied", "error.permission_denied"},
        {"missing or wrong CSRF token", "error.csrf_failed"},
        {"change your password first", "error.password_change_required"},
    };
    return table;
}

std::string DetailText(const std::string& detail, Lang lang) {
    if (detail.empty()) return detail;
    if (detail.front() == '{') {
        Json j = Json::parse(detail, nullptr, false);
        if (!j.is_discarded() && j.is_object() && j.contains("msg") && j["msg"].is_string()) return Worded(j, lang);
    }
    for (const auto& l : LegacyDetails())
        if (detail == l.text) return Message(l.code, lang);
    if (detail.rfind(kLockedUntil, 0) == 0)
        return Message(MessageCode("audit.detail.locked_out"), lang, {{"until", detail.substr(kLockedUntil.size())}});
    return detail;
}

Json DetailChange(const std::string& detail) {
    if (detail.empty() || detail.front() != '{') return nullptr;
    Json j = Json::parse(detail, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("before") || !j.contains("after")) return nullptr;
    return {{"before", j["before"]}, {"after", j["after"]}};
}

}  // namespace jw::audit
