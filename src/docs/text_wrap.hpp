#pragma once
// Line breaking for mixed Chinese and Latin text, measured by a caller-supplied width function, so that it is
// independent of any PDF library and testable alone. Everything here is pure and thread-safe.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace jw::docs {

// Decodes UTF-8 into code points. Each malformed or truncated byte becomes U+FFFD; never fails.
std::u32string DecodeUtf8(std::string_view text);

// Encodes code points as UTF-8. Surrogates and values past U+10FFFF become U+FFFD.
std::string EncodeUtf8(std::u32string_view text);

// Width of one code point, in whatever unit the caller measures lines in (points, for PDF).
using CharWidthFn = std::function<double(char32_t)>;

// Splits `text` into lines: the first no wider than `first_width` (to allow an indent), the rest no wider than
// `width`. Chinese text may break between any two characters; Latin words break only at spaces, unless one word
// is wider than a whole line. Closing punctuation (，。）」…) never starts a line and opening punctuation
// (（「…) never ends one: the neighbouring character moves with it. '\n' forces a break. Spaces at the edges of
// wrapped lines are dropped. Returns at least one (possibly empty) line.
std::vector<std::u32string> WrapText(std::u32string_view text, double first_width, double width,
                                     const CharWidthFn& char_width);

}  // namespace jw::docs
