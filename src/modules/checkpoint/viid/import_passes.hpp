#pragma once
// Bulk import of historical passes in the engine's CSV load format (analytics/csv_loader.hpp:
// plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed), uploaded whole or in chunks of at
// most 1 MiB (the request limit): Start → Feed(seq 0, 1, 2, …, the last one with last=true). The text is read by
// common/csv_reader (quotes, CRLF, BOM; spaces around fields ignored). A chunk may end mid-record: that record
// is carried into the next chunk. Each chunk's good rows are appended to the hub
// in one durable batch before Feed returns; bad rows (and rows of unregistered checkpoints) are counted and
// the first 1000 kept with their 1-based line numbers and, in the problem, the column. Imports live in memory
// (an interrupted upload is restarted from the beginning); finished ones are forgotten a day after they started.
// Thread-safe: chunks of one import are serialised; imports run side by side.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analytics/csv_loader.hpp"
#include "checkpoint/pass_hub.hpp"

namespace jw::checkpoint {

inline constexpr const char* kPassCsvHeader = "plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed";

struct ImportProgress {
    std::string id;
    std::string user;  // who uploads; only they see the import
    int64_t started_at = 0;
    int64_t updated_at = 0;
    int next_seq = 0;  // the chunk expected next
    bool finished = false;
    uint64_t bytes = 0;
    uint64_t lines = 0;  // lines read, header included
    uint64_t loaded = 0;
    uint64_t rejected = 0;
    std::vector<analytics::RowError> errors;  // the first kMaxErrors rejected rows
};

class PassImports {
  public:
    static constexpr size_t kMaxErrors = 1000;

    ImportProgress Start(const std::string& user, int64_t now);
    // Feeds chunk `seq`. Resending the last accepted chunk returns the progress unchanged (a retried upload).
    // Hits of the appended passes are added to *hits. Errors: NotFound "import" (unknown, or another user's),
    // Conflict (seq out of order, or the import is finished), InvalidArgument "header" (first line wrong:
    // nothing of the chunk is loaded, the import stays at seq 0), InvalidArgument "csv" (binary, not UTF-8, more
    // than 65 536 lines in the chunk, a line over 1 KiB: CheckTextUpload; nothing of the chunk is loaded), the
    // hub's errors (nothing of the chunk loaded).
    Result<ImportProgress> Feed(PassHub& hub, const std::string& id, const std::string& user, int seq,
                                std::string_view text, bool last, std::vector<PassHit>* hits, int64_t now);
    Result<ImportProgress> Get(const std::string& id, const std::string& user) const;

  private:
    struct State {
        std::mutex mu;
        ImportProgress p;
        std::string carry;  // a record the previous chunk ended inside
        bool header_seen = false;
    };
    std::shared_ptr<State> Find(const std::string& id) const;

    mutable std::mutex mu_;
    std::map<std::string, std::shared_ptr<State>> imports_;
};

}  // namespace jw::checkpoint
