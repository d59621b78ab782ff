#include "analytics/append_log.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>

namespace jw::analytics {
namespace {

constexpr std::string_view kMagic = "JWPASS01";

// Slice-by-8 tables: table[k][b] is the CRC of byte b followed by k zero bytes.
std::array<std::array<uint32_t, 256>, 8> MakeCrcTables() {
    std::array<std::array<uint32_t, 256>, 8> t{};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; ++i) {
        for (int k = 1; k < 8; ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
    }
    return t;
}

Status IoError(const std::string& what, const std::string& path) {
    return Status::Internal(what + " " + path + ": " + std::strerror(errno));
}

bool WriteAll(int fd, const char* p, size_t n) {
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<size_t>(w);
    }
    return true;
}

uint32_t Le32(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

}  // namespace

uint32_t Crc32(std::string_view data) {
    static const auto t = MakeCrcTables();
    uint32_t c = 0xFFFFFFFFu;
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    size_t n = data.size();
    for (; n >= 8; n -= 8, p += 8) {  // little-endian hosts only (as the log format)
        uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + 4, 4);
        lo ^= c;
        c = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^ t[3][hi & 0xFF] ^
            t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
    }
    for (; n > 0; --n, ++p) c = t[0][(c ^ *p) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

namespace {

constexpr std::string_view kMagicEpoch = "JWPASS02";

std::string Header(uint64_t epoch) {
    if (epoch == 0) return std::string(kMagic);
    std::string h(kMagicEpoch);
    h.append(reinterpret_cast<const char*>(&epoch), 8);
    return h;
}

// Parses a header: {epoch, header size}; {0, 0} when too short to tell; nullopt when foreign.
std::optional<std::pair<uint64_t, size_t>> ParseHeader(std::string_view data) {
    if (data.size() < kMagic.size()) return std::make_pair(uint64_t{0}, size_t{0});
    if (data.substr(0, 8) == kMagic) return std::make_pair(uint64_t{0}, size_t{8});
    if (data.substr(0, 8) != kMagicEpoch) return std::nullopt;
    if (data.size() < 16) return std::make_pair(uint64_t{0}, size_t{0});
    uint64_t e;
    std::memcpy(&e, data.data() + 8, 8);
    return std::make_pair(e, size_t{16});
}

bool ReadAt(int fd, char* p, size_t n, uint64_t off) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = ::pread(fd, p + got, n - got, static_cast<off_t>(off + got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        got += static_cast<size_t>(r);
    }
    return true;
}

}  // namespace

Result<std::optional<uint64_t>> AppendLog::PeekEpoch(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return std::optional<uint64_t>();
        return IoError("cannot open", path);
    }
    char buf[16];
    ssize_t n = ::pread(fd, buf, sizeof buf, 0);
    ::close(fd);
    if (n < 0) return IoError("cannot read", path);
    auto h = ParseHeader(std::string_view(buf, static_cast<size_t>(n)));
    if (!h) return Status::Internal(path + " is not a Jingwu pass log");
    if (h->second == 0) return std::optional<uint64_t>();
    return std::optional<uint64_t>(h->first);
}

Result<std::unique_ptr<AppendLog>> AppendLog::Open(const std::string& path, bool sync,
                                                   const std::function<void(std::string_view)>& replay,
                                                   LogOpenStats* stats, uint64_t start_offset, uint64_t new_epoch,
                                                   const std::function<uint64_t(std::string_view)>& count_lost) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return IoError("cannot open", path);
    std::unique_ptr<AppendLog> log(new AppendLog(fd, 0, sync));
    log->path_ = path;
    struct stat st {};
    if (::fstat(fd, &st) != 0) return IoError("cannot stat", path);
    const auto file_size = static_cast<uint64_t>(st.st_size);
    std::string head(std::min<uint64_t>(16, file_size), '\0');
    if (!ReadAt(fd, head.data(), head.size(), 0)) return IoError("cannot read", path);
    const auto h = ParseHeader(head);
    if (!h) return Status::Internal(path + " is not a Jingwu pass log");
    LogOpenStats local;
    uint64_t pos = 0;
    if (h->second != 0) {
        log->epoch_ = h->first;
        if (start_offset > file_size) return Status::Internal(path + " is shorter than its snapshot says");
        pos = std::max<uint64_t>(h->second, start_offset);
        std::string data(file_size - pos, '\0');
        if (!ReadAt(fd, data.data(), data.size(), pos)) return IoError("cannot read", path);
        size_t at = 0;
        while (data.size() - at >= 8) {
            const uint32_t len = Le32(data.data() + at);
            const uint32_t crc = Le32(data.data() + at + 4);
            if (data.size() - at - 8 < len) break;
            std::string_view payload(data.data() + at + 8, len);
            if (Crc32(payload) != crc) break;
            replay(payload);
            ++local.records;
            at += 8 + len;
        }
        // What the tail held, by its record headers (a corrupt length simply ends the walk).
        for (size_t t = at; t < data.size();) {
            ++local.records_truncated;
            if (data.size() - t < 8) break;
            const uint32_t len = Le32(data.data() + t);
            const size_t have = std::min<size_t>(len, data.size() - t - 8);
            if (count_lost) local.passes_truncated += count_lost(std::string_view(data.data() + t + 8, have));
            t += 8 + size_t{len};
        }
        pos += at;
    } else if (start_offset > 0) {
        return Status::Internal(path + " is shorter than its snapshot says");
    }
    // A file shorter than its header is a torn creation: start it afresh.
    if (pos == 0) {
        log->epoch_ = new_epoch;
        const std::string hdr = Header(new_epoch);
        if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, hdr.data(), hdr.size(), 0) != ssize_t(hdr.size())) {
            return IoError("cannot initialise", path);
        }
        local.bytes_truncated = file_size;
        pos = hdr.size();
        if (sync && ::fsync(fd) != 0) return IoError("cannot sync", path);
    } else if (pos < file_size) {
        local.bytes_truncated = file_size - pos;
        if (::ftruncate(fd, static_cast<off_t>(pos)) != 0) return IoError("cannot truncate", path);
        if (sync && ::fsync(fd) != 0) return IoError("cannot sync", path);
    }
    local.bytes_kept = pos;
    if (::lseek(fd, static_cast<off_t>(pos), SEEK_SET) < 0) return IoError("cannot seek", path);
    log->size_ = pos;
    if (stats) *stats = local;
    return log;
}

