#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

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

Outgoing ServeStatic(const std::string& web_root, const std::string& raw_path, const std::string& request_id) {
    bool ok = true;
    const std::string path = PercentDecode(raw_path, &ok);
    if (!ok || path.empty() || path[0] != '/' || path.find('\0') != std::string::npos ||
        path.find('\\') != std::string::npos)
        return Error(400, "invalid_argument", "bad path", request_id);
    for (const auto& seg : SplitPath(path)) {
        if (seg == ".." || seg == ".") return Error(400, "invalid_argument", "bad path", request_id);
    }
    const std::filesystem::path root(web_root);
    std::filesystem::path file = root / path.substr(1);
    std::error_code ec;
    if (path == "/" || std::filesystem::is_directory(file, ec)) file = root / "index.html";
    const std::string ext = file.extension().string();
    Outgoing out;
    if (!std::filesystem::is_regular_file(file, ec)) {
        if (!ext.empty()) return Error(404, "not_found", "file not found", request_id);
        file = root / "index.html";  // SPA fallback: the front-end router takes the path
    }
    if (!ReadFile(file, &out.body)) {
        return Error(404, "not_found", "the web app is not built (make web)", request_id);
    }
    out.status = 200;
    out.content_type = MimeType(file.extension().string());
    const bool hashed = path.rfind("/assets/", 0) == 0;
    out.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    out.headers.emplace_back("X-Content-Type-Options", "nosniff");
    if (file.extension() == ".html") {
        out.headers.emplace_back("X-Frame-Options", "DENY");
        out.headers.emplace_back("Content-Security-Policy",
                                 "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; "
                                 "connect-src 'self' ws: wss:");
    }
    return out;
}

}  // namespace jw::http
