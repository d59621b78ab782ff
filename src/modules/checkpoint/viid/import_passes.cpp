#include "checkpoint/viid/import_passes.hpp"

#include <algorithm>

#include "common/crypto.hpp"
#include "common/csv_reader.hpp"
#include "common/text_upload.hpp"

namespace jw::checkpoint {

namespace {
constexpr int64_t kForgetAfter = 86400;
// A pass line is under 100 bytes; a chunk is at most the request limit. A chunk of only line breaks, a line
// carried from chunk to chunk without end, or a binary file is refused before anything of it is loaded.
constexpr TextUploadLimits kChunkLimits{.max_bytes = 2u << 20, .max_lines = 65536, .max_line_bytes = 1024};

constexpr std::string_view kPassFields[] = {"plate_no",  "plate_color", "checkpoint_id", "pass_time",
                                            "direction", "lane_no",     "speed"};
}  // namespace

ImportProgress PassImports::Start(const std::string& user, int64_t now) {
    auto st = std::make_shared<State>();
    st->p.id = RandomToken(8);
    st->p.user = user;
    st->p.started_at = st->p.updated_at = now;
    std::lock_guard lock(mu_);
    for (auto it = imports_.begin(); it != imports_.end();) {
        it = now - it->second->p.started_at > kForgetAfter ? imports_.erase(it) : std::next(it);
    }
    imports_[st->p.id] = st;
    return st->p;
}

std::shared_ptr<PassImports::State> PassImports::Find(const std::string& id) const {
    std::lock_guard lock(mu_);
    auto it = imports_.find(id);
    return it == imports_.end() ? nullptr : it->second;
}

Result<ImportProgress> PassImports::Get(const std::string& id, const std::string& user) const {
    auto st = Find(id);
    if (!st) return Status::NotFound("import");
    std::lock_guard lock(st->mu);
    if (st->p.user != user) return Status::NotFound("import");
    return st->p;
}

Result<ImportProgress> PassImports::Feed(PassHub& hub, const std::string& id, const std::string& user, int seq,
                                         std::string_view text, bool last, std::vector<PassHit>* hits, int64_t now) {
    auto st = Find(id);
    if (!st) return Status::NotFound("import");
    std::lock_guard lock(st->mu);
    ImportProgress& p = st->p;
    if (p.user != user) return Status::NotFound("import");
    if (seq == p.next_seq - 1) return p;  // a retried chunk: already loaded
    if (p.finished) return Status::Conflict("import already finished");
    if (seq != p.next_seq) return Status::Conflict("expected chunk " + std::to_string(p.next_seq));

    std::string data = st->carry;
    data.append(text);
    // The text checks see whole lines only: a chunk may end inside a line, even inside a character.
    const size_t nl = last ? std::string::npos : data.rfind('\n');
    const size_t whole = last ? data.size() : (nl == std::string::npos ? 0 : nl + 1);
    if (data.size() - whole > kChunkLimits.max_line_bytes)
        return Status(ErrorCode::kInvalidArgument, "csv: a line is longer than 1024 bytes",
                      {{"csv", "line " + std::to_string(p.lines + 1) + ": too_long"}});
    JW_RETURN_IF_ERROR(CheckTextUpload("csv", std::string_view(data).substr(0, whole), kChunkLimits));
    ImportProgress next = p;
    bool header_seen = st->header_seen;
    std::vector<analytics::PassRecord> batch;
    CsvReader reader(data, CsvOptions{.name = "csv",
                                      .trim = true,
                                      .max_field_bytes = kChunkLimits.max_line_bytes,
                                      .max_record_bytes = kChunkLimits.max_line_bytes,
                                      .first_line = p.lines + 1,
                                      .final = last});
    auto reject = [&](uint64_t line, std::string problem) {
        ++next.rejected;
        if (next.errors.size() < kMaxErrors) next.errors.push_back({line, std::move(problem)});
    };
    CsvRecord rec;
    for (;;) {
        auto more = reader.Next(&rec);
        if (!more.ok() && !header_seen) return Status::Invalid("header", std::string("expected ") + kPassCsvHeader);
        if (!more.ok()) {
            const CsvError& e = reader.last_error();
            reject(e.at.line, "column " + std::to_string(e.at.column) + ": " + e.problem);
            continue;
        }
        if (!*more) break;
        if (!header_seen) {
            if (!std::equal(rec.fields.begin(), rec.fields.end(), std::begin(kPassFields), std::end(kPassFields)))
                return Status::Invalid("header", std::string("expected ") + kPassCsvHeader);
            header_seen = true;
            continue;
        }
        auto pass = analytics::ParsePassFields(rec.fields);
        if (!pass.ok()) {
            reject(rec.line, analytics::DescribePassError(pass.status(), reader, rec));
        } else if (!hub.IsKnownCheckpoint(pass->checkpoint_id)) {
            reject(rec.line, "checkpoint_id: not a registered checkpoint (column " +
                                 std::to_string(reader.PositionOf(rec, 2).column) + ")");
        } else {
            batch.push_back(std::move(pass).value());
        }
    }
    // What the chunk ends inside of waits for the next chunk; a pass record is far shorter than a line may be.
    std::string carry = data.substr(reader.consumed());
    if (carry.size() > kChunkLimits.max_line_bytes)
        return Status(ErrorCode::kInvalidArgument, "csv: a record is longer than 1024 bytes",
                      {{"csv", "line " + std::to_string(reader.line()) + ": too_long"}});
    // Lines read: those before the next record, and the last one of the file when it has no line end.
    const bool open_end = last && !data.empty() && data.back() != '\n' && data.back() != '\r';
    next.lines = reader.line() - 1 + (open_end ? 1 : 0);
    if (!batch.empty()) {
        JW_ASSIGN_OR_RETURN(auto found, hub.Append(batch));
        hits->insert(hits->end(), found.begin(), found.end());
    }
    next.loaded += batch.size();
    next.bytes += text.size();
    next.next_seq = seq + 1;
    next.finished = last;
    next.updated_at = now;
    p = std::move(next);
    st->carry = std::move(carry);
    st->header_seen = header_seen;
    return p;
}

}  // namespace jw::checkpoint
