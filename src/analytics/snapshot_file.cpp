#include "analytics/snapshot_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "analytics/append_log.hpp"
#include "analytics/codec.hpp"

namespace jw::analytics {
namespace {

constexpr std::string_view kMagicV1 = "JWSNAP01";  // no cloned section
constexpr std::string_view kMagic = "JWSNAP02";
constexpr size_t kHeader = 8 + 8 + 4;

Status IoError(const std::string& what, const std::string& path) {
    return Status::Internal(what + " " + path + ": " + std::strerror(errno));
}

Status Corrupt(const std::string& path, const std::string& why) {
    return Status::Internal("snapshot " + path + " is unusable: " + why);
}

}  // namespace

std::string SnapshotPath(const std::string& dir) { return (std::filesystem::path(dir) / "passes.jwsnap").string(); }

Status SaveSnapshot(const std::string& dir, const Version& v, const PlateDictionary& dict, uint64_t log_epoch,
                    uint64_t log_offset, const std::vector<detail::Hit>& cloned_last) {
    Writer w;
    w.Put(log_epoch);
    w.Put(log_offset);
    w.Put(v.plate_count);
    for (uint32_t id = 0; id < v.plate_count; ++id) {
        const std::string_view p = dict.Get(id);
        w.Put(static_cast<uint8_t>(p.size()));
        w.out().append(p);
    }
    w.Put(static_cast<uint32_t>(v.checkpoints->list.size()));
    for (const auto& c : v.checkpoints->list) PutCheckpoint(w, c);
    w.Put(static_cast<uint32_t>(v.partitions.size()));
    for (const auto& p : v.partitions) {
        w.Put(p->day);
        w.Put(p->passes);
        w.Put(static_cast<uint32_t>(p->segments.size()));
        for (const auto& s : p->segments) s->Serialize(w);
    }
    // The cloned index (times and checkpoints apart: Hit has padding bytes, which would make the file vary).
    w.Vec(v.cloned ? v.cloned->pairs : std::vector<ClonedPair>{});
    std::vector<uint32_t> last_time(cloned_last.size());
    std::vector<uint16_t> last_cp(cloned_last.size());
    for (size_t i = 0; i < cloned_last.size(); ++i) {
        last_time[i] = cloned_last[i].time;
        last_cp[i] = cloned_last[i].cp;
    }
    w.Vec(last_time);
    w.Vec(last_cp);
    const std::string& body = w.out();
    std::string head(kMagic);
    const uint64_t len = body.size();
    const uint32_t crc = Crc32(body);
    head.append(reinterpret_cast<const char*>(&len), 8);
    head.append(reinterpret_cast<const char*>(&crc), 4);

    const std::string path = SnapshotPath(dir), tmp = path + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return IoError("cannot create", tmp);
    auto write_all = [fd](std::string_view s) {
        while (!s.empty()) {
            ssize_t n = ::write(fd, s.data(), s.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            s.remove_prefix(static_cast<size_t>(n));
        }
        return true;
    };
    if (!write_all(head) || !write_all(body) || ::fsync(fd) != 0) {
        Status st = IoError("cannot write", tmp);
        ::close(fd);
        ::unlink(tmp.c_str());
        return st;
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) return IoError("cannot rename", tmp);
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return IoError("cannot open", dir);
    const bool synced = ::fsync(dfd) == 0;
    ::close(dfd);
    if (!synced) return IoError("cannot sync", dir);
    return Status::Ok();
}

Result<std::optional<SnapshotImage>> LoadSnapshot(const std::string& dir) {
    const std::string path = SnapshotPath(dir);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return std::optional<SnapshotImage>();
        return IoError("cannot open", path);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return IoError("cannot stat", path);
    }
    std::string data(static_cast<size_t>(st.st_size), '\0');
    size_t got = 0;
    while (got < data.size()) {
        ssize_t r = ::pread(fd, data.data() + got, data.size() - got, static_cast<off_t>(got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += static_cast<size_t>(r);
    }
    ::close(fd);
    if (got < data.size()) return IoError("cannot read", path);
    const std::string_view magic = data.size() >= kHeader ? std::string_view(data).substr(0, 8) : "";
    if (magic != kMagic && magic != kMagicV1) return Corrupt(path, "bad header");
    uint64_t len;
    uint32_t crc;
    std::memcpy(&len, data.data() + 8, 8);
    std::memcpy(&crc, data.data() + 16, 4);
    if (len != data.size() - kHeader) return Corrupt(path, "torn (length mismatch)");
    const std::string_view body = std::string_view(data).substr(kHeader);
    if (Crc32(body) != crc) return Corrupt(path, "checksum mismatch");

    Reader r(body);
    SnapshotImage img;
    img.log_epoch = r.Get<uint64_t>();
    img.log_offset = r.Get<uint64_t>();
    const auto plates = r.Get<uint32_t>();
    img.plates.reserve(std::min<uint32_t>(plates, body.size()));
    for (uint32_t i = 0; i < plates && r.ok(); ++i) img.plates.emplace_back(r.Bytes(r.Get<uint8_t>()));
    img.checkpoints = std::make_shared<CheckpointTable>();
    const auto cps = r.Get<uint32_t>();
    for (uint32_t i = 0; i < cps && r.ok(); ++i) {
        Checkpoint c = GetCheckpoint(r);
        if (i >= UINT16_MAX || !img.checkpoints->index.emplace(c.id, static_cast<uint16_t>(i)).second) {
            return Corrupt(path, "bad checkpoint table");
        }
        img.checkpoints->list.push_back(std::move(c));
    }
    img.checkpoints->Rerank();
    const auto parts = r.Get<uint32_t>();
    for (uint32_t i = 0; i < parts && r.ok(); ++i) {
        auto p = std::make_shared<Partition>();
        p->day = r.Get<int32_t>();
        p->passes = r.Get<uint64_t>();
        const auto segs = r.Get<uint32_t>();
        uint64_t rows = 0;
        for (uint32_t k = 0; k < segs && r.ok(); ++k) {
            auto seg = Segment::Deserialize(r);
            if (!seg) return Corrupt(path, "bad segment");
            for (size_t run = 0; run < seg->run_count(); ++run) {
                if (seg->run_plate(run) >= plates) return Corrupt(path, "plate id out of range");
            }
            for (size_t row = 0; row < seg->size(); ++row) {
                if (seg->checkpoint(row) >= cps) return Corrupt(path, "checkpoint out of range");
            }
            rows += seg->size();
            p->segments.push_back(std::move(seg));
        }
        if (rows != p->passes) return Corrupt(path, "partition count mismatch");
        img.partitions.push_back(std::move(p));
    }
    if (magic == kMagic) {
        auto cloned = std::make_shared<ClonedPairs>();
        cloned->pairs = r.Vec<ClonedPair>();
        const auto last_time = r.Vec<uint32_t>();
        const auto last_cp = r.Vec<uint16_t>();
        if (!r.ok() || last_time.size() != last_cp.size() || last_time.size() > plates) {
            return Corrupt(path, "bad cloned index");
        }
        for (const ClonedPair& p : cloned->pairs) {
            if (p.plate >= plates || p.a_cp >= cps || p.b_cp >= cps) return Corrupt(path, "bad cloned pair");
        }
        img.cloned_last.resize(last_time.size());
        for (size_t i = 0; i < last_time.size(); ++i) {
            if (last_cp[i] >= cps && last_cp[i] != UINT16_MAX) return Corrupt(path, "bad cloned chain");
            img.cloned_last[i] = detail::Hit{last_time[i], last_cp[i]};
        }
        img.cloned = std::move(cloned);
    }
    if (!r.ok()) return Corrupt(path, "truncated body");
    return std::optional<SnapshotImage>(std::move(img));
}

}  // namespace jw::analytics
