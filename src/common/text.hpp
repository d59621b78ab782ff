#pragma once
// Trimming text. Two named kinds because they answer different questions:
//  - TrimAsciiSpace: machine-written text (HTTP header lines, file fields) loses the ASCII white space
//    " \t\n\v\f\r" at both ends and nothing else; bytes ≥ 0x80 are never touched.
//  - TrimUnicodeBlanks: text a person typed (a stated purpose, a case number) also loses the no-break space
//    U+00A0 and the ideographic space U+3000 that a Chinese input method types, so "　" alone counts as empty.
// Both return a view into their argument (keep the argument alive).
// Case: LowerAscii and EqualsIgnoringAsciiCase touch the ASCII letters A-Z only (protocol tokens, header names,
// word lists), never other bytes, so UTF-8 text passes unchanged whatever the locale.
// SplitNonEmpty: the pieces between `sep` bytes, empty pieces left out ("/a//b" → a, b; "x y" → x, y).
// Thread-safe: pure functions.

#include <string>
#include <string_view>
#include <vector>

namespace jw {

std::string_view TrimAsciiSpace(std::string_view s);
std::string_view TrimUnicodeBlanks(std::string_view s);
std::string LowerAscii(std::string_view s);
bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b);
std::vector<std::string> SplitNonEmpty(std::string_view s, char sep);

}  // namespace jw
