#pragma once
// SMS-code login for the public (issue 18, ADR 0058): the one contract every public service reuses (servicedesk's
// website form and progress query, dispatch's caller pages, courier, later public services). A member of the
// public proves they hold a mainland mobile number: they ask for a code (RequestCode), a 6-digit code goes by SMS
// through the outbox (notify::Outbox::EnqueueSms; the demo writes it to var/demo-sms.txt, JINGWU_DEMO_SMS_FILE),
// and they exchange number and code for a short-lived token (Verify).
//
// Scope: the token names a *subject*, the blind index of the normalised phone number under publicauth's own key
// (SubjectOf; HMAC-SM3, no key in the database), and a *purpose* (a module's word, RegisterPurpose). A module
// stores the subject on what the person files (servicedesk: a ticket's filer_subject) and, on a later request,
// serves only its records carrying the token's subject and its own purpose (FromRequest). The token never carries
// the number; a token of one purpose opens nothing of another.
//
// Codes: 6 digits from the OS CSPRNG, stored only as HMAC-SM3(DeriveKey(master, "publicauth.code"),
// subject|purpose|code); valid kCodeTtlSeconds; at most kMaxVerifyAttempts wrong tries per code (then the code is
// dead, even for the right digits); a new code for the same number and purpose kills the earlier one; a code
// opens once. Compared in constant time.
//
// Limits (a refusal is kRateLimited; the HTTP layer answers 429 with Retry-After):
//  - codes per number: kMaxCodesPerPhone within kPhoneWindowSeconds, counted in the database (a restart or a
//    second server does not reset it);
//  - codes per client address: kMaxCodesPerClient within kClientWindowSeconds (in memory, common/rate_limiter);
//  - verifications per client address: kMaxVerifiesPerClient within kClientWindowSeconds (in memory).
// Revealing nothing: RequestCode answers the same for every valid number (whether or not it ever filed
// anything); Verify answers a wrong, expired, used, dead or never-sent code with the same kWrong.
//
// Tokens: "pa1." + hex(subject|purpose|expires) + "." + hex(HMAC-SM3 under DeriveKey(master,
// "publicauth.token")); stateless, valid kTokenTtlSeconds; sent back in the X-Public-Token header.
//
// HTTP (docs/api/publicauth.md; registered by the app like media, RegisterPublicAuthRoutes):
//   POST /api/v1/public/auth/code   {phone, purpose}        → 202 {sent:true, expires_in, resend_after}
//   POST /api/v1/public/auth/verify {phone, code, purpose}  → 200 {token, expires_at, phone_masked}
//
// Thread safety: InstallKeys once at start-up before other threads run (later calls are for tests);
// RegisterPurpose during start-up only; a PublicAuth object is thread-safe; connections are the caller's.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/rate_limiter.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::http {
struct Request;
class Router;
}  // namespace jw::http
namespace jw::audit {
class AuditLog;
}

namespace jw::publicauth {

namespace schema {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

inline constexpr int64_t kCodeTtlSeconds = 300;
inline constexpr int kMaxVerifyAttempts = 5;
inline constexpr int kMaxCodesPerPhone = 3;
inline constexpr int64_t kPhoneWindowSeconds = 900;
inline constexpr int kMaxCodesPerClient = 20;
inline constexpr int kMaxVerifiesPerClient = 30;
inline constexpr int64_t kClientWindowSeconds = 900;
inline constexpr int64_t kTokenTtlSeconds = 1800;
inline constexpr const char* kTokenHeader = "x-public-token";

// Keys from the master key (publicauth.subject, publicauth.code, publicauth.token). Using them before throws
// std::logic_error.
void InstallKeys(std::string_view master_key);
// A module's purpose word ([a-z_], 1..30 characters): only registered purposes get codes.
void RegisterPurpose(std::string purpose);
bool IsPurpose(std::string_view purpose);

// The subject of a phone number: 64 hex characters (blind index of NormalisePhone(phone)); "" for "".
std::string SubjectOf(std::string_view phone);

struct PublicPerson {
    std::string subject;
    std::string purpose;
    int64_t expires_at = 0;
};

enum class Outcome { kOk, kWrong, kRateLimited };

struct CodeSent {
    Outcome outcome = Outcome::kOk;  // kOk or kRateLimited
    int64_t retry_after = 0;         // seconds, when kRateLimited
};

struct Verified {
    Outcome outcome = Outcome::kWrong;
    int64_t retry_after = 0;  // kRateLimited
    std::string token;        // kOk
    PublicPerson person;      // kOk
};

// Issues and reads tokens; checks codes. One per server (its in-memory client limits).
class PublicAuth {
  public:
    PublicAuth();

    // Sends a code to `phone` for `purpose` from `client` (the remote address), in the caller's transaction (the
    // code and its SMS commit together). Errors: InvalidArgument naming "phone" (not a mainland mobile) or
    // "purpose" (not registered); the database's. `code_out` (tests) receives the digits.
    Result<CodeSent> RequestCode(storage::Connection& c, std::string_view phone, std::string_view purpose,
                                 const std::string& client, int64_t now, std::string* code_out = nullptr);
    // Checks the code; on success marks it used and returns a token. A wrong try is counted on the live code (in
    // the caller's transaction: commit even when the answer is kWrong). Errors: as RequestCode; the database's.
    Result<Verified> Verify(storage::Connection& c, std::string_view phone, std::string_view code,
                            std::string_view purpose, const std::string& client, int64_t now);

  private:
    RateLimiter code_clients_, verify_clients_;
};

// Makes a token (Verify uses it; tests make expired ones).
std::string IssueToken(const PublicPerson& p);
// Reads a token: Unauthenticated when malformed, forged, expired at `now` or of another purpose.
Result<PublicPerson> ReadToken(std::string_view token, std::string_view purpose, int64_t now);
// The token of a request (header X-Public-Token) for `purpose`: as ReadToken; Unauthenticated when absent.
Result<PublicPerson> FromRequest(const http::Request& req, std::string_view purpose, int64_t now);

// Removes codes expired more than a day ago (the scheduler's publicauth.purge). Returns how many.
Result<int64_t> PurgeExpired(storage::Connection& c, int64_t now);

// The two routes above and the purge job's function, wired by the app.
void RegisterPublicAuthRoutes(http::Router& router, std::shared_ptr<PublicAuth> auth);

}  // namespace jw::publicauth
