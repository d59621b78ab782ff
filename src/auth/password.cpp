#include "auth/password.hpp"

#include <argon2.h>

#include <stdexcept>

#include "auth/common_passwords.hpp"
#include "common/crypto.hpp"
#include "common/text.hpp"

namespace jw::auth {

namespace {
// argon2id parameters: 19 MiB, 2 passes, 1 lane (OWASP minimum for argon2id).
constexpr uint32_t kTimeCost = 2;
constexpr uint32_t kMemoryKiB = 19 * 1024;
constexpr uint32_t kLanes = 1;
constexpr size_t kHashLen = 32;
constexpr size_t kSaltLen = 16;
}  // namespace

Status CheckPasswordStrength(std::string_view password, const PasswordPolicy& policy, std::string_view field) {
    bool lower = false, upper = false, digit = false, other = false;
    for (char c : password) {
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else
            other = true;
    }
    const int classes = lower + upper + digit + other;
    if (static_cast<int>(password.size()) < policy.min_length || classes < policy.min_classes || password.size() > 128)
        return Status::Invalid(std::string(field), "weak_password");
    return Status::Ok();
}

Status CheckNewPassword(std::string_view password, const PasswordPolicy& policy, std::string_view username,
                        std::string_view name, std::string_view field) {
    JW_RETURN_IF_ERROR(CheckPasswordStrength(password, policy, field));
    if (IsCommonPassword(password)) return Status::Invalid(std::string(field), "common_password");
    const std::string pw = LowerAscii(password);
    // Names shorter than 2 bytes would match almost anything; Chinese names are 6 bytes and up.
    for (std::string_view part : {username, name}) {
        if (part.size() >= 2 && pw.find(LowerAscii(part)) != std::string::npos)
            return Status::Invalid(std::string(field), "contains_username");
    }
    return Status::Ok();
}

Status CheckPolicyFloor(const PasswordPolicy& p) {
    Status s(ErrorCode::kInvalidArgument, "policy below the level-3 baseline");
    auto need = [&](bool ok, const char* name) {
        if (!ok) s.mutable_fields()[name] = "below_minimum";
    };
    need(p.min_length >= 8 && p.min_length <= 64, "min_length");
    need(p.min_classes >= 3 && p.min_classes <= 4, "min_classes");
    need(p.max_age_days >= 1 && p.max_age_days <= 90, "max_age_days");
    need(p.min_age_days >= 1 && p.min_age_days <= 30 && p.min_age_days <= p.max_age_days, "min_age_days");
    need(p.history >= 5 && p.history <= 24, "history");
    need(p.max_failures >= 1 && p.max_failures <= 5, "max_failures");
    need(p.lock_minutes >= 15 && p.lock_minutes <= 1440, "lock_minutes");
    need(p.idle_minutes >= 1 && p.idle_minutes <= 30, "idle_minutes");
    return s.fields().empty() ? Status::Ok() : s;
}

std::string HashPassword(std::string_view password) {
    const std::string salt = RandomBytes(kSaltLen);
    const size_t len = argon2_encodedlen(kTimeCost, kMemoryKiB, kLanes, kSaltLen, kHashLen, Argon2_id);
    std::string encoded(len, '\0');
    const int rc = argon2id_hash_encoded(kTimeCost, kMemoryKiB, kLanes, password.data(), password.size(), salt.data(),
                                         salt.size(), kHashLen, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2: ") + argon2_error_message(rc));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
    const std::string h(encoded_hash);
    return argon2id_verify(h.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string GeneratePassword() {
    static constexpr std::string_view kLower = "abcdefghijkmnpqrstuvwxyz";
    static constexpr std::string_view kUpper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static constexpr std::string_view kDigit = "23456789";
    static constexpr std::string_view kOther = "#%+=@";
    const std::string r = RandomBytes(12);
    std::string out;
    const std::string_view sets[] = {kUpper, kLower, kDigit, kOther};
    for (size_t i = 0; i < r.size(); ++i) {
        const auto& set = sets[i < 4 ? i : (static_cast<unsigned char>(r[i]) >> 6) % 3];
        out.push_back(set[static_cast<unsigned char>(r[i]) % set.size()]);
    }
    return out;
}

}  // namespace jw::auth
