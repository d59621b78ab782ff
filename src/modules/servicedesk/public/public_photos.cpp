// Photos on the public form (public_photos.hpp).
#include "servicedesk/public/public_photos.hpp"

#include <memory>

#include "common/civil_time.hpp"
#include "common/rate_limiter.hpp"
#include "media/image_check.hpp"
#include "media/media_store.hpp"
#include "publicauth/public_auth.hpp"
#include "servicedesk/public/public_progress.hpp"

namespace jw::servicedesk {
namespace {

using http::Reply;
using http::Request;

struct Limits {
    RateLimiter per_client{kMaxPhotosPerClient, kPhotoWindowSeconds};
    RateLimiter per_filer{kMaxPhotosPerFiler, kPhotoWindowSeconds};
};

Result<Reply> UploadHandler(const std::shared_ptr<const media::MediaVault>& vault, Limits& limits, Request& req) {
    const int64_t now = NowUnix();
    JW_ASSIGN_OR_RETURN(publicauth::PublicPerson who, publicauth::FromRequest(req, kPublicPurpose, now));
    if (!limits.per_client.Allow(req.client, now) || !limits.per_filer.Allow(who.subject, now))
        return TooMany(req, kPhotoWindowSeconds);
    auto type = req.headers.find("content-type");
    JW_ASSIGN_OR_RETURN(media::CheckedImage image,
                        media::CheckImage(type == req.headers.end() ? "" : type->second, req.body));
    media::MediaObject m;
    m.media_id = media::NewMediaId();
    m.content_type = image.content_type;
    m.bytes = int64_t(image.bytes.size());
    m.width = image.width;
    m.height = image.height;
    m.sealed = vault->Seal(image.bytes);
    m.uploaded_by = 0;  // the public: only the public form attaches it (intake.cpp, Register with user 0)
    m.unit_id = 0;
    m.created_at = now;
    Reply r;
    r.status = 201;
    r.audit_object = "media:" + m.media_id;
    r.audit_detail = "public " + m.content_type + " " + std::to_string(m.bytes) + " bytes";
    r.body = {{"media_id", m.media_id}, {"width", m.width}, {"height", m.height}, {"bytes", m.bytes}};
    r.write = [m = std::move(m)](storage::Connection& c, audit::AuditEntry&, Reply&) {
        return media::InsertMedia(c, m);
    };
    return r;
}

}  // namespace

void RegisterPublicPhotoRoutes(http::Router& router, const std::string& master_key) {
    auto vault = std::make_shared<const media::MediaVault>(master_key);
    auto limits = std::make_shared<Limits>();
    router.Add({"POST", "/api/v1/public/service-photos", "public", "servicedesk.public_photo",
                [vault, limits](Request& r) { return UploadHandler(vault, *limits, r); }});
}

}  // namespace jw::servicedesk
