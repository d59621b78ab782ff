#pragma once
// Photos on the public form (issue 18, ADR 0063): POST /api/v1/public/service-photos (X-Public-Token of purpose
// "servicedesk", the SMS-code login of ADR 0058) with a JPEG or PNG body → 201 {media_id, width, height, bytes}.
// The shared media store (ADR 0033) checks the image (type, structure, size) and strips its metadata, seals it at
// rest; the photo is uploaded by "user 0" (the public), so only the public form can attach it — by sending its
// media_id with the ticket, at most kMaxPublicPhotos — and a police upload can never be attached from outside.
// Unattached photos go with the media purge. Rate-limited per client address and per verified phone number, in
// memory (a restart forgets, the per-filer daily ticket limit does not).

#include <string>

#include "http/router.hpp"
#include "servicedesk/servicedesk_handlers.hpp"

namespace jw::servicedesk {

inline constexpr int kMaxPublicPhotos = 3;      // photos per public ticket
inline constexpr int kMaxPhotosPerClient = 20;  // per client address and hour
inline constexpr int kMaxPhotosPerFiler = 10;   // per verified number and hour
inline constexpr int64_t kPhotoWindowSeconds = 3600;

void RegisterPublicPhotoRoutes(http::Router& router, const std::string& master_key);

}  // namespace jw::servicedesk
