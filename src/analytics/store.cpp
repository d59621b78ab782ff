#include "analytics/store.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>

#include "analytics/cloned_index.hpp"
#include "analytics/codec.hpp"
#include "analytics/parallel.hpp"
#include "analytics/snapshot_file.hpp"

namespace jw::analytics {
namespace {

constexpr uint8_t kRecordPasses = 1;
constexpr uint8_t kRecordCheckpoints = 2;
constexpr size_t kMaxIdBytes = 64;
constexpr size_t kMaxNameBytes = 1000;

int64_t BlockOf(const Segment& seg) { return TimeBlock(seg.min_time()); }

// Adds `seg` to the segments of its time block (segments stay ordered by block), keeping the sizes within
// a block geometric (ratio >= 4): O(log n) segments, amortised O(log n) rewrites per pass.
std::vector<std::shared_ptr<const Segment>> AddSegment(std::vector<std::shared_ptr<const Segment>> segs,
                                                       std::shared_ptr<const Segment> seg) {
    const int64_t block = BlockOf(*seg);
    auto end = std::find_if(segs.begin(), segs.end(), [block](const auto& s) { return BlockOf(*s) > block; });
    auto begin = std::find_if(segs.begin(), end, [block](const auto& s) { return BlockOf(*s) == block; });
    std::vector<std::shared_ptr<const Segment>> group(begin, end);
    group.push_back(std::move(seg));
    while (group.size() >= 2 && group[group.size() - 2]->size() < 4 * group.back()->size()) {
        auto merged = Segment::Merge(*group[group.size() - 2], *group.back());
        group.pop_back();
        group.back() = std::move(merged);
    }
    std::vector<std::shared_ptr<const Segment>> out(segs.begin(), begin);
    out.insert(out.end(), group.begin(), group.end());
    out.insert(out.end(), end, segs.end());
    return out;
}

// Adds rows grouped by time block to the partitions of `nv` (copy-on-write: shared partitions are copied,
// never changed). Segments of distinct blocks are built in parallel.
void AddBlocks(Version& nv, std::map<int64_t, std::vector<Row>>& by_block) {
    std::vector<std::pair<int64_t, std::vector<Row>*>> blocks;
    for (auto& [block, rows] : by_block) blocks.emplace_back(block, &rows);
    std::vector<std::shared_ptr<const Segment>> built(blocks.size());
    ParallelFor(blocks.size(),
                [&](size_t i) { built[i] = std::make_shared<const Segment>(std::move(*blocks[i].second)); });
    auto& parts = nv.partitions;
    std::shared_ptr<Partition> part;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const auto day = static_cast<int32_t>(blocks[i].first >> 1);
        auto it = std::lower_bound(parts.begin(), parts.end(), day,
                                   [](const std::shared_ptr<const Partition>& p, int32_t d) { return p->day < d; });
        if (!part || part->day != day) {
            part = std::make_shared<Partition>();
            part->day = day;
            if (it != parts.end() && (*it)->day == day) {
                part->segments = (*it)->segments;
                part->passes = (*it)->passes;
            } else {
                it = parts.insert(it, nullptr);
            }
        }
        part->passes += built[i]->size();
        nv.pass_count += built[i]->size();
        part->segments = AddSegment(std::move(part->segments), std::move(built[i]));
        *it = part;
    }
    by_block.clear();
}

}  // namespace

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

