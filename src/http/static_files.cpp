#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/text.hpp"
#include "http/error_table.hpp"

namespace jw::http {

std::string PercentDecode(const std::string& s, bool* ok) {
    *ok = true;
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size() || !isxdigit(static_cast<unsigned char>(s[i + 1])) ||
                !isxdigit(static_cast<unsigned char>(s[i + 2]))) {
                *ok = false;
                return {};
            }
            out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

namespace {
std::string MimeType(const std::string& ext) {
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".webmanifest") return "application/manifest+json";  // the phone app's (ADR 0053)
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".woff") return "font/woff";
    if (ext == ".ttf") return "font/ttf";
    return "application/octet-stream";
}

bool ReadFile(const std::filesystem::path& p, std::string* out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
}

Outgoing Error(int status, const std::string& code, const std::string& msg, const std::string& rid) {
    return Outgoing{status, ErrorBody(code, msg, rid).dump(), "application/json; charset=utf-8", {}};
}
}  // namespace

namespace {
// Why a raw path is refused, or "" when it may name a file under the root. Checked on the raw and the decoded
// form: encoded separators (%2F, %5C) and NUL are refused before decoding so that no decoded byte can act as
// one; empty segments (`//etc`) are refused because `root / "/etc"` is "/etc" (an absolute path replaces the
// root).
std::string PathProblem(const std::string& raw, const std::string& path) {
    const std::string lower = LowerAscii(raw);
    if (lower.find("%2f") != std::string::npos || lower.find("%5c") != std::string::npos) return "encoded separator";
    if (lower.find("%00") != std::string::npos) return "NUL";
    if (path.empty() || path[0] != '/') return "not absolute";
    for (unsigned char c : path) {
        if (c < 0x20 || c == 0x7f) return "control character";
        if (c == '\\') return "backslash";
    }
    const std::string body = path.substr(1);
    size_t pos = 0;
    while (pos <= body.size()) {
        size_t end = body.find('/', pos);
        if (end == std::string::npos) end = body.size();
        const std::string seg = body.substr(pos, end - pos);
        const bool last = end == body.size();
        if (seg.empty() && !(last && pos > 0) && body.size() > 0) return "empty segment";
        if (seg == "." || seg == "..") return "dot segment";
        pos = end + 1;
    }
    return "";
}

// The index.html of the app that owns the folder `rel` (relative to the root, "" = the root): the nearest one in
// that folder or above it. Each app of web/dist is a folder with its own index.html (the phone app is
// m/index.html), so /m/tasks/5 gets the phone app and /cases/7 the desktop (ADR 0039).
std::filesystem::path NearestIndex(const std::filesystem::path& root, std::string rel) {
    std::error_code ec;
    while (!rel.empty()) {
        const std::filesystem::path candidate = root / rel / "index.html";
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
        const size_t slash = rel.rfind('/');
        rel = slash == std::string::npos ? "" : rel.substr(0, slash);
    }
    return root / "index.html";
}

// The folder part of a path below the root: "m/tasks/5" → "m/tasks", "m/" → "m", "cases" → "".
std::string FolderOf(const std::string& rel) {
    const size_t slash = rel.rfind('/');
    return slash == std::string::npos ? "" : rel.substr(0, slash);
}

// True when `p` (canonical) is `root` (canonical) or below it.
bool Under(const std::filesystem::path& p, const std::filesystem::path& root) {
    auto r = root.begin(), q = p.begin();
    for (; r != root.end(); ++r, ++q) {
        if (q == p.end() || *q != *r) return false;
    }
    return true;
}
}  // namespace

Outgoing ServeStatic(const std::string& web_root, const std::string& raw_path, const std::string& request_id,
                     std::string* rejected) {
    bool ok = true;
    const std::string path = PercentDecode(raw_path, &ok);
    std::string problem = ok ? PathProblem(raw_path, path) : "bad percent-encoding";
    auto refuse = [&](int status, const std::string& why) {
        if (rejected) *rejected = why;
        return Error(status, status == 404 ? "not_found" : "invalid_argument",
                     status == 404 ? "file not found" : "bad path", request_id);
    };
    if (!problem.empty()) return refuse(400, problem);
    std::error_code ec;
    const std::filesystem::path root = std::filesystem::weakly_canonical(web_root, ec);
    if (ec) return Error(404, "not_found", "the web app is not built (make web)", request_id);
    const std::string rel = path.substr(1);
    std::filesystem::path file = root / rel;
    if (path == "/" || std::filesystem::is_directory(file, ec)) file = NearestIndex(root, rel);
    const std::string ext = file.extension().string();
    Outgoing out;
    if (!std::filesystem::is_regular_file(file, ec)) {
        if (!ext.empty()) return Error(404, "not_found", "file not found", request_id);
        file = NearestIndex(root, FolderOf(rel));  // SPA fallback: that app's front-end router takes the path
    }
    // A symlink inside the root may point anywhere: serve only what resolves to a file under the root.
    const std::filesystem::path real = std::filesystem::canonical(file, ec);
    if (!ec && !Under(real, root)) return refuse(404, "outside the web root");
    if (ec || !ReadFile(real, &out.body)) {
        return Error(404, "not_found", "the web app is not built (make web)", request_id);
    }
    out.status = 200;
    out.content_type = MimeType(file.extension().string());
    const bool hashed = path.rfind("/assets/", 0) == 0;
    out.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    if (file.extension() == ".html") {
        out.headers.emplace_back("X-Frame-Options", "DENY");
        out.headers.emplace_back(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; "
            // the phone kit's icon font is inlined in its CSS as a data: URL (ADR 0039); fonts cannot run code
            "font-src 'self' data:; "
            "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    }
    return out;
}

}  // namespace jw::http
