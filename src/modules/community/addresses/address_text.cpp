#include "community/addresses/address_text.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace jw::community {
namespace {

// Decodes UTF-8; invalid bytes are skipped.
std::u32string Decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) {
            ++i;
            continue;
        }
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        bool ok = true;
        for (int k = 1; k < n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c >> 6) != 2) ok = false;
            cp = (cp << 6) | (c & 0x3F);
        }
        i += ok ? n : 1;
        if (ok) out.push_back(cp);
    }
    return out;
}

void Encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int DigitOf(char32_t c) {
    switch (c) {
        case U'零':
        case U'〇':
            return 0;
        case U'一':
        case U'壹':
        case U'幺':
            return 1;
        case U'二':
        case U'两':
        case U'贰':
            return 2;
        case U'三':
        case U'叁':
            return 3;
        case U'四':
        case U'肆':
            return 4;
        case U'五':
        case U'伍':
            return 5;
        case U'六':
        case U'陆':
            return 6;
        case U'七':
        case U'柒':
            return 7;
        case U'八':
        case U'捌':
            return 8;
        case U'九':
        case U'玖':
            return 9;
        default:
            return -1;
    }
}

int UnitOf(char32_t c) {
    switch (c) {
        case U'十':
        case U'拾':
            return 10;
        case U'百':
        case U'佰':
            return 100;
        case U'千':
        case U'仟':
            return 1000;
        default:
            return 0;
    }
}

// A run of Chinese numerals as Arabic digits: positional when it holds 十/百/千 (三百零一 → 301, 十二 → 12),
// digit by digit otherwise (一二〇一 → 1201).
std::u32string Numeral(const std::u32string& run) {
    bool positional = false;
    for (char32_t c : run) positional = positional || UnitOf(c) != 0;
    std::u32string out;
    if (!positional) {
        for (char32_t c : run) out.push_back(U'0' + DigitOf(c));
        return out;
    }
    int64_t total = 0, digit = -1;
    for (char32_t c : run) {
        if (int u = UnitOf(c)) {
            total += (digit < 0 ? 1 : digit) * u;
            digit = -1;
        } else {
            const int d = DigitOf(c);
            digit = d == 0 ? -1 : d;  // 零 only holds a place
        }
    }
    if (digit > 0) total += digit;
    for (char ch : std::to_string(total)) out.push_back(static_cast<char32_t>(ch));
    return out;
}

bool IsDash(char32_t c) {
    return c == U'-' || c == U'－' || c == U'—' || c == U'–' || c == U'―' || c == U'‐' || c == U'_' || c == U'~' ||
           c == U'～' || c == U'/' || c == U'／';
}

void ReplaceAll(std::u32string& s, std::u32string_view from, std::u32string_view to) {
    for (size_t p = s.find(from); p != std::u32string::npos; p = s.find(from, p + to.size()))
        s.replace(p, from.size(), to);
}

}  // namespace

std::string NormaliseAddress(std::string_view text) {
    std::u32string in = Decode(text), mid;
    mid.reserve(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        char32_t c = in[i];
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
        if (c == U' ' || c == U'\t' || c == 0x3000 || c == U'\r' || c == U'\n' || c == 0xFEFF) {
            // Dropped, except between two numbers, which it keeps apart ("301 13812345678").
            size_t j = i;
            while (j + 1 < in.size() && (in[j + 1] == U' ' || in[j + 1] == U'\t' || in[j + 1] == 0x3000)) ++j;
            const auto digit = [](char32_t d) { return (d >= U'0' && d <= U'9') || (d >= 0xFF10 && d <= 0xFF19); };
            if (!mid.empty() && digit(mid.back()) && j + 1 < in.size() && digit(in[j + 1])) mid.push_back(U'-');
            i = j;
            continue;
        }
        if (IsDash(c)) c = U'-';
        if (c >= U'a' && c <= U'z') c -= 32;
        if (DigitOf(c) >= 0 || UnitOf(c) != 0) {
            std::u32string run;
            while (i < in.size() && (DigitOf(in[i]) >= 0 || UnitOf(in[i]) != 0)) run.push_back(in[i++]);
            --i;
            mid += Numeral(run);
            continue;
        }
        mid.push_back(c);
    }
    ReplaceAll(mid, U"号楼", U"栋");
    ReplaceAll(mid, U"#楼", U"栋");
    ReplaceAll(mid, U"#", U"栋");
    ReplaceAll(mid, U"幢", U"栋");
    ReplaceAll(mid, U"座", U"栋");
    ReplaceAll(mid, U"房间", U"室");
    ReplaceAll(mid, U"房", U"室");
    std::string out;
    out.reserve(mid.size() * 3);
    for (char32_t c : mid) Encode(c, out);
    return out;
}

NumberParts ParseNumbers(std::string_view tail) {
    NumberParts p;
    std::vector<std::string> pending;
    auto put = [&](std::string& slot, std::string v) {
        if (slot.empty())
            slot = std::move(v);
        else
            pending.push_back(std::move(v));
    };
    size_t i = 0;
    while (i < tail.size()) {
        const char ch = tail[i];
        const bool digit = ch >= '0' && ch <= '9';
        const bool letter = ch >= 'A' && ch <= 'Z';
        if (!digit && !letter) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < tail.size() && ((tail[j] >= '0' && tail[j] <= '9') || (tail[j] >= 'A' && tail[j] <= 'Z'))) ++j;
        std::string v(tail.substr(i, j - i));
        size_t z = 0;
        while (z + 1 < v.size() && v[z] == '0') ++z;
        v.erase(0, z);
        const std::string_view rest = tail.substr(j);
        if (rest.starts_with("号"))
            put(p.house.empty() ? p.house : p.room, v);
        else if (rest.starts_with("栋"))
            put(p.building, v);
        else if (rest.starts_with("单元"))
            put(p.unit, v);
        else if (rest.starts_with("室"))
            put(p.room, v);
        else if (rest.starts_with("层") || rest.starts_with("楼")) {
            // a floor: the room number carries it; nothing to keep
        } else
            pending.push_back(v);
        i = j;
    }
    size_t k = 0;
    if (p.house.empty() && k < pending.size()) p.house = pending[k++];
    std::vector<std::string*> empty;
    for (std::string* s : {&p.building, &p.unit, &p.room})
        if (s->empty()) empty.push_back(s);
    const size_t left = pending.size() - k;
    if (left == 0 || empty.empty()) return p;
    if (left < empty.size()) {
        *empty.back() = pending.back();
        for (size_t e = 0; k + 1 < pending.size() && e + 1 < empty.size(); ++e) *empty[e] = pending[k++];
    } else {
        for (size_t e = 0; e < empty.size(); ++e) *empty[e] = pending[k++];
    }
    return p;
}

}  // namespace jw::community
