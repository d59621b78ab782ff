#pragma once
// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-character set
// 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z): registration authority (1), organisation type (1), administrative
// region (6 digits, GB/T 2260), organisation code (9, GB 11714) and a check character. The check character is
// C18 = 31 − (Σ Ci·Wi mod 31) over the first 17 (31 → 0), with Wi = 3^(i−1) mod 31 (GB 32100-2015 §4.2).
// Pure; thread-safe.

#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::community {

// Upper-cases and drops spaces (what a person types: "9135 0100 m000 100y 43").
std::string NormaliseCreditCode(std::string_view text);
// The check character of the first 17 characters (which must be from the set); '\0' when one is not.
char CreditCodeCheckCharacter(std::string_view first17);
// A normalised code. Errors (InvalidArgument naming `field`): bad_length (not 18), bad_charset (a character
// outside the set), bad_region (positions 3–8 not digits), bad_check_character.
Status CheckCreditCode(std::string_view code, std::string_view field = "credit_code");

}  // namespace jw::community