Status AppendLog::Restart(uint64_t new_epoch) {
    const std::string tmp = path_ + ".tmp";
    int fd = ::open(tmp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return IoError("cannot create", tmp);
    const std::string hdr = Header(new_epoch);
    if (!WriteAll(fd, hdr.data(), hdr.size()) || ::fsync(fd) != 0) {
        Status st = IoError("cannot write", tmp);
        ::close(fd);
        ::unlink(tmp.c_str());
        return st;
    }
    if (::rename(tmp.c_str(), path_.c_str()) != 0) {
        Status st = IoError("cannot rename", tmp);
        ::close(fd);
        return st;
    }
    const std::string dir = std::filesystem::path(path_).parent_path().string();
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
    }
    ::close(fd_);
    fd_ = fd;
    epoch_ = new_epoch;
    size_ = hdr.size();
    return Status::Ok();
}

AppendLog::~AppendLog() { ::close(fd_); }

Status AppendLog::Append(std::string_view payload) {
    std::string rec(8, '\0');
    const uint32_t len = static_cast<uint32_t>(payload.size());
    const uint32_t crc = Crc32(payload);
    std::memcpy(rec.data(), &len, 4);
    std::memcpy(rec.data() + 4, &crc, 4);
    rec.append(payload);
    if (!WriteAll(fd_, rec.data(), rec.size()) || (sync_ && ::fdatasync(fd_) != 0)) {
        Status st = Status::Internal(std::string("pass log write failed: ") + std::strerror(errno));
        // Cut back so a later record does not follow a partial one.
        if (::ftruncate(fd_, static_cast<off_t>(size_)) == 0) (void)::lseek(fd_, static_cast<off_t>(size_), SEEK_SET);
        return st;
    }
    size_ += rec.size();
    return Status::Ok();
}

}  // namespace jw::analytics
