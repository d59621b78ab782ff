#include "audit/chain_anchor.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/crypto.hpp"

namespace jw::audit {

namespace {

constexpr const char* kMagic = "jwa1";

std::string Line(std::string_view key, std::string_view kind, int64_t id, std::string_view hash) {
    std::string line = std::string(kMagic) + " " + std::string(kind) + " " + std::to_string(id) + " " +
                       std::string(hash) + " " + AnchorMac(key, kind, id, hash) + "\n";
    return line;
}

Status WriteAll(int fd, const std::string& data, const std::string& what) {
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Status(ErrorCode::kUnavailable, what + ": " + std::strerror(errno));
        done += static_cast<size_t>(n);
    }
    if (::fdatasync(fd) != 0) return Status(ErrorCode::kUnavailable, what + ": fdatasync: " + std::strerror(errno));
    return Status::Ok();
}

// A new file's name must reach the disk too, or a crash could lose the file with its `from` line.
void SyncDirectoryOf(const std::string& path) {
    std::string dir = std::filesystem::path(path).parent_path().string();
    if (dir.empty()) dir = ".";
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

bool ParseId(const std::string& text, int64_t* out) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    *out = std::stoll(text);
    return true;
}

}  // namespace

std::string AnchorMac(std::string_view key, std::string_view kind, int64_t id, std::string_view hash) {
    const std::string content =
        std::string(kMagic) + "\x1f" + std::string(kind) + "\x1f" + std::to_string(id) + "\x1f" + std::string(hash);
    return HmacSm3Hex(key, content).substr(0, 32);
}

Result<std::unique_ptr<ChainAnchor>> ChainAnchor::Open(const std::string& path, std::string key, int64_t next_id,
                                                       const std::string& head_hash) {
    const std::string what = "audit anchor " + path;
    int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        Status s = WriteAll(fd, Line(key, "from", next_id, head_hash), what);
        if (!s.ok()) {
            ::close(fd);
            return s;
        }
        SyncDirectoryOf(path);
    } else if (errno == EEXIST) {
        fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
        if (fd < 0) return Status(ErrorCode::kUnavailable, what + ": " + std::strerror(errno));
        // A copied or restored file may have lost its mode; the anchor is for the server's user only.
        (void)::fchmod(fd, 0600);
    } else {
        return Status(ErrorCode::kUnavailable, what + ": " + std::strerror(errno));
    }
    return std::unique_ptr<ChainAnchor>(new ChainAnchor(fd, std::move(key)));
}

ChainAnchor::~ChainAnchor() {
    if (fd_ >= 0) ::close(fd_);
}

Status ChainAnchor::AppendHead(int64_t id, const std::string& hash) {
    return WriteAll(fd_, Line(key_, "head", id, hash), "audit anchor");
}

Result<AnchorState> ReadAnchor(const std::string& path, std::string_view key) {
    AnchorState st;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return st;
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::kUnavailable, "cannot read the audit anchor " + path);
    st.present = true;
    // Streamed: the file grows by one line per committed batch for the life of the database.
    std::string line;
    while (std::getline(in, line)) {
        if (in.eof()) break;  // no newline: a write cut short by a crash, never acknowledged
        ++st.lines;
        std::istringstream fields(line);
        std::string magic, kind, id_text, hash, mac, extra;
        fields >> magic >> kind >> id_text >> hash >> mac;
        int64_t id = 0;
        const bool well_formed = magic == kMagic && (kind == "from" || kind == "head") && ParseId(id_text, &id) &&
                                 hash.size() == 64 && !(fields >> extra);
        if (!well_formed || !ConstantTimeEquals(mac, AnchorMac(key, kind, id, hash))) {
            if (st.bad_line == 0) st.bad_line = st.lines;
            continue;
        }
        if (kind == "from") {
            ++st.from_lines;
            if (!st.from) {
                st.from = id;
                st.from_prev_hash = hash;
            }
        } else if (!st.head_id || id > *st.head_id) {
            st.head_id = id;
            st.head_hash = hash;
        }
    }
    return st;
}

}  // namespace jw::audit
