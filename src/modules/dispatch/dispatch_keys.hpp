#pragma once
// The keys of 110 dispatch (ADR 0017, 0057): the caller's phone and name are sealed with the FieldSealer of purpose
// "dispatch"; CallerIndex is the blind index of the normalised phone (related calls from the same number). The
// inbound 12345 webhook and the outbound one are signed with WebhookKey: HMAC-SM3 over the raw body, hex — the key
// shared with the 12345 platform is derived from the master key (DeriveKey(master, "dispatch.webhook")) and handed
// to the platform out of band by `jingwu dispatch webhook-key` (cli.hpp).
//
// Thread safety: InstallKeys once at start-up (Module::Prepare) before other threads run; the rest is thread-safe.
// Using a key before InstallKeys throws std::logic_error.

#include <string>
#include <string_view>

#include "common/sealed_fields.hpp"

namespace jw::dispatch {

void InstallKeys(std::string_view master_key);
const FieldSealer& Sealer();
std::string CallerIndex(std::string_view phone);
// hex(HMAC-SM3(webhook key, body)).
std::string WebhookSignature(std::string_view body);
// The webhook key of a master key (raw bytes): what `jingwu dispatch webhook-key` hands to the platform.
std::string WebhookKey(std::string_view master_key);
// Whether `signature` (hex, any case) is the body's, compared in constant time.
bool WebhookSignatureValid(std::string_view body, std::string_view signature);

}  // namespace jw::dispatch
