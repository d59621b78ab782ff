#pragma once
// Photos at rest and who may read them (ADR 0033). All SQL of media_objects; the sealing of the bytes; the
// registry of access checks that modules fill at start-up.
//
// Reading rule (MayRead): a photo not yet attached is readable by its uploader only; an attached photo by whoever
// passes the access check its owner module registered for owner_kind (e.g. "community.house": the house's read
// permission and unit scope), so a photo reached by its media_id is guarded exactly like the record it shows.
// An owner kind without a registered check is readable by nobody. Callers answer every refusal with the same
// NotFound as an unknown id, so a media_id reveals nothing.
//
// Thread safety: RegisterAccessCheck during start-up only (before requests are served); everything else is
// thread-safe. A MediaVault is immutable.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/principal.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::media {
namespace schema {
// schema/001_media.sql and permissions.csv (jw_embed).
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}  // namespace schema

struct MediaObject {
    std::string media_id;  // "m" + 32 hex characters (128 random bits)
    std::string content_type;
    int64_t bytes = 0;
    int width = 0, height = 0;
    std::string sealed;  // base64(IV ‖ SM4-CBC(image))
    int64_t uploaded_by = 0, unit_id = 0;
    std::optional<std::string> owner_kind;
    std::optional<int64_t> owner_id;
    int64_t created_at = 0;
};

// SM4 under DeriveKey(master, "media.content"), the image's own key purpose (ADR 0017, 0033).
class MediaVault {
  public:
    explicit MediaVault(std::string_view master_key);
    std::string Seal(std::string_view image) const;
    // Internal "media: a photo cannot be decrypted (wrong key file?)" on anything this key did not seal.
    Result<std::string> Open(std::string_view sealed) const;

  private:
    std::string key_;
};

std::string NewMediaId();
// Whether `text` has the form of a media id (callers answer NotFound otherwise, before any SQL).
bool IsMediaId(std::string_view text);

// Error: the database's (Conflict on a repeated media_id).
Status InsertMedia(storage::Connection& c, const MediaObject& m);
// NotFound("media") when absent.
Result<MediaObject> LoadMedia(storage::Connection& c, std::string_view media_id);

// Attaches an uploaded photo to a record: the caller's transaction, so the record and its photo commit together.
// Idempotent for the same owner. Errors (InvalidArgument naming `field`): `not_found` when the id is unknown or
// was uploaded by someone other than `by` (the same answer: reveal nothing), `attached_elsewhere` when it already
// belongs to another record; the database's.
Status Attach(storage::Connection& tx, std::string_view media_id, std::string_view owner_kind, int64_t owner_id,
              int64_t by, std::string_view field = "photo_media_id");

// Whether `who` may read the record `owner_id` of this kind. Called inside MayRead with a pooled connection.
using AccessCheck = std::function<Result<bool>(storage::Connection&, const auth::Principal&, int64_t owner_id)>;
void RegisterAccessCheck(std::string owner_kind, AccessCheck check);
Result<bool> MayRead(storage::Connection& c, const auth::Principal& who, const MediaObject& m);

// Deletes photos never attached and uploaded before `before` (abandoned forms). Returns how many went.
Result<int64_t> PurgeUnattached(storage::Connection& c, int64_t before);

}  // namespace jw::media