const std::vector<uint64_t>& Partition::PlateBits() const {
    std::call_once(bits_once_, [this] {
        uint32_t max = 0;
        for (const auto& seg : segments) {
            if (seg->run_count() > 0) max = std::max(max, seg->run_plate(seg->run_count() - 1));
        }
        bits_.assign(max / 64 + 1, 0);
        for (const auto& seg : segments) {
            for (size_t r = 0; r < seg->run_count(); ++r) {
                const uint32_t p = seg->run_plate(r);
                bits_[p >> 6] |= uint64_t{1} << (p & 63);
            }
        }
    });
    return bits_;
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

Store::Store() : cloned_(std::make_unique<ClonedChain>()) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, StoreOptions options, LogOpenStats* log_stats) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::Internal("cannot create " + dir + ": " + ec.message());
    // Plate numbers and movements: for the server's user alone.
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
    std::unique_ptr<Store> store(new Store());
    store->dir_ = dir;
    store->options_ = options;
    auto base = std::make_shared<Version>();
    base->checkpoints = std::make_shared<CheckpointTable>();
    store->replay_cps_ = std::make_shared<CheckpointTable>();

    // Snapshot first, then the log records after the position it covers (see snapshot_file.hpp).
    const std::string log_path = (std::filesystem::path(dir) / "passes.jwlog").string();
    JW_ASSIGN_OR_RETURN(std::optional<uint64_t> log_epoch, AppendLog::PeekEpoch(log_path));
    auto snap = LoadSnapshot(dir);
    uint64_t start = 0, new_epoch = 0;
    LogOpenStats local;
    if (!snap.ok()) {
        // The log alone rebuilds everything only while it was never restarted by compaction.
        if (log_epoch && *log_epoch > 0) return snap.status();
        local.snapshot_ignored = true;
    } else if (snap->has_value()) {
        SnapshotImage& img = **snap;
        if (!log_epoch) {
            new_epoch = img.log_epoch + 1;
        } else if (*log_epoch == img.log_epoch) {
            start = img.log_offset;
        } else if (*log_epoch != img.log_epoch + 1) {
            return Status::Internal("pass log epoch " + std::to_string(*log_epoch) +
                                    " does not follow snapshot epoch " + std::to_string(img.log_epoch));
        }
        for (const auto& p : img.plates) store->dict_.Intern(p);
        store->replay_cps_ = img.checkpoints;
        base->partitions = std::move(img.partitions);
        for (const auto& p : base->partitions) base->pass_count += p->passes;
        base->plate_count = store->dict_.size();
        if (img.cloned) {
            base->cloned = std::move(img.cloned);
            store->cloned_->Restore(std::move(img.cloned_last), base->plate_count);
        }
        local.snapshot_passes = base->pass_count;
    }
    store->Publish(base);
    Store* s = store.get();
    LogOpenStats log_local;
    // A passes record starts with its type (u8) and its count of passes (u32).
    auto count_lost = [](std::string_view payload) -> uint64_t {
        if (payload.size() < 5 || static_cast<uint8_t>(payload[0]) != kRecordPasses) return 0;
        uint32_t n = 0;
        std::memcpy(&n, payload.data() + 1, 4);
        return n;
    };
    auto log = AppendLog::Open(
        log_path, options.sync, [s](std::string_view payload) { s->Replay(payload); }, &log_local, start, new_epoch,
        count_lost);
    if (!log.ok()) return log.status();
    store->log_ = std::move(log).value();
    store->FinishReplay();
    store->log_at_snapshot_ = start == 0 ? store->log_->header_size() : start;
    log_local.snapshot_ignored = local.snapshot_ignored;
    log_local.snapshot_passes = local.snapshot_passes;
    if (log_stats) *log_stats = log_local;
    {
        std::lock_guard lock(store->write_mu_);
        JW_RETURN_IF_ERROR(store->ApplyRetentionLocked());
    }
    // Built now rather than by the first first_seen after a restart (a cold outlier of a few ms per day of
    // lookback, issue 19); partitions are immutable, so the bits stay valid until an append replaces one.
    for (const auto& p : store->Current()->partitions) (void)p->PlateBits();
    return store;
}

Status Store::WriteSnapshotLocked() {
    JW_RETURN_IF_ERROR(SaveSnapshot(dir_, *Current(), dict_, log_->epoch(), log_->size(), cloned_->last()));
    log_at_snapshot_ = log_->size();
    return Status::Ok();
}

Status Store::WriteSnapshot() {
    std::lock_guard lock(write_mu_);
    return WriteSnapshotLocked();
}

Status Store::CompactLocked() {
    JW_RETURN_IF_ERROR(WriteSnapshotLocked());
    JW_RETURN_IF_ERROR(log_->Restart(log_->epoch() + 1));
    log_at_snapshot_ = log_->size();
    return Status::Ok();
}

Status Store::Compact() {
    std::lock_guard lock(write_mu_);
    return CompactLocked();
}

