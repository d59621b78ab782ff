#pragma once
// The audit chain's anchor outside the database (ADR 0015): an append-only text file beside the database that
// says how far the chain reached. Whoever can write the database but not this file can no longer delete the
// newest records (the anchor names a record that is gone) nor swap the keyed chain for one they computed.
//
// Format, one line each, every line MAC'd with the chain key (HMAC-SM3, first 16 bytes in hex):
//   jwa1 from <first keyed id> <hash of the record before it> <mac>   — written once, when the file is created
//   jwa1 head <id> <hash> <mac>                                        — after every committed batch
// Lines of several processes (the server and a `jingwu` command) may interleave; the highest head counts.
// A last line without its newline is a write cut short by a crash and is ignored.
//
// Thread safety: ChainAnchor is used by one writer thread; ReadAnchor is a pure function of the file.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::audit {

class ChainAnchor {
  public:
    // Opens `path` for appending (O_APPEND, mode 0600). When it does not exist it is created (O_EXCL: of two
    // processes racing, one creates) with its `from` line: keyed records start at `next_id`, after the record
    // whose hash is `head_hash`. Error: Unavailable naming the path.
    static Result<std::unique_ptr<ChainAnchor>> Open(const std::string& path, std::string key, int64_t next_id,
                                                     const std::string& head_hash);
    ~ChainAnchor();
    ChainAnchor(const ChainAnchor&) = delete;
    ChainAnchor& operator=(const ChainAnchor&) = delete;

    // Appends a head line and waits until it is on disk (fdatasync). Error: Unavailable.
    Status AppendHead(int64_t id, const std::string& hash);

  private:
    ChainAnchor(int fd, std::string key) : fd_(fd), key_(std::move(key)) {}
    int fd_;
    std::string key_;
};

struct AnchorState {
    bool present = false;            // the file exists and could be read
    std::optional<int64_t> from;     // first keyed record (from the `from` line)
    std::string from_prev_hash;      // hash of the record before it
    std::optional<int64_t> head_id;  // highest anchored record
    std::string head_hash;
    int64_t lines = 0;
    int64_t bad_line = 0;    // first line that is malformed or whose MAC is wrong (0: none)
    int64_t from_lines = 0;  // how many `from` lines (more than one: the file was spliced)
};

// Reads and checks the anchor file. A missing file gives present = false. Error: Unavailable when it exists
// but cannot be read.
Result<AnchorState> ReadAnchor(const std::string& path, std::string_view key);

// The MAC of one anchor line (exposed for tests that forge lines).
std::string AnchorMac(std::string_view key, std::string_view kind, int64_t id, std::string_view hash);

}  // namespace jw::audit
