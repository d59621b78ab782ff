#pragma once
// Serving the built web app: files under the web root with cache headers (hashed /assets/ for a year,
// everything else revalidated), SPA fallback to index.html for extension-less paths, and refusal of any
// path that could leave the root (.., encoded .., backslashes, NUL). Thread-safe (reads files only).

#include <string>

#include "http/dispatcher.hpp"

namespace jw::http {

// `path` is the raw (still percent-encoded) request path.
Outgoing ServeStatic(const std::string& web_root, const std::string& path, const std::string& request_id);
std::string PercentDecode(const std::string& s, bool* ok);

}  // namespace jw::http
