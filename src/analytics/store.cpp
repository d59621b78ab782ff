#include "analytics/store.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>

namespace jw::analytics {
namespace {

constexpr uint8_t kRecordPasses = 1;
constexpr uint8_t kRecordCheckpoints = 2;
constexpr size_t kMaxIdBytes = 64;
constexpr size_t kMaxNameBytes = 1000;

class Writer {
public:
    template <typename T>
    void Put(T v) {
        out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void Str(std::string_view s) {
        Put(static_cast<uint16_t>(s.size()));
        out_.append(s);
    }
    std::string& out() { return out_; }

private:
    std::string out_;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <typename T>
    T Get() {
        T v{};
        if (in_.size() - pos_ >= sizeof v) std::memcpy(&v, in_.data() + pos_, sizeof v);
        pos_ += sizeof v;
        return v;
    }
    std::string_view Str() {
        const uint16_t n = Get<uint16_t>();
        if (pos_ > in_.size() || in_.size() - pos_ < n) {
            pos_ = in_.size() + 1;
            return {};
        }
        std::string_view s = in_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    bool ok() const { return pos_ <= in_.size(); }

private:
    std::string_view in_;
    size_t pos_ = 0;
};

std::vector<std::shared_ptr<const Segment>> AddSegment(std::vector<std::shared_ptr<const Segment>> segs,
                                                       std::shared_ptr<const Segment> seg) {
    segs.push_back(std::move(seg));
    // Keep segment sizes geometric (ratio >= 4): O(log n) segments, amortised O(log n) rewrites per pass.
    while (segs.size() >= 2 && segs[segs.size() - 2]->size() < 4 * segs.back()->size()) {
        auto merged = Segment::Merge(*segs[segs.size() - 2], *segs.back());
        segs.pop_back();
        segs.back() = std::move(merged);
    }
    return segs;
}

}  // namespace

// ---- PlateDictionary ----------------------------------------------------------------------------------

PlateDictionary::PlateDictionary() : chunks_(new std::atomic<std::string*>[kMaxChunks]) {
    for (uint32_t i = 0; i < kMaxChunks; ++i) chunks_[i].store(nullptr, std::memory_order_relaxed);
}

PlateDictionary::~PlateDictionary() {
    for (uint32_t i = 0; i < kMaxChunks; ++i) delete[] chunks_[i].load();
}

size_t PlateDictionary::FindSlot(std::string_view plate, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    const uint64_t tag = h >> 32;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const uint64_t s = slots_[i];
        if (s == 0) return i;
        if ((s >> 32) == tag && Get(static_cast<uint32_t>(s) - 1) == plate) return i;
    }
}

void PlateDictionary::Rehash(size_t capacity) {
    slots_.assign(capacity, 0);
    const uint32_t n = size_.load(std::memory_order_relaxed);
    for (uint32_t id = 0; id < n; ++id) {
        const uint64_t h = HashPlate(Get(id));
        slots_[FindSlot(Get(id), h)] = ((h >> 32) << 32) | (id + 1);
    }
}

uint32_t PlateDictionary::Intern(std::string_view plate) {
    // Only the writer mutates the table, so its own probe needs no lock.
    const uint64_t h = HashPlate(plate);
    if (!slots_.empty()) {
        const uint64_t s = slots_[FindSlot(plate, h)];
        if (s != 0) return static_cast<uint32_t>(s) - 1;
    }
    const uint32_t id = size_.load(std::memory_order_relaxed);
    std::string* chunk = chunks_[id >> kChunkBits].load(std::memory_order_relaxed);
    if (chunk == nullptr) {
        chunk = new std::string[size_t{1} << kChunkBits];
        chunks_[id >> kChunkBits].store(chunk, std::memory_order_release);
    }
    chunk[id & kChunkMask] = std::string(plate);
    {
        std::unique_lock lock(map_mu_);
        if (2 * (size_t{id} + 1) > slots_.size()) Rehash(std::max<size_t>(1024, 2 * slots_.size()));
        size_.store(id + 1, std::memory_order_release);
        slots_[FindSlot(plate, h)] = ((h >> 32) << 32) | (id + 1);
    }
    return id;
}

std::optional<uint32_t> PlateDictionary::Find(std::string_view plate) const {
    std::shared_lock lock(map_mu_);
    if (slots_.empty()) return std::nullopt;
    const uint64_t s = slots_[FindSlot(plate, HashPlate(plate))];
    if (s == 0) return std::nullopt;
    return static_cast<uint32_t>(s) - 1;
}

size_t PlateDictionary::Bytes() const {
    std::shared_lock lock(map_mu_);
    return size() * sizeof(std::string) + slots_.capacity() * sizeof(uint64_t);
}

// ---- CheckpointTable, Snapshot ---------------------------------------------------------------------------

std::optional<uint16_t> CheckpointTable::Find(std::string_view id) const {
    auto it = index.find(id);
    if (it == index.end()) return std::nullopt;
    return it->second;
}

void CheckpointTable::Rerank() {
    std::vector<uint16_t> order(list.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint16_t>(i);
    std::sort(order.begin(), order.end(), [this](uint16_t a, uint16_t b) { return list[a].id < list[b].id; });
    rank.assign(list.size(), 0);
    for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<uint32_t>(r);
}

std::optional<uint32_t> Snapshot::FindPlate(std::string_view plate) const {
    auto id = dict_->Find(plate);
    if (!id || *id >= v_->plate_count) return std::nullopt;
    return id;
}

std::vector<const Segment*> Snapshot::Segments(int64_t from, int64_t to) const {
    std::vector<const Segment*> out;
    if (from >= to) return out;
    const int32_t d0 = ChinaDay(from), d1 = ChinaDay(to - 1);
    auto it = std::lower_bound(v_->partitions.begin(), v_->partitions.end(), d0,
                               [](const std::shared_ptr<const Partition>& p, int32_t d) { return p->day < d; });
    for (; it != v_->partitions.end() && (*it)->day <= d1; ++it) {
        for (const auto& s : (*it)->segments) out.push_back(s.get());
    }
    return out;
}

// ---- Store ------------------------------------------------------------------------------------------------

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, StoreOptions options, LogOpenStats* log_stats) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::Internal("cannot create " + dir + ": " + ec.message());
    std::unique_ptr<Store> store(new Store());
    auto empty = std::make_shared<Version>();
    empty->checkpoints = std::make_shared<CheckpointTable>();
    store->Publish(empty);
    store->replay_cps_ = std::make_shared<CheckpointTable>();
    Store* s = store.get();
    auto log = AppendLog::Open((std::filesystem::path(dir) / "passes.jwlog").string(), options.sync,
                               [s](std::string_view payload) { s->Replay(payload); }, log_stats);
    if (!log.ok()) return log.status();
    store->log_ = std::move(log).value();
    store->FinishReplay();
    return store;
}

Status Store::Validate(const std::vector<PassRecord>& batch) const {
    for (size_t i = 0; i < batch.size(); ++i) {
        const PassRecord& p = batch[i];
        const std::string at = "passes[" + std::to_string(i) + "].";
        if (p.plate.empty() || p.plate.size() > kMaxIdBytes) return Status::Invalid(at + "plate_no", "bad_length");
        if (p.checkpoint_id.empty() || p.checkpoint_id.size() > kMaxIdBytes) {
            return Status::Invalid(at + "checkpoint_id", "bad_length");
        }
        if (p.time < 0 || p.time > int64_t{UINT32_MAX}) return Status::Invalid(at + "pass_time", "out_of_range");
    }
    return Status::Ok();
}

Status Store::Append(const std::vector<PassRecord>& batch) {
    JW_RETURN_IF_ERROR(Validate(batch));
    if (batch.empty()) return Status::Ok();
    std::lock_guard lock(write_mu_);
    {
        auto v = Current();
        size_t fresh = 0;
        std::vector<std::string_view> seen;
        for (const auto& p : batch) {
            if (!v->checkpoints->Find(p.checkpoint_id)) seen.push_back(p.checkpoint_id);
        }
        std::sort(seen.begin(), seen.end());
        fresh = std::unique(seen.begin(), seen.end()) - seen.begin();
        if (v->checkpoints->list.size() + fresh > UINT16_MAX) {
            return Status::Invalid("passes[0].checkpoint_id", "too_many_checkpoints");
        }
    }
    Writer w;
    w.Put(kRecordPasses);
    w.Put(static_cast<uint32_t>(batch.size()));
    for (const auto& p : batch) {
        w.Str(p.plate);
        w.Put(p.plate_color);
        w.Str(p.checkpoint_id);
        w.Put(static_cast<uint32_t>(p.time));
        w.Put(p.direction);
        w.Put(p.lane);
        w.Put(p.speed);
    }
    JW_RETURN_IF_ERROR(log_->Append(w.out()));
    ApplyPasses(batch, true);
    return Status::Ok();
}

Status Store::UpsertCheckpoints(const std::vector<Checkpoint>& cps) {
    for (size_t i = 0; i < cps.size(); ++i) {
        const std::string at = "checkpoints[" + std::to_string(i) + "].";
        if (cps[i].id.empty() || cps[i].id.size() > kMaxIdBytes) return Status::Invalid(at + "id", "bad_length");
        if (cps[i].name.size() > kMaxNameBytes) return Status::Invalid(at + "name", "too_long");
    }
    if (cps.empty()) return Status::Ok();
    std::lock_guard lock(write_mu_);
    if (Current()->checkpoints->list.size() + cps.size() > UINT16_MAX) {
        return Status::Invalid("checkpoints", "too_many_checkpoints");
    }
    Writer w;
    w.Put(kRecordCheckpoints);
    w.Put(static_cast<uint32_t>(cps.size()));
    for (const auto& c : cps) {
        w.Str(c.id);
        w.Str(c.name);
        w.Put(c.longitude);
        w.Put(c.latitude);
    }
    JW_RETURN_IF_ERROR(log_->Append(w.out()));
    ApplyCheckpoints(cps);
    return Status::Ok();
}

namespace {

uint16_t InternCheckpoint(CheckpointTable& t, std::string_view id, bool* changed) {
    if (auto i = t.Find(id)) return *i;
    const auto idx = static_cast<uint16_t>(t.list.size());
    Checkpoint c;
    c.id = std::string(id);
    t.list.push_back(c);
    t.index.emplace(c.id, idx);
    *changed = true;
    return idx;
}

Row ToRow(const PassRecord& p, uint32_t plate, uint16_t cp) {
    return Row{plate, static_cast<uint32_t>(p.time), cp, p.plate_color, p.direction, p.lane,
               static_cast<uint8_t>(std::min<uint16_t>(p.speed, 255))};
}

}  // namespace

void Store::ApplyCheckpoints(const std::vector<Checkpoint>& cps) {
    auto v = Current();
    auto table = std::make_shared<CheckpointTable>(*v->checkpoints);
    for (const auto& c : cps) {
        bool changed = false;
        table->list[InternCheckpoint(*table, c.id, &changed)] = c;
    }
    table->Rerank();
    auto nv = std::make_shared<Version>(*v);
    nv->checkpoints = std::move(table);
    Publish(std::move(nv));
}

void Store::ApplyPasses(const std::vector<PassRecord>& batch, bool /*merge*/) {
    auto v = Current();
    std::shared_ptr<CheckpointTable> table;
    bool changed = false;
    std::map<int32_t, std::vector<Row>> by_day;
    for (const auto& p : batch) {
        std::optional<uint16_t> cp = v->checkpoints->Find(p.checkpoint_id);
        if (!cp) {
            if (!table) table = std::make_shared<CheckpointTable>(*v->checkpoints);
            cp = InternCheckpoint(*table, p.checkpoint_id, &changed);
        }
        by_day[ChinaDay(p.time)].push_back(ToRow(p, dict_.Intern(p.plate), *cp));
    }
    auto nv = std::make_shared<Version>(*v);
    if (changed) {
        table->Rerank();
        nv->checkpoints = std::move(table);
    }
    auto& parts = nv->partitions;
    for (auto& [day, rows] : by_day) {
        auto it = std::lower_bound(parts.begin(), parts.end(), day,
                                   [](const std::shared_ptr<const Partition>& p, int32_t d) { return p->day < d; });
        auto part = std::make_shared<Partition>();
        part->day = day;
        if (it != parts.end() && (*it)->day == day) {
            part->segments = (*it)->segments;
            part->passes = (*it)->passes;
        } else {
            it = parts.insert(it, nullptr);
        }
        part->passes += rows.size();
        part->segments = AddSegment(std::move(part->segments), std::make_shared<const Segment>(std::move(rows)));
        *it = std::move(part);
    }
    nv->plate_count = dict_.size();
    nv->pass_count += batch.size();
    Publish(std::move(nv));
}

void Store::Replay(std::string_view payload) {
    Reader r(payload);
    const auto type = r.Get<uint8_t>();
    const auto n = r.Get<uint32_t>();
    bool changed = false;
    if (type == kRecordPasses) {
        for (uint32_t i = 0; i < n && r.ok(); ++i) {
            std::string_view plate = r.Str();
            const auto color = r.Get<uint8_t>();
            std::string_view cp = r.Str();
            const auto time = r.Get<uint32_t>();
            const auto dir = r.Get<uint8_t>();
            const auto lane = r.Get<uint8_t>();
            const auto speed = r.Get<uint16_t>();
            if (!r.ok()) break;
            const uint16_t cpi = InternCheckpoint(*replay_cps_, cp, &changed);
            replay_rows_[ChinaDay(time)].push_back(Row{dict_.Intern(plate), time, cpi, color, dir, lane,
                                                       static_cast<uint8_t>(std::min<uint16_t>(speed, 255))});
        }
    } else if (type == kRecordCheckpoints) {
        for (uint32_t i = 0; i < n && r.ok(); ++i) {
            Checkpoint c;
            c.id = std::string(r.Str());
            c.name = std::string(r.Str());
            c.longitude = r.Get<double>();
            c.latitude = r.Get<double>();
            if (!r.ok()) break;
            replay_cps_->list[InternCheckpoint(*replay_cps_, c.id, &changed)] = c;
        }
    }
}

void Store::FinishReplay() {
    auto nv = std::make_shared<Version>();
    replay_cps_->Rerank();
    nv->checkpoints = std::move(replay_cps_);
    std::vector<int32_t> days;
    for (const auto& [day, rows] : replay_rows_) days.push_back(day);
    std::sort(days.begin(), days.end());
    for (int32_t day : days) {
        auto part = std::make_shared<Partition>();
        part->day = day;
        part->passes = replay_rows_[day].size();
        nv->pass_count += part->passes;
        part->segments.push_back(std::make_shared<const Segment>(std::move(replay_rows_[day])));
        replay_rows_.erase(day);
        nv->partitions.push_back(std::move(part));
    }
    replay_rows_.clear();
    nv->plate_count = dict_.size();
    Publish(std::move(nv));
}

void Store::DropPartitionsBefore(int64_t cutoff) {
    std::lock_guard lock(write_mu_);
    auto v = Current();
    auto nv = std::make_shared<Version>(*v);
    const int32_t day = ChinaDay(cutoff);
    auto& parts = nv->partitions;
    auto it = std::find_if(parts.begin(), parts.end(), [day](const auto& p) { return p->day >= day; });
    for (auto p = parts.begin(); p != it; ++p) nv->pass_count -= (*p)->passes;
    parts.erase(parts.begin(), it);
    Publish(std::move(nv));
}

StoreStats Store::Stats() const {
    auto v = Current();
    StoreStats s;
    s.passes = v->pass_count;
    s.plates = v->plate_count;
    s.checkpoints = static_cast<uint32_t>(v->checkpoints->list.size());
    s.partitions = v->partitions.size();
    for (const auto& p : v->partitions) {
        s.segments += p->segments.size();
        for (const auto& seg : p->segments) s.segment_bytes += seg->Bytes();
    }
    s.dictionary_bytes = dict_.Bytes();
    std::lock_guard lock(write_mu_);
    s.log_bytes = log_->size();
    return s;
}

}  // namespace jw::analytics
