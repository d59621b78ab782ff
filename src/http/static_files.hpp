#pragma once
// Serving the built web app: files under the web root with cache headers (hashed /assets/ for a year,
// everything else revalidated), SPA fallback for extension-less paths to the
// index.html of the nearest app folder (m/index.html for /m/…, the root's for the rest), and refusal of any
// path that could leave the root: .., encoded .. or separators (%2F %5C), empty segments (`//etc/passwd`),
// backslashes, NUL and control characters, and symlinks that resolve outside the (canonical) root.
// A file with a precompressed copy beside it (`x.js.gz`, written by the web build) is sent as that copy with
// `Content-Encoding: gzip` when the client said it accepts gzip: the phone app's first load on a slow network
// carries a third of the bytes (issue 15). Every such answer says `Vary: Accept-Encoding`.
// Thread-safe (reads files only).

#include <string>

#include "http/dispatcher.hpp"

namespace jw::http {

// `path` is the raw (still percent-encoded) request path. A refused path sets *rejected to the reason (for the
// log and the jw_http_path_rejected_total counter); a plain missing file does not.
// `accepts_gzip`: the request's Accept-Encoding names gzip.
Outgoing ServeStatic(const std::string& web_root, const std::string& path, const std::string& request_id,
                     std::string* rejected = nullptr, bool accepts_gzip = false);
// True when an Accept-Encoding header value lists gzip (not with q=0).
bool AcceptsGzip(const std::string& accept_encoding);
std::string PercentDecode(const std::string& s, bool* ok);

}  // namespace jw::http
