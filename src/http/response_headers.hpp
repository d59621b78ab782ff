#pragma once
// Response-header rules of the HTTP layer (server.cpp applies them to every reply): the security headers every
// response carries, header values that input cannot break out of, and the WebSocket Origin check.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jw::http {

// X-Content-Type-Options: nosniff and Referrer-Policy: no-referrer (every response); HTML adds its own
// X-Frame-Options and CSP (static_files.cpp). No Access-Control-* header is ever sent: the API is same-origin.
const std::vector<std::pair<std::string, std::string>>& CommonSecurityHeaders();

// A header value that cannot end its header line or add one: CR, LF, NUL and other control characters become
// spaces; in Content-Disposition the filename's quotes and backslashes become '_' (the filename may come
// from input, e.g. a case number or a person's name).
std::string SafeHeaderValue(std::string_view name, std::string_view value);

// True when a WebSocket upgrade from `origin` may be accepted: no Origin header (not a browser; the session
// cookie still decides), the server's own origin (http:// or https:// + the Host header, exactly), or one
// of `allowed` (configured, e.g. "https://jingwu.county.example").
bool OriginAllowed(std::string_view origin, std::string_view host, const std::vector<std::string>& allowed);

}  // namespace jw::http
