#pragma once
// A small JSON text writer for the analysis replies (ADR 0065): appends to one std::string, no tree, no
// per-value allocation. Its output is byte-for-byte what nlohmann's dump() writes for the same values when the
// caller writes object keys in sorted order (nlohmann's objects are std::maps): strings escaped the same way
// (", \, \b \f \n \r \t, other control characters as \u00xx lower-case; UTF-8 passed through — callers write
// only strings that were validated as UTF-8 on the way in: plates and checkpoint ids), integers in decimal.
// Doubles are not formatted here: callers pass nlohmann's own text of them through Raw(). Times are China time
// "YYYY-MM-DD HH:MM:SS", identical to FormatChinaTime for every t in [0, 2^32) (the engine's time range).
// Not thread-safe: one writer per reply.

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "common/civil_time.hpp"

namespace jw::analytics {

class JsonText {
  public:
    explicit JsonText(size_t reserve = 256) { out_.reserve(reserve); }

    // Structure; Key() and the value writers add the separating comma themselves.
    void BeginObject() { Open('{'); }
    void EndObject() { Close('}'); }
    void BeginArray() { Open('['); }
    void EndArray() { Close(']'); }
    void Key(std::string_view k) {
        Comma();
        Quoted(k);
        out_ += ':';
        after_key_ = true;
    }

    void String(std::string_view s) {
        Comma();
        Quoted(s);
    }
    void Uint(uint64_t v) {
        Comma();
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, r.ptr);
    }
    // A value already written as JSON text (e.g. a number as nlohmann's dump() writes it: Json(x).dump()).
    void Raw(std::string_view json) {
        Comma();
        out_ += json;
    }
    // A China-time string "YYYY-MM-DD HH:MM:SS" (quoted).
    void ChinaTime(int64_t t) {
        Comma();
        char buf[21];
        buf[0] = buf[20] = '"';
        const int64_t local = t + 8 * 3600;
        if (t >= 0 && local / 86400 == cached_day_) {
            // Same China day as the previous time (a trajectory's passes mostly are): only the clock changes.
            std::memcpy(buf + 1, cached_, 11);
            Clock(local % 86400, buf + 12);
        } else {
            FormatChinaTimeTo(t, buf + 1);
            cached_day_ = t >= 0 ? local / 86400 : -1;
            std::memcpy(cached_, buf + 1, 11);
        }
        out_.append(buf, 21);
    }

    std::string Take() && { return std::move(out_); }
    const std::string& str() const { return out_; }

    // Writes exactly 19 characters; equal to FormatChinaTime(t) for 0 ≤ t < 2^32 (years 1970–2106).
    static void FormatChinaTimeTo(int64_t t, char* p) {
        const int64_t local = t + 8 * 3600;
        const int64_t days = local / 86400;  // t ≥ 0: no negative remainder
        const int64_t secs = local % 86400;
        const CivilDate d = CivilFromDays(days);
        Digits(p, d.year, 4);
        p[4] = '-';
        Digits(p + 5, d.month, 2);
        p[7] = '-';
        Digits(p + 8, d.day, 2);
        p[10] = ' ';
        Clock(secs, p + 11);
    }

  private:
    // "HH:MM:SS" of a second of the day.
    static void Clock(int64_t secs, char* p) {
        Digits(p, static_cast<int>(secs / 3600), 2);
        p[2] = ':';
        Digits(p + 3, static_cast<int>(secs / 60 % 60), 2);
        p[5] = ':';
        Digits(p + 6, static_cast<int>(secs % 60), 2);
    }

    static void Digits(char* p, int v, int n) {
        for (int i = n - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
    }
    void Open(char c) {
        Comma();
        out_ += c;
        first_ = true;
    }
    void Close(char c) {
        out_ += c;
        first_ = false;
    }
    void Comma() {
        if (after_key_) {
            after_key_ = false;
        } else if (!first_) {
            out_ += ',';
        }
        first_ = false;
    }
    void Quoted(std::string_view s) {
        out_ += '"';
        size_t run = 0;  // start of the current run of characters that need no escape
        for (size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(s.data() + run, i - run);
            run = i + 1;
            switch (c) {
                case '"':
                    out_ += "\\\"";
                    break;
                case '\\':
                    out_ += "\\\\";
                    break;
                case '\b':
                    out_ += "\\b";
                    break;
                case '\f':
                    out_ += "\\f";
                    break;
                case '\n':
                    out_ += "\\n";
                    break;
                case '\r':
                    out_ += "\\r";
                    break;
                case '\t':
                    out_ += "\\t";
                    break;
                default: {
                    static constexpr char kHex[] = "0123456789abcdef";
                    const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
                    out_.append(esc, 6);
                }
            }
        }
        out_.append(s.data() + run, s.size() - run);
        out_ += '"';
    }

    std::string out_;
    bool first_ = true;        // nothing written yet in the current object / array (or at top level)
    bool after_key_ = false;   // the next value follows a key: no comma
    int64_t cached_day_ = -1;  // China day (days since 1970-01-01) of cached_
    char cached_[11] = {};     // "YYYY-MM-DD " of cached_day_
};

}  // namespace jw::analytics
