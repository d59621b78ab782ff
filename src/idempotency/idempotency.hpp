#pragma once
// Exactly-once writes for clients that resend (the phone's offline queue, ADR 0053). A client puts a fresh key in
// the `Idempotency-Key` header of a write; a route whose handler is wrapped in Once applies the write the first
// time and answers every later request of the same user with the same key with the first reply (same status and
// body, header `Idempotent-Replayed: true`), without running the handler again.
//
// Guarantees: the key is recorded in the same audited transaction as the write (the reply's `write` job), and the
// job looks the key up again there, so two copies racing each other still write once (the committer runs write
// jobs one at a time). Failed requests are not recorded: a resend of a refused write is refused again or, once
// the cause is gone, applied.
// Errors added to the handler's: InvalidArgument {idempotency_key: bad_format} for a key that is not 8–64
// characters of [A-Za-z0-9_-]; Conflict {idempotency_key: reused} when the key was used for another request (another
// route or another body); the storage layer's; Internal when a stored reply cannot be opened.
// Requests without the header, or without a logged-in user, run the handler as if unwrapped.
// Keys are kept kRetentionDays (Purge); the stored reply is sealed (it may name a person).
// Thread safety: the wrapped handler is as thread-safe as the handler it wraps.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.hpp"
#include "http/context.hpp"
#include "storage/database.hpp"

namespace jw::idempotency {

namespace schema {
// schema/001_idempotency.sql (jw_embed); the app migrates it as "idempotency".
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}  // namespace schema

inline constexpr const char* kHeader = "idempotency-key";  // lower case, as http::Request stores headers
inline constexpr int kRetentionDays = 30;
inline constexpr const char* kPurgeJob = "idempotency.purge";

// `master` is the platform's master key (the reply is sealed under a key derived from it).
http::Handler Once(storage::Database& db, std::string master, http::Handler inner);

// The store, for Once and its tests.
struct StoredReply {
    std::string action;
    std::string request_hash;
    int status = 200;
    std::string body;  // sealed
};
Result<std::optional<StoredReply>> Find(storage::Connection& c, int64_t user_id, std::string_view key);
Status Save(storage::Connection& c, int64_t user_id, std::string_view key, const StoredReply& reply, int64_t now);
// Deletes keys created before `now - kRetentionDays`; returns how many.
Result<int64_t> Purge(storage::Connection& c, int64_t now);

// SM3 of method, path and body: what makes two requests "the same request".
std::string RequestHash(const http::Request& req);

}  // namespace jw::idempotency
