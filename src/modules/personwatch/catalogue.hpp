#pragma once
// The person watch list's data (ADR 0052), embedded and read once:
// - data/kinds.csv: the kinds of entry (wanted, poi, missing…) with their words, default priority, whether the kind
//   goes into the phone's offline list, and the legal basis of each.
// - data/check_sources.csv: who may call the identity check (mobile_check, desk, courier…), whether the caller's
//   user may learn of a hit (`reveal`), and the neutral instruction the police define for a source that may not
//   (the courier clerk: 快递暂行条例 art. 22, 反恐怖主义法 art. 20 make the outlet check, not investigate).
// Thread-safe after the first call (a function-local static).

#include <string>
#include <string_view>
#include <vector>

namespace jw::personwatch {

struct Kind {
    std::string code, name_zh, name_en;
    int priority = 4;
    bool offline = false;
    std::string basis;
};

struct CheckSource {
    std::string code;
    bool reveal = false;
    std::string neutral_zh, neutral_en, basis;
};

const std::vector<Kind>& Kinds();
const Kind* FindKind(std::string_view code);
const std::vector<CheckSource>& CheckSources();
const CheckSource* FindCheckSource(std::string_view code);

}  // namespace jw::personwatch
