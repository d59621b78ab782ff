#pragma once
// The list of common and leaked passwords (data/common_passwords.txt, embedded): a password is common when,
// lower-cased, it is on the list, or when it is once its leading and trailing digits and symbols are taken
// off ("Password1!" → "password"), so the usual decorations of a dictionary word do not get it past.
// Thread-safe (the list is loaded once, on first use).

#include <string_view>

namespace jw::auth {

bool IsCommonPassword(std::string_view password);

}  // namespace jw::auth