Status Store::DropOlderThan(int64_t cutoff) {
    std::lock_guard lock(write_mu_);
    if (!DropLocked(ChinaDay(cutoff))) return Status::Ok();
    return CompactLocked();
}

Status Store::ApplyRetentionLocked() {
    if (options_.retention_days <= 0) return Status::Ok();
    const auto v = Current();
    if (v->partitions.empty()) return Status::Ok();
    const int64_t cutoff = int64_t{v->partitions.back()->day} - options_.retention_days + 1;
    if (v->partitions.front()->day >= cutoff) return Status::Ok();
    DropLocked(static_cast<int32_t>(cutoff));
    return CompactLocked();
}

Status Store::Validate(const std::vector<PassRecord>& batch) const {
    for (size_t i = 0; i < batch.size(); ++i) {
        const PassRecord& p = batch[i];
        // The field name is built only for a bad record (no allocation per pass).
        auto at = [i](const char* field) { return "passes[" + std::to_string(i) + "]." + field; };
        if (p.plate.empty() || p.plate.size() > kMaxIdBytes) return Status::Invalid(at("plate_no"), "bad_length");
        if (p.checkpoint_id.empty() || p.checkpoint_id.size() > kMaxIdBytes) {
            return Status::Invalid(at("checkpoint_id"), "bad_length");
        }
        if (p.time < 0 || p.time > int64_t{UINT32_MAX}) return Status::Invalid(at("pass_time"), "out_of_range");
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
    w.out().reserve(16 + batch.size() * 48);
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
    // The batch is durable: upkeep failures below are reported but the batch stays acknowledged.
    Status upkeep = ApplyRetentionLocked();
    if (upkeep.ok() && options_.snapshot_log_bytes > 0 &&
        log_->size() - log_at_snapshot_ >= options_.snapshot_log_bytes) {
        upkeep = WriteSnapshotLocked();
    }
    if (!upkeep.ok()) last_upkeep_error_ = upkeep.message();
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
    for (const auto& c : cps) PutCheckpoint(w, c);
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
    return Row{plate,
               static_cast<uint32_t>(p.time),
               cp,
               p.plate_color,
               p.direction,
               p.lane,
               static_cast<uint8_t>(std::min<uint16_t>(p.speed, 255))};
}

}  // namespace

void Store::ApplyCheckpoints(const std::vector<Checkpoint>& cps) {
    auto v = Current();
    auto table = std::make_shared<CheckpointTable>(*v->checkpoints);
    bool moved = false;  // a known checkpoint's coordinates changed: its pairs' speeds change
    auto same = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
    for (const auto& c : cps) {
        bool changed = false;
        Checkpoint& slot = table->list[InternCheckpoint(*table, c.id, &changed)];
        if (!changed && (!same(slot.latitude, c.latitude) || !same(slot.longitude, c.longitude))) moved = true;
        slot = c;
    }
    table->Rerank();
    auto nv = std::make_shared<Version>(*v);
    nv->checkpoints = std::move(table);
    if (moved || !nv->cloned) nv->cloned = cloned_->Rebuild(Snapshot(nv, &dict_));
    Publish(std::move(nv));
}

void Store::ApplyPasses(const std::vector<PassRecord>& batch, bool /*merge*/) {
    auto v = Current();
    std::shared_ptr<CheckpointTable> table;
    bool changed = false;
    std::map<int64_t, std::vector<Row>> by_block;
    std::vector<Row>* rows = nullptr;
    int64_t last_block = INT64_MIN;
    std::vector<std::string_view> plates(batch.size());
    std::vector<uint32_t> ids(batch.size());
    for (size_t i = 0; i < batch.size(); ++i) plates[i] = batch[i].plate;
    dict_.InternMany(plates.data(), plates.size(), ids.data());
    for (size_t i = 0; i < batch.size(); ++i) {
        const PassRecord& p = batch[i];
        std::optional<uint16_t> cp = (table ? table.get() : v->checkpoints.get())->Find(p.checkpoint_id);
        if (!cp) {
            if (!table) table = std::make_shared<CheckpointTable>(*v->checkpoints);
            cp = InternCheckpoint(*table, p.checkpoint_id, &changed);
        }
        const int64_t block = TimeBlock(p.time);
        if (block != last_block) {
            rows = &by_block[block];
            last_block = block;
        }
        rows->push_back(ToRow(p, ids[i], *cp));
    }
    auto nv = std::make_shared<Version>(*v);
    if (changed) {
        table->Rerank();
        nv->checkpoints = std::move(table);
    }
    for (const auto& [block, block_rows] : by_block) cloned_->Feed(block_rows, *nv->checkpoints, dict_.size());
    AddBlocks(*nv, by_block);
    nv->plate_count = dict_.size();
    nv->cloned = cloned_->Finish(Snapshot(nv, &dict_), v->cloned);
    Publish(std::move(nv));
}

