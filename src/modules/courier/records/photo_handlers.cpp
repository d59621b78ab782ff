// Parcel photos (验视 photos of the opened parcel, the parcel, an ID card) and who may see them (issue 17): a
// parcel's photos are part of its full record, so they are read the way the full record is — courier.search with a
// purpose and a case number, audited with both (GET /api/v1/courier/records/:id/photos[/:media_id]), and the photo
// must be one of that record's. No other way in:
//   - the shared GET /api/v1/media/:media_id carries no purpose, so the access check registered for kind
//     courier_record refuses everyone (the same 404 as an unknown id; ADR 0033);
//   - outlet and company accounts never reach either route (the dispatcher's central refusal of external
//     accounts, ADR 0051): a clerk's photo leaves the phone and is the police's from then on.
// Every refusal of a photo is the same 404 as an unknown one, so an id reveals nothing.
#include <memory>

#include "courier/courier_handlers.hpp"
#include "courier/records/record_repository.hpp"
#include "courier/supervision/area_scope.hpp"
#include "http/params.hpp"
#include "media/media_store.hpp"

namespace jw::courier {
namespace {
using http::Reply;
using http::Request;

constexpr const char* kOwnerKind = "courier_record";

Result<Reply> ListPhotos(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto outlet, RecordOutlet(*c, id));
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    if (!outlet || !InScope(area, *outlet)) return Status::NotFound("courier_record");
    JW_ASSIGN_OR_RETURN(auto photos, RecordPhotos(*c, id));
    Json items = Json::array();
    for (const auto& p : photos) items.push_back({{"media_id", p.media_id}, {"kind", p.kind}});
    Reply r = Reply::Json200({{"items", items}});
    r.audit_object = "courier_record:" + std::to_string(id);
    return r;
}

Result<Reply> ReadPhoto(const Deps& d, const std::shared_ptr<const media::MediaVault>& vault, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    const std::string media_id = req.params["media_id"];
    if (!media::IsMediaId(media_id)) return Status::NotFound("media");
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto outlet, RecordOutlet(*c, id));
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    if (!outlet || !InScope(area, *outlet)) return Status::NotFound("media");
    JW_ASSIGN_OR_RETURN(auto photos, RecordPhotos(*c, id));
    bool ours = false;
    for (const auto& p : photos) ours = ours || p.media_id == media_id;
    if (!ours) return Status::NotFound("media");
    JW_ASSIGN_OR_RETURN(media::MediaObject m, media::LoadMedia(*c, media_id));
    if (m.owner_kind != kOwnerKind || m.owner_id != id) return Status::NotFound("media");
    JW_ASSIGN_OR_RETURN(std::string bytes, vault->Open(m.sealed));
    Reply r;
    r.raw = std::move(bytes);
    r.content_type = m.content_type;
    r.headers.push_back({"Cache-Control", "private, no-store"});
    r.audit_object = "courier_record:" + std::to_string(id);
    r.audit_detail = "media:" + media_id;
    return r;
}

}  // namespace

void RegisterPhotoRoutes(http::Router& router, const Deps& d, std::string_view master_key) {
    // Nobody by the shared route: it cannot ask for the purpose this route requires (see the header comment).
    media::RegisterAccessCheck(
        kOwnerKind, [](storage::Connection&, const auth::Principal&, int64_t) -> Result<bool> { return false; });
    auto vault = std::make_shared<const media::MediaVault>(master_key);
    http::Route list{"GET", "/api/v1/courier/records/:id/photos", "courier.search", "courier.photos.list",
                     [d](Request& r) { return ListPhotos(d, r); }};
    list.needs_purpose = true;
    router.Add(std::move(list));
    http::Route read{"GET", "/api/v1/courier/records/:id/photos/:media_id", "courier.search", "courier.photos.read",
                     [d, vault](Request& r) { return ReadPhoto(d, vault, r); }};
    read.needs_purpose = true;
    router.Add(std::move(read));
}

}  // namespace jw::courier
