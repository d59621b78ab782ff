#pragma once
// Snapshot file <dir>/passes.jwsnap: a compact image of one published Version (plate dictionary prefix,
// checkpoint table, every segment's columns and indexes as stored in memory) plus the log position it
// covers, so Store::Open loads it and replays only the log records after that position.
//
// Format: magic "JWSNAP01", u64 body length, u32 CRC-32 of the body, body. Body: u64 log epoch, u64 log
// offset, u32 plate count + (u8 length, bytes) per plate in id order, u32 checkpoint count + (id, name,
// longitude, latitude) each, u32 partition count + (i32 day, u64 passes, u32 segment count, segments); since
// "JWSNAP02" (ADR 0065) then the cloned index derived from exactly those segments: u64 pair count + pairs
// (16 bytes each), u64 plate count + each plate's latest pass time (u32), u64 count + its checkpoint (u16,
// 0xFFFF none). A "JWSNAP01" file (no cloned section) still loads; the store then rebuilds the index.
// Written to passes.jwsnap.tmp, fsync'ed, renamed over passes.jwsnap and the directory fsync'ed, so the
// file at the final name is always whole: a crash mid-write leaves the previous snapshot (and a stray .tmp,
// removed on the next write). A file that fails its checks (length, CRC, structure) is reported, not used.
// Thread safety: free functions; Save reads an immutable Version and the append-only dictionary.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analytics/cloned_index.hpp"
#include "analytics/store.hpp"

namespace jw::analytics {

struct SnapshotImage {
    uint64_t log_epoch = 0;
    uint64_t log_offset = 0;
    std::vector<std::string> plates;  // id order
    std::shared_ptr<CheckpointTable> checkpoints;
    std::vector<std::shared_ptr<const Partition>> partitions;
    // The cloned index of those partitions and each plate's latest pass (cloned_index.hpp); null / empty when
    // the file predates them.
    std::shared_ptr<const ClonedPairs> cloned;
    std::vector<detail::Hit> cloned_last;
};

std::string SnapshotPath(const std::string& dir);

// Writes the snapshot durably (see above). Errors: kInternal on I/O failure (the previous snapshot stays).
// `cloned_last` is the cloned chain's per-plate latest pass belonging to v.cloned (ClonedChain::last()).
Status SaveSnapshot(const std::string& dir, const Version& v, const PlateDictionary& dict, uint64_t log_epoch,
                    uint64_t log_offset, const std::vector<detail::Hit>& cloned_last);

// nullopt when there is no snapshot file. Errors: kInternal when the file exists but is torn, corrupt or
// unreadable (the caller decides whether the log alone can rebuild the store).
Result<std::optional<SnapshotImage>> LoadSnapshot(const std::string& dir);

}  // namespace jw::analytics