void Store::Replay(std::string_view payload) {
    Reader r(payload);
    const auto type = r.Get<uint8_t>();
    const auto n = r.Get<uint32_t>();
    bool changed = false;
    if (type == kRecordPasses) {
        std::vector<std::string_view> plates;
        std::vector<Row> rows;
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
            plates.push_back(plate);
            rows.push_back(Row{0, time, cpi, color, dir, lane, static_cast<uint8_t>(std::min<uint16_t>(speed, 255))});
        }
        std::vector<uint32_t> ids(plates.size());
        dict_.InternMany(plates.data(), plates.size(), ids.data());
        std::vector<Row>* block_rows = nullptr;
        int64_t last_block = INT64_MIN;
        for (size_t i = 0; i < rows.size(); ++i) {
            rows[i].plate = ids[i];
            const int64_t block = TimeBlock(rows[i].time);
            if (block != last_block) {
                block_rows = &replay_rows_[block];
                last_block = block;
            }
            block_rows->push_back(rows[i]);
        }
    } else if (type == kRecordCheckpoints) {
        auto same = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
        for (uint32_t i = 0; i < n && r.ok(); ++i) {
            const Checkpoint c = GetCheckpoint(r);
            if (!r.ok()) break;
            bool fresh = false;
            Checkpoint& slot = replay_cps_->list[InternCheckpoint(*replay_cps_, c.id, &fresh)];
            // As ApplyCheckpoints: a known checkpoint's coordinates changing changes its pairs' speeds.
            if (!fresh && (!same(slot.latitude, c.latitude) || !same(slot.longitude, c.longitude))) {
                replay_moved_ = true;
            }
            slot = c;
        }
    }
}

void Store::FinishReplay() {
    auto nv = std::make_shared<Version>(*Current());
    replay_cps_->Rerank();
    nv->checkpoints = std::move(replay_cps_);
    nv->plate_count = dict_.size();
    if (nv->cloned && !replay_moved_) {
        // The snapshot's index plus the replayed records fed as batches (cloned_index.hpp): exactly what a scan
        // of the surviving passes gives, also after kill -9.
        for (const auto& [block, block_rows] : replay_rows_) cloned_->Feed(block_rows, *nv->checkpoints, dict_.size());
        AddBlocks(*nv, replay_rows_);
        nv->cloned = cloned_->Finish(Snapshot(nv, &dict_), nv->cloned);
    } else {
        AddBlocks(*nv, replay_rows_);
        nv->cloned = cloned_->Rebuild(Snapshot(nv, &dict_));
    }
    replay_rows_.clear();
    Publish(std::move(nv));
}

bool Store::DropLocked(int32_t day) {
    auto v = Current();
    auto nv = std::make_shared<Version>(*v);
    auto& parts = nv->partitions;
    auto it = std::find_if(parts.begin(), parts.end(), [day](const auto& p) { return p->day >= day; });
    if (it == parts.begin()) return false;
    for (auto p = parts.begin(); p != it; ++p) nv->pass_count -= (*p)->passes;
    parts.erase(parts.begin(), it);
    nv->cloned = cloned_->Drop(parts.empty() ? INT64_MAX : ChinaMidnightOfDay(parts.front()->day), v->cloned);
    Publish(std::move(nv));
    return true;
}

void Store::DropPartitionsBefore(int64_t cutoff) {
    std::lock_guard lock(write_mu_);
    DropLocked(ChinaDay(cutoff));
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
    s.last_upkeep_error = last_upkeep_error_;
    return s;
}

}  // namespace jw::analytics
