#include "checkpoint/import_passes.hpp"

#include "common/crypto.hpp"
#include "common/text_upload.hpp"

namespace jw::checkpoint {

namespace {
constexpr int64_t kForgetAfter = 86400;
// A pass line is under 100 bytes; a chunk is at most the request limit. A chunk of only line breaks, a line
// carried from chunk to chunk without end, or a binary file is refused before anything of it is loaded.
constexpr TextUploadLimits kChunkLimits{.max_bytes = 2u << 20, .max_lines = 65536, .max_line_bytes = 1024};

std::string_view TrimLine(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    return line;
}
std::string Describe(const Status& s) {
    if (s.fields().empty()) return s.message();
    return s.fields().begin()->first + ": " + s.fields().begin()->second;
}
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
    std::string carry;
    if (!last) {
        const size_t nl = data.rfind('\n');
        carry = nl == std::string::npos ? data : data.substr(nl + 1);
        data.resize(nl == std::string::npos ? 0 : nl + 1);
    }
    if (carry.size() > kChunkLimits.max_line_bytes)
        return Status(ErrorCode::kInvalidArgument, "csv: a line is longer than 1024 bytes",
                      {{"csv", "line " + std::to_string(p.lines + 1) + ": too_long"}});
    JW_RETURN_IF_ERROR(CheckTextUpload("csv", data, kChunkLimits));
    ImportProgress next = p;
    std::vector<analytics::PassRecord> batch;
    size_t pos = 0;
    while (pos < data.size()) {
        size_t end = data.find('\n', pos);
        if (end == std::string::npos) end = data.size();
        const std::string_view line = TrimLine(std::string_view(data).substr(pos, end - pos));
        pos = end + 1;
        ++next.lines;
        if (next.lines == 1) {
            if (line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") {
                if (line.substr(3) == kPassCsvHeader) continue;
            } else if (line == kPassCsvHeader) {
                continue;
            }
            return Status::Invalid("header", std::string("expected ") + kPassCsvHeader);
        }
        if (line.empty()) continue;
        auto rec = analytics::ParsePassLine(line);
        std::string problem;
        if (!rec.ok()) problem = Describe(rec.status());
        else if (!hub.IsKnownCheckpoint(rec->checkpoint_id)) problem = "checkpoint_id: not a registered checkpoint";
        if (!problem.empty()) {
            ++next.rejected;
            if (next.errors.size() < kMaxErrors) next.errors.push_back({next.lines, problem});
            continue;
        }
        batch.push_back(std::move(rec).value());
    }
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
    return p;
}

}  // namespace jw::checkpoint
