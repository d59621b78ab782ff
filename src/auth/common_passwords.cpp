#include "auth/common_passwords.hpp"

#include <string>
#include <unordered_set>

#include "auth/seed.hpp"
#include "common/text.hpp"

namespace jw::auth {

namespace {

const std::unordered_set<std::string>& List() {
    static const std::unordered_set<std::string> list = [] {
        std::unordered_set<std::string> out;
        for (const auto& [name, content] : schema::EmbeddedFiles()) {
            if (name != "common_passwords.txt") continue;
            size_t pos = 0;
            while (pos < content.size()) {
                size_t end = content.find('\n', pos);
                if (end == std::string_view::npos) end = content.size();
                std::string_view line = content.substr(pos, end - pos);
                if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
                if (!line.empty() && line.front() != '#') out.insert(LowerAscii(line));
                pos = end + 1;
            }
        }
        return out;
    }();
    return list;
}

// ASCII digits and symbols: what people put around a word to satisfy a character-class rule.
bool IsDecoration(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
    const std::string lower = LowerAscii(password);
    const auto& list = List();
    if (list.count(lower)) return true;
    size_t b = 0, e = lower.size();
    while (b < e && IsDecoration(lower[b])) ++b;
    while (e > b && IsDecoration(lower[e - 1])) --e;
    // A short core ("ab" of "12ab34") says little; the whole string was checked above.
    return e - b >= 4 && (b > 0 || e < lower.size()) && list.count(lower.substr(b, e - b)) > 0;
}

}  // namespace jw::auth
