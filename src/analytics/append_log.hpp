#pragma once
// AppendLog: the store's durable file. A header — the 8-byte magic "JWPASS01" (epoch 0), or "JWPASS02" and a
// u64 epoch (a log restarted by compaction) — followed by records
// [u32 payload length][u32 CRC-32 (IEEE, as zlib) of the payload][payload], little-endian.
// Append() writes one record and fdatasyncs before returning Ok, so an acknowledged record survives kill -9.
// Open() reads every whole record whose checksum matches; the first short or corrupt record and everything
// after it (the torn tail of an interrupted write) is truncated away, and the file is synced.
// Not thread-safe: the Store serialises calls under its writer mutex.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::analytics {

uint32_t Crc32(std::string_view data);

struct LogOpenStats {
    uint64_t records = 0;
    uint64_t bytes_kept = 0;
    uint64_t bytes_truncated = 0;    // torn or corrupt tail removed on open
    uint64_t records_truncated = 0;  // records (whole or cut off) in that tail
    uint64_t passes_truncated = 0;   // what `count_lost` said they held (0 when not given)
    // Filled by Store::Open: passes loaded from the snapshot file, and whether a corrupt snapshot was
    // ignored (the log, never compacted, held everything).
    uint64_t snapshot_passes = 0;
    bool snapshot_ignored = false;
};

class AppendLog {
  public:
    // Calls `replay` for each good record at or after byte `start_offset` (records before it are skipped
    // unread: a snapshot covers them), in order. A missing or torn-at-creation file is (re)created with
    // `new_epoch`. Errors: kInternal on I/O failure, a foreign file, or a file shorter than start_offset.
    // A torn or corrupt tail is cut off; `count_lost`, when given, is called with the (possibly partial)
    // payload of each record in it and returns how many passes it held (for stats->passes_truncated).
    static Result<std::unique_ptr<AppendLog>> Open(const std::string& path, bool sync,
                                                   const std::function<void(std::string_view)>& replay,
                                                   LogOpenStats* stats, uint64_t start_offset = 0,
                                                   uint64_t new_epoch = 0,
                                                   const std::function<uint64_t(std::string_view)>& count_lost = {});
    // The epoch in the header of the log at `path`; nullopt when there is no whole header. Errors: kInternal
    // (unreadable or foreign file).
    static Result<std::optional<uint64_t>> PeekEpoch(const std::string& path);
    ~AppendLog();
    AppendLog(const AppendLog&) = delete;
    AppendLog& operator=(const AppendLog&) = delete;

    // Writes one record durably. On failure the file is cut back to its previous length. Errors: kInternal.
    Status Append(std::string_view payload);
    // Replaces the file by an empty log of epoch `new_epoch` (written aside, fsync'ed, renamed over, directory
    // fsync'ed). Errors: kInternal (the old log stays in use).
    Status Restart(uint64_t new_epoch);
    uint64_t size() const { return size_; }
    uint64_t epoch() const { return epoch_; }
    uint64_t header_size() const { return epoch_ == 0 ? 8 : 16; }

  private:
    AppendLog(int fd, uint64_t size, bool sync) : fd_(fd), size_(size), sync_(sync) {}
    std::string path_;
    uint64_t epoch_ = 0;
    int fd_;
    uint64_t size_;
    bool sync_;
};

}  // namespace jw::analytics
