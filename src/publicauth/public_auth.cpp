// SMS-code login for the public (public_auth.hpp).
#include "publicauth/public_auth.hpp"

#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>

#include "common/crypto.hpp"
#include "common/sealed_fields.hpp"
#include "common/validators.hpp"
#include "notify/outbox.hpp"

namespace jw::publicauth {
namespace {

using storage::V;

struct Keys {
    std::string subject, code, token;
};

std::optional<Keys>& TheKeys() {
    static std::optional<Keys> keys;
    return keys;
}

const Keys& Installed() {
    const auto& k = TheKeys();
    if (!k) throw std::logic_error("publicauth: InstallKeys was not called before a code or token was used");
    return *k;
}

std::set<std::string, std::less<>>& Purposes() {
    static std::set<std::string, std::less<>> purposes;
    return purposes;
}

bool PurposeWord(std::string_view p) {
    if (p.empty() || p.size() > 30) return false;
    for (char ch : p)
        if (!((ch >= 'a' && ch <= 'z') || ch == '_')) return false;
    return true;
}

std::string CodeHash(const std::string& subject, std::string_view purpose, std::string_view code) {
    std::string v = subject;
    v.append("|").append(purpose).append("|").append(code);
    return HmacSm3Hex(Installed().code, v);
}

Status CheckInput(std::string_view phone, std::string_view purpose) {
    if (!IsPurpose(purpose)) return Status::Invalid("purpose", "invalid_enum");
    return CheckMobile(NormalisePhone(phone), "phone");
}

std::string SixDigits() {
    const std::string bytes = RandomBytes(8);
    uint64_t n = 0;
    for (unsigned char b : bytes) n = (n << 8) | b;
    std::string s = std::to_string(n % 1000000);
    return std::string(6 - s.size(), '0') + s;
}

bool SixDigitText(std::string_view code) {
    if (code.size() != 6) return false;
    for (char ch : code)
        if (ch < '0' || ch > '9') return false;
    return true;
}

}  // namespace

void InstallKeys(std::string_view master_key) {
    TheKeys().emplace(Keys{DeriveKey(master_key, "publicauth.subject"), DeriveKey(master_key, "publicauth.code"),
                           DeriveKey(master_key, "publicauth.token")});
}

void RegisterPurpose(std::string purpose) {
    if (!PurposeWord(purpose)) throw std::logic_error("publicauth: bad purpose word " + purpose);
    Purposes().insert(std::move(purpose));
}

bool IsPurpose(std::string_view purpose) { return Purposes().count(purpose) > 0; }

std::string SubjectOf(std::string_view phone) {
    const std::string n = NormalisePhone(phone);
    if (n.empty()) return "";
    return HmacSm3Hex(Installed().subject, "phone:" + n);
}

PublicAuth::PublicAuth()
    : code_clients_(kMaxCodesPerClient, kClientWindowSeconds),
      verify_clients_(kMaxVerifiesPerClient, kClientWindowSeconds) {}

Result<CodeSent> PublicAuth::RequestCode(storage::Connection& c, std::string_view phone, std::string_view purpose,
                                         const std::string& client, int64_t now, std::string* code_out) {
    JW_RETURN_IF_ERROR(CheckInput(phone, purpose));
    const std::string normal = NormalisePhone(phone);
    const std::string subject = SubjectOf(normal);
    // The number's limit first (stored, so it holds across restarts), then the address's: a refused number does
    // not use up the address's allowance.
    JW_ASSIGN_OR_RETURN(auto sent, c.QueryOne("SELECT COUNT(*), MIN(created_at) FROM publicauth_codes WHERE "
                                              "subject = ? AND created_at > ?",
                                              {V(subject), V(now - kPhoneWindowSeconds)}));
    if (sent.Int(0) >= kMaxCodesPerPhone) {
        const int64_t wait = sent.Int(1) + kPhoneWindowSeconds - now;
        return CodeSent{Outcome::kRateLimited, wait > 0 ? wait : 1};
    }
    if (!code_clients_.Allow(client, now)) return CodeSent{Outcome::kRateLimited, kClientWindowSeconds};
    const std::string code = SixDigits();
    // One live code per number and purpose: the earlier one dies with the new one's arrival.
    JW_RETURN_IF_ERROR(
        c.Exec("UPDATE publicauth_codes SET dead_at = ? WHERE subject = ? AND purpose = ? AND used_at IS NULL AND "
               "dead_at IS NULL",
               {V(now), V(subject), V(purpose)}));
    JW_RETURN_IF_ERROR(c.Exec(
        "INSERT INTO publicauth_codes (subject, purpose, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        {V(subject), V(purpose), V(CodeHash(subject, purpose, code)), V(now), V(now + kCodeTtlSeconds)}));
    JW_RETURN_IF_ERROR(notify::Outbox::EnqueueSms(c, normal, "publicauth_code", "publicauth.sms_code",
                                                  {{"code", code}, {"minutes", std::to_string(kCodeTtlSeconds / 60)}})
                           .status());
    if (code_out) *code_out = code;
    return CodeSent{};
}

Result<Verified> PublicAuth::Verify(storage::Connection& c, std::string_view phone, std::string_view code,
                                    std::string_view purpose, const std::string& client, int64_t now) {
    JW_RETURN_IF_ERROR(CheckInput(phone, purpose));
    if (!verify_clients_.Allow(client, now)) {
        Verified v;
        v.outcome = Outcome::kRateLimited;
        v.retry_after = kClientWindowSeconds;
        return v;
    }
    const std::string subject = SubjectOf(phone);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, code_hash, attempts FROM publicauth_codes WHERE subject = ? AND "
                                           "purpose = ? AND used_at IS NULL AND dead_at IS NULL AND expires_at > ? "
                                           "ORDER BY id DESC LIMIT 1",
                                           {V(subject), V(purpose), V(now)}));
    Verified wrong;  // kWrong: the same answer for every failure
    if (rows.empty()) return wrong;
    const int64_t id = rows[0].Int(0);
    const bool right = SixDigitText(code) && ConstantTimeEquals(rows[0].Str(1), CodeHash(subject, purpose, code));
    if (!right) {
        const int attempts = static_cast<int>(rows[0].Int(2)) + 1;
        JW_RETURN_IF_ERROR(c.Exec("UPDATE publicauth_codes SET attempts = ?, dead_at = ? WHERE id = ?",
                                  {V(attempts), attempts >= kMaxVerifyAttempts ? V(now) : storage::Null(), V(id)}));
        return wrong;
    }
    JW_RETURN_IF_ERROR(c.Exec("UPDATE publicauth_codes SET used_at = ? WHERE id = ?", {V(now), V(id)}));
    Verified ok;
    ok.outcome = Outcome::kOk;
    ok.person = PublicPerson{subject, std::string(purpose), now + kTokenTtlSeconds};
    ok.token = IssueToken(ok.person);
    return ok;
}

std::string IssueToken(const PublicPerson& p) {
    const std::string payload = ToHex(p.subject + "|" + p.purpose + "|" + std::to_string(p.expires_at));
    return "pa1." + payload + "." + HmacSm3Hex(Installed().token, "pa1." + payload);
}

Result<PublicPerson> ReadToken(std::string_view token, std::string_view purpose, int64_t now) {
    const Status bad(ErrorCode::kUnauthenticated, "public token missing, invalid or expired", {{"token", "invalid"}});
    if (token.size() > 600 || token.substr(0, 4) != "pa1.") return bad;
    const size_t dot = token.rfind('.');
    if (dot <= 4) return bad;
    const std::string_view signed_part = token.substr(0, dot);
    if (!ConstantTimeEquals(token.substr(dot + 1), HmacSm3Hex(Installed().token, signed_part))) return bad;
    const std::string payload = FromHex(token.substr(4, dot - 4));
    const size_t a = payload.find('|'), b = payload.rfind('|');
    if (a == std::string::npos || a == b) return bad;
    PublicPerson p;
    p.subject = payload.substr(0, a);
    p.purpose = payload.substr(a + 1, b - a - 1);
    try {
        p.expires_at = std::stoll(payload.substr(b + 1));
    } catch (...) {
        return bad;
    }
    if (p.purpose != purpose || p.expires_at <= now || p.subject.size() != 64) return bad;
    return p;
}

Result<int64_t> PurgeExpired(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto n,
                        c.QueryOne("SELECT COUNT(*) FROM publicauth_codes WHERE expires_at < ?", {V(now - 86400)}));
    if (n.Int(0) == 0) return int64_t{0};
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM publicauth_codes WHERE expires_at < ?", {V(now - 86400)}));
    return n.Int(0);
}

}  // namespace jw::publicauth
