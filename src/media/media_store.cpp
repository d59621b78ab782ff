#include "media/media_store.hpp"

#include <array>
#include <ctime>
#include <map>
#include <mutex>

#include "common/crypto.hpp"

namespace jw::media {
namespace {

using storage::V;

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Base64 (RFC 4648) because the storage layer carries text: 4/3 of the sealed size, against 2 for hex.
std::string ToBase64(std::string_view in) {
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= in.size(); i += 3) {
        const uint32_t n = (uint32_t(uint8_t(in[i])) << 16) | (uint32_t(uint8_t(in[i + 1])) << 8) | uint8_t(in[i + 2]);
        for (int s = 18; s >= 0; s -= 6) out.push_back(kB64[(n >> s) & 63]);
    }
    if (i < in.size()) {
        uint32_t n = uint32_t(uint8_t(in[i])) << 16;
        if (i + 1 < in.size()) n |= uint32_t(uint8_t(in[i + 1])) << 8;
        out.push_back(kB64[(n >> 18) & 63]);
        out.push_back(kB64[(n >> 12) & 63]);
        out.push_back(i + 1 < in.size() ? kB64[(n >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

std::optional<std::string> FromBase64(std::string_view in) {
    static const std::array<int, 256> value = [] {
        std::array<int, 256> v{};
        v.fill(-1);
        for (int i = 0; i < 64; ++i) v[uint8_t(kB64[i])] = i;
        return v;
    }();
    if (in.size() % 4 != 0) return std::nullopt;
    std::string out;
    out.reserve(in.size() / 4 * 3);
    for (size_t i = 0; i < in.size(); i += 4) {
        uint32_t n = 0;
        int pad = 0;
        for (size_t k = 0; k < 4; ++k) {
            const char ch = in[i + k];
            if (ch == '=' && i + 4 == in.size() && k >= 2) {
                ++pad;
                n <<= 6;
                continue;
            }
            const int d = value[uint8_t(ch)];
            if (d < 0 || pad > 0) return std::nullopt;
            n = (n << 6) | uint32_t(d);
        }
        out.push_back(char(n >> 16));
        if (pad < 2) out.push_back(char((n >> 8) & 0xFF));
        if (pad < 1) out.push_back(char(n & 0xFF));
    }
    return out;
}

std::map<std::string, AccessCheck, std::less<>>& Checks() {
    static std::map<std::string, AccessCheck, std::less<>> checks;
    return checks;
}
std::mutex& ChecksMutex() {
    static std::mutex mu;
    return mu;
}

constexpr const char* kColumns =
    "media_id, content_type, bytes, width, height, sealed, uploaded_by, unit_id, owner_kind, owner_id, created_at";

MediaObject FromRow(const storage::Row& r) {
    MediaObject m;
    m.media_id = r.Str(0);
    m.content_type = r.Str(1);
    m.bytes = r.Int(2);
    m.width = int(r.Int(3));
    m.height = int(r.Int(4));
    m.sealed = r.Str(5);
    m.uploaded_by = r.Int(6);
    m.unit_id = r.Int(7);
    m.owner_kind = r.Opt(8);
    if (!r.IsNull(9)) m.owner_id = r.Int(9);
    m.created_at = r.Int(10);
    return m;
}

}  // namespace

MediaVault::MediaVault(std::string_view master_key) : key_(DeriveKey(master_key, "media.content")) {}

std::string MediaVault::Seal(std::string_view image) const { return ToBase64(Sm4Encrypt(key_, image)); }

Result<std::string> MediaVault::Open(std::string_view sealed) const {
    auto raw = FromBase64(sealed);
    std::string plain = raw ? Sm4Decrypt(key_, *raw) : std::string();
    if (plain.empty()) return Status::Internal("media: a photo cannot be decrypted (wrong key file?)");
    return plain;
}

std::string NewMediaId() { return "m" + RandomToken(16); }

bool IsMediaId(std::string_view text) {
    if (text.size() != 33 || text[0] != 'm') return false;
    for (char ch : text.substr(1))
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
    return true;
}

Status InsertMedia(storage::Connection& c, const MediaObject& m) {
    return c.Exec(std::string("INSERT INTO media_objects (") + kColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {V(m.media_id), V(m.content_type), V(m.bytes), V(m.width), V(m.height), V(m.sealed), V(m.uploaded_by),
                   V(m.unit_id), V(m.owner_kind), m.owner_id ? V(*m.owner_id) : storage::Null(), V(m.created_at)});
}

Result<MediaObject> LoadMedia(storage::Connection& c, std::string_view media_id) {
    auto row = c.QueryOne(std::string("SELECT ") + kColumns + " FROM media_objects WHERE media_id = ?", {V(media_id)});
    if (!row.ok()) return row.status().code() == ErrorCode::kNotFound ? Status::NotFound("media") : row.status();
    return FromRow(*row);
}

Status Attach(storage::Connection& tx, std::string_view media_id, std::string_view owner_kind, int64_t owner_id,
              int64_t by, std::string_view field) {
    const std::string f(field);
    auto row =
        tx.Query("SELECT uploaded_by, owner_kind, owner_id FROM media_objects WHERE media_id = ?", {V(media_id)});
    if (!row.ok()) return row.status();
    if (row->empty()) return Status(ErrorCode::kInvalidArgument, "no such photo", {{f, "not_found"}});
    const storage::Row& r = row->front();
    if (!r.IsNull(1)) {
        if (r.Str(1) == owner_kind && r.Int(2) == owner_id) return Status::Ok();
        return Status(ErrorCode::kInvalidArgument, "the photo belongs to another record", {{f, "attached_elsewhere"}});
    }
    if (r.Int(0) != by) return Status(ErrorCode::kInvalidArgument, "no such photo", {{f, "not_found"}});
    return tx.Exec(
        "UPDATE media_objects SET owner_kind = ?, owner_id = ?, attached_by = ?, attached_at = ? "
        "WHERE media_id = ? AND owner_kind IS NULL",
        {V(owner_kind), V(owner_id), V(by), V(int64_t(std::time(nullptr))), V(media_id)});
}

void RegisterAccessCheck(std::string owner_kind, AccessCheck check) {
    std::lock_guard lock(ChecksMutex());
    Checks()[std::move(owner_kind)] = std::move(check);
}

Result<bool> MayRead(storage::Connection& c, const auth::Principal& who, const MediaObject& m) {
    if (!m.owner_kind) return m.uploaded_by == who.user_id;
    AccessCheck check;
    {
        std::lock_guard lock(ChecksMutex());
        auto it = Checks().find(*m.owner_kind);
        if (it == Checks().end()) return false;
        check = it->second;
    }
    return check(c, who, m.owner_id.value_or(0));
}

Result<int64_t> PurgeUnattached(storage::Connection& c, int64_t before) {
    auto n = c.QueryOne("SELECT COUNT(*) FROM media_objects WHERE owner_kind IS NULL AND created_at < ?", {V(before)});
    if (!n.ok()) return n.status();
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM media_objects WHERE owner_kind IS NULL AND created_at < ?", {V(before)}));
    return n->Int(0);
}

}  // namespace jw::media
