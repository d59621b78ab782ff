#pragma once
// The custody chain of an item (ADR 0054): every movement is one row of property_events, and the rows of an item
// form a hash chain — hash = HMAC-SM3(chain key, canonical content ‖ prev_hash), prev_hash of seq 1 is "" — so a
// changed, removed or inserted row breaks the chain from that link on. The chain key is
// DeriveKey(master, "property.chain"), never in the database: someone who can write the database cannot recompute
// the hashes. `jingwu property verify` (cli.hpp) runs VerifyChains.
// Thread safety: functions run on the caller's connection; AppendEvent inside the caller's write transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::property {

// kinds: register (登记), check_in (入库), move (库内移位), check_out (出库调用), return_in (归还入库),
// transfer (移库), handover (移送检察院/法院), hold (暂缓处置), dispose_requested, dispose_approved, dispose (处置).
struct CustodyEvent {
    int64_t id = 0;
    int64_t item_id = 0;
    int seq = 0;
    std::string kind;
    int64_t at = 0;
    int64_t actor_id = 0;
    int64_t actor_unit_id = 0;
    std::string from_state, to_state;
    std::string from_place, to_place;  // "store name / place code", or the holder when out
    std::string reason;
    std::string approved_by;
    std::string receiver;             // who took it (a name, or the receiving organisation)
    std::string signature_media_id;   // the receiver's signature image (media/, owner "property_event")
    std::vector<std::string> photos;  // media ids of photos taken at that moment
    std::string batch;                // the batch operation's id when done for many items at once
    std::string prev_hash, hash;
    std::string actor_name;  // joined for display
};

// The canonical content hashed: every field but id, prev_hash, hash and actor_name, as a JSON array.
std::string CanonicalContent(const CustodyEvent& e);
std::string ChainHash(const std::string& key, const CustodyEvent& e, const std::string& prev_hash);

// Appends `e` to its item's chain: sets seq, prev_hash, hash and id. Errors: the database's.
Status AppendEvent(storage::Connection& c, const std::string& key, CustodyEvent& e);

// An item's events, oldest first (actor names joined). Errors: the database's.
Result<std::vector<CustodyEvent>> ListEvents(storage::Connection& c, int64_t item_id);

struct VerifyReport {
    bool ok = true;
    int64_t items = 0, events = 0;
    // The first broken link: the item, the event's seq, and the problem:
    //   hash_mismatch (the row's content or hash changed) · prev_mismatch (a row before it removed or changed)
    //   seq_gap (a row removed: seq jumps) · state_mismatch (the item's current state is not the last event's)
    std::optional<int64_t> item_id;
    std::optional<int> seq;
    std::string problem;
};

// Checks every item's chain (or one item's), items in id order. Errors: the database's.
Result<VerifyReport> VerifyChains(storage::Connection& c, const std::string& key,
                                  std::optional<int64_t> item_id = std::nullopt);

}  // namespace jw::property
