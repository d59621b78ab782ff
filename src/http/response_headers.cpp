#include "http/response_headers.hpp"

#include "common/text.hpp"

namespace jw::http {

const std::vector<std::pair<std::string, std::string>>& CommonSecurityHeaders() {
    static const std::vector<std::pair<std::string, std::string>> headers = {
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
    };
    return headers;
}

std::string SafeHeaderValue(std::string_view name, std::string_view value) {
    std::string out(value);
    for (auto& c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) c = ' ';
    }
    if (EqualsIgnoringAsciiCase(name, "Content-Disposition")) {
        // filename="…" runs to the last quote; anything inside that could end or escape it is replaced.
        const size_t start = out.find("filename=\"");
        const size_t close = out.rfind('"');
        if (start != std::string::npos && close > start + 9) {
            for (size_t i = start + 10; i < close; ++i) {
                if (out[i] == '"' || out[i] == '\\' || out[i] == ';') out[i] = '_';
            }
        }
    }
    return out;
}

bool OriginAllowed(std::string_view origin, std::string_view host, const std::vector<std::string>& allowed) {
    if (origin.empty()) return true;
    if (!host.empty()) {
        for (std::string_view scheme : {"http://", "https://"}) {
            if (origin.size() == scheme.size() + host.size() &&
                EqualsIgnoringAsciiCase(origin.substr(0, scheme.size()), scheme) &&
                EqualsIgnoringAsciiCase(origin.substr(scheme.size()), host))
                return true;
        }
    }
    for (const auto& a : allowed) {
        if (EqualsIgnoringAsciiCase(origin, a)) return true;
    }
    return false;
}

}  // namespace jw::http
