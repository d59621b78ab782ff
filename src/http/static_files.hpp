#pragma once
// Serving the built web app: files under the web root with cache headers (hashed /assets/ for a year,
// everything else revalidated), SPA fallback for extension-less paths to the
// index.html of the nearest app folder (m/index.html for /m/…, the root's for the rest), and refusal of any
// path that could leave the root: .., encoded .. or separators (%2F %5C), empty segments (`//etc/passwd`),
// backslashes, NUL and control characters, and symlinks that resolve outside the (canonical) root.
// Thread-safe (reads files only).

#include <string>

#include "http/dispatcher.hpp"

namespace jw::http {

// `path` is the raw (still percent-encoded) request path. A refused path sets *rejected to the reason (for the
// log and the jw_http_path_rejected_total counter); a plain missing file does not.
Outgoing ServeStatic(const std::string& web_root, const std::string& path, const std::string& request_id,
                     std::string* rejected = nullptr);
std::string PercentDecode(const std::string& s, bool* ok);

}  // namespace jw::http
