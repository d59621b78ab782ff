#include "media/media_handlers.hpp"

#include <memory>

#include "common/civil_time.hpp"
#include "idempotency/idempotency.hpp"
#include "media/image_check.hpp"
#include "media/media_store.hpp"

namespace jw::media {
namespace {

using http::Reply;
using http::Request;

Result<Reply> UploadHandler(const std::shared_ptr<const MediaVault>& vault, Request& req) {
    auto type = req.headers.find("content-type");
    JW_ASSIGN_OR_RETURN(CheckedImage image, CheckImage(type == req.headers.end() ? "" : type->second, req.body));
    MediaObject m;
    m.media_id = NewMediaId();
    m.content_type = image.content_type;
    m.bytes = int64_t(image.bytes.size());
    m.width = image.width;
    m.height = image.height;
    m.sealed = vault->Seal(image.bytes);  // here, on a network thread, not on the single writer
    m.uploaded_by = req.principal->user_id;
    m.unit_id = req.principal->unit_id;
    m.created_at = NowUnix();
    Reply r;
    r.status = 201;
    r.audit_object = "media:" + m.media_id;
    r.audit_detail = m.content_type + " " + std::to_string(m.bytes) + " bytes, " +
                     std::to_string(image.stripped_bytes) + " bytes of metadata removed";
    r.body = {{"media_id", m.media_id},
              {"content_type", m.content_type},
              {"width", m.width},
              {"height", m.height},
              {"bytes", m.bytes}};
    r.write = [m = std::move(m)](storage::Connection& c, audit::AuditEntry&, Reply&) { return InsertMedia(c, m); };
    return r;
}

Result<Reply> ReadHandler(storage::Database& db, const std::shared_ptr<const MediaVault>& vault, Request& req) {
    const std::string id = req.params["media_id"];
    if (!IsMediaId(id)) return Status::NotFound("media");
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    auto m = LoadMedia(**c, id);
    if (!m.ok()) return m.status();
    JW_ASSIGN_OR_RETURN(bool allowed, MayRead(**c, *req.principal, *m));
    if (!allowed) return Status::NotFound("media");  // the same answer as an unknown id
    JW_ASSIGN_OR_RETURN(std::string bytes, vault->Open(m->sealed));
    Reply r;
    r.raw = std::move(bytes);
    r.content_type = m->content_type;
    r.headers.push_back({"Cache-Control", "private, no-store"});
    r.audit_object = "media:" + id;
    r.audit_detail = m->owner_kind ? *m->owner_kind + ":" + std::to_string(m->owner_id.value_or(0)) : "unattached";
    return r;
}

}  // namespace

void RegisterMediaRoutes(http::Router& router, storage::Database& db, std::string_view master_key) {
    auto vault = std::make_shared<const MediaVault>(master_key);
    storage::Database* d = &db;
    // Exactly once per Idempotency-Key (ADR 0053): the phone resends a photo taken offline until it hears the reply
    // (issue 15, ADR 0059); a resend answers the first media_id and stores nothing twice.
    router.Add(
        {"POST", "/api/v1/media", "media.upload", "media.upload",
         idempotency::Once(db, std::string(master_key), [vault](Request& req) { return UploadHandler(vault, req); })});
    router.Add({"GET", "/api/v1/media/:media_id", "", "media.read",
                [d, vault](Request& req) { return ReadHandler(*d, vault, req); }});
}

}  // namespace jw::media
