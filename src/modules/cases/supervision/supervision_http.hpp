#pragma once
// Small helpers shared by the supervision handlers (review_handlers.cpp, supervision_handlers.cpp,
// scoring_handlers.cpp): data scope, JSON views, and reading a write's result back into the reply.

#include <algorithm>
#include <optional>
#include <vector>

#include "auth/principal.hpp"
#include "cases/case.hpp"
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "http/context.hpp"

namespace jw::cases {

inline bool HasRoleCode(const auth::Principal& p, const std::string& role) {
    return std::find(p.roles.begin(), p.roles.end(), role) != p.roles.end();
}

// The units a supervision read covers: nullopt (the whole county) for county-wide roles and for legal
// reviewers (one office reviews the whole county), else the principal's unit and its sub-units.
inline std::optional<std::vector<int64_t>> SupervisionScope(const auth::Principal& p) {
    if (p.all_units || HasRoleCode(p, "legal_reviewer")) return std::nullopt;
    return p.unit_scope;
}

inline bool InScope(const std::optional<std::vector<int64_t>>& scope, int64_t unit) {
    return !scope || std::find(scope->begin(), scope->end(), unit) != scope->end();
}

inline Json TimeJson(int64_t t) { return t > 0 ? Json(FormatUtcIso(t)) : Json(nullptr); }

// An optional positive integer query parameter. Error: InvalidArgument naming it.
inline Result<std::optional<int64_t>> OptionalId(const http::Request& req, const std::string& name) {
    const std::string v = req.Query(name);
    if (v.empty()) return std::optional<int64_t>();
    char* end = nullptr;
    const long long n = std::strtoll(v.c_str(), &end, 10);
    if (*end != '\0' || n < 1) return Status::Invalid(name, "bad_format");
    return std::optional<int64_t>(n);
}

inline http::Reply RawReply(std::string body, std::string content_type, std::string filename = "") {
    http::Reply r;
    r.raw = std::move(body);
    r.content_type = std::move(content_type);
    if (!filename.empty()) r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return r;
}

}  // namespace jw::cases
