#pragma once
// Password hashing (argon2id, encoded PHC string) and the 等保 level-3 password policy. Thread-safe.

#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::auth {

struct PasswordPolicy {
    int min_length = 8;
    int min_classes = 3;  // of: lower, upper, digit, other
    int max_age_days = 90;
    int min_age_days = 1;  // between a user's own changes (so the history cannot be cycled through at once)
    int history = 5;       // last N passwords may not be reused
    int max_failures = 5;
    int lock_minutes = 15;
    int idle_minutes = 30;
};

// Ok, or InvalidArgument naming `field` with "weak_password" (too short or too few classes).
Status CheckPasswordStrength(std::string_view password, const PasswordPolicy& policy,
                             std::string_view field = "new_password");
// CheckPasswordStrength, then: not a common or leaked password ("common_password", common_passwords.hpp), and
// neither the user name nor the person's name in it, case-insensitively ("contains_username").
Status CheckNewPassword(std::string_view password, const PasswordPolicy& policy, std::string_view username,
                        std::string_view name, std::string_view field = "new_password");
// Ok, or InvalidArgument naming each policy value below the 等保 floor ("below_minimum").
Status CheckPolicyFloor(const PasswordPolicy& policy);
std::string HashPassword(std::string_view password);  // argon2id, random salt
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);
// A random password meeting the policy, for initial and reset passwords (shown once).
std::string GeneratePassword();

}  // namespace jw::auth
