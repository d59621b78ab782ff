#pragma once
// Trimming text. Two named kinds because they answer different questions:
//  - TrimAsciiSpace: machine-written text (HTTP header lines, file fields) loses the ASCII white space
//    " \t\n\v\f\r" at both ends and nothing else; bytes ≥ 0x80 are never touched.
//  - TrimUnicodeBlanks: text a person typed (a stated purpose, a case number) also loses the no-break space
//    U+00A0 and the ideographic space U+3000 that a Chinese input method types, so "　" alone counts as empty.
// Both return a view into their argument (keep the argument alive). Thread-safe: pure functions.

#include <string_view>

namespace jw {

std::string_view TrimAsciiSpace(std::string_view s);
std::string_view TrimUnicodeBlanks(std::string_view s);

}  // namespace jw
