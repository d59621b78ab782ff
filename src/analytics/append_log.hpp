#pragma once
// AppendLog: the store's durable file. A 8-byte magic "JWPASS01" followed by records
// [u32 payload length][u32 CRC-32 (IEEE, as zlib) of the payload][payload], little-endian.
// Append() writes one record and fdatasyncs before returning Ok, so an acknowledged record survives kill -9.
// Open() reads every whole record whose checksum matches; the first short or corrupt record and everything
// after it (the torn tail of an interrupted write) is truncated away, and the file is synced.
// Not thread-safe: the Store serialises calls under its writer mutex.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::analytics {

uint32_t Crc32(std::string_view data);

struct LogOpenStats {
    uint64_t records = 0;
    uint64_t bytes_kept = 0;
    uint64_t bytes_truncated = 0;  // torn or corrupt tail removed on open
};

class AppendLog {
public:
    // Calls `replay` for each good record, in order. Errors: kInternal on I/O failure or a foreign file.
    static Result<std::unique_ptr<AppendLog>> Open(const std::string& path, bool sync,
                                                  const std::function<void(std::string_view)>& replay,
                                                  LogOpenStats* stats);
    ~AppendLog();
    AppendLog(const AppendLog&) = delete;
    AppendLog& operator=(const AppendLog&) = delete;

    // Writes one record durably. On failure the file is cut back to its previous length. Errors: kInternal.
    Status Append(std::string_view payload);
    uint64_t size() const { return size_; }

private:
    AppendLog(int fd, uint64_t size, bool sync) : fd_(fd), size_(size), sync_(sync) {}
    int fd_;
    uint64_t size_;
    bool sync_;
};

}  // namespace jw::analytics
