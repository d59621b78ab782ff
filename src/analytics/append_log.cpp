#include "analytics/append_log.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>

namespace jw::analytics {
namespace {

constexpr std::string_view kMagic = "JWPASS01";

std::array<uint32_t, 256> MakeCrcTable() {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[i] = c;
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
    static const std::array<uint32_t, 256> table = MakeCrcTable();
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char ch : data) c = table[(c ^ ch) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

Result<std::unique_ptr<AppendLog>> AppendLog::Open(const std::string& path, bool sync,
                                                   const std::function<void(std::string_view)>& replay,
                                                   LogOpenStats* stats) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0) return IoError("cannot open", path);
    std::unique_ptr<AppendLog> log(new AppendLog(fd, 0, sync));
    struct stat st {};
    if (::fstat(fd, &st) != 0) return IoError("cannot stat", path);
    std::string data(static_cast<size_t>(st.st_size), '\0');
    size_t got = 0;
    while (got < data.size()) {
        ssize_t r = ::pread(fd, data.data() + got, data.size() - got, static_cast<off_t>(got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return IoError("cannot read", path);
        got += static_cast<size_t>(r);
    }
    LogOpenStats local;
    size_t pos = 0;
    if (data.size() >= kMagic.size()) {
        if (std::string_view(data).substr(0, kMagic.size()) != kMagic) {
            return Status::Internal(path + " is not a Jingwu pass log");
        }
        pos = kMagic.size();
        while (data.size() - pos >= 8) {
            const uint32_t len = Le32(data.data() + pos);
            const uint32_t crc = Le32(data.data() + pos + 4);
            if (data.size() - pos - 8 < len) break;
            std::string_view payload(data.data() + pos + 8, len);
            if (Crc32(payload) != crc) break;
            replay(payload);
            ++local.records;
            pos += 8 + len;
        }
    }
    // A file shorter than the magic is a torn creation: start it afresh.
    if (pos == 0) {
        if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, kMagic.data(), kMagic.size(), 0) != ssize_t(kMagic.size())) {
            return IoError("cannot initialise", path);
        }
        local.bytes_truncated = data.size();
        pos = kMagic.size();
        if (sync && ::fsync(fd) != 0) return IoError("cannot sync", path);
    } else if (pos < data.size()) {
        local.bytes_truncated = data.size() - pos;
        if (::ftruncate(fd, static_cast<off_t>(pos)) != 0) return IoError("cannot truncate", path);
        if (sync && ::fsync(fd) != 0) return IoError("cannot sync", path);
    }
    local.bytes_kept = pos;
    if (::lseek(fd, static_cast<off_t>(pos), SEEK_SET) < 0) return IoError("cannot seek", path);
    log->size_ = pos;
    if (stats) *stats = local;
    return log;
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
