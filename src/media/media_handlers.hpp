#pragma once
// The photo routes (ADR 0033), wired by the app for every module:
//   POST /api/v1/media            body = the image (Content-Type image/jpeg | image/png, ≤ 1 MiB) → 201
//                                 {media_id, content_type, width, height, bytes}; errors name content_type or body
//                                 (image_check.hpp). Permission media.upload; audited as media.upload.
//                                 With an Idempotency-Key header applied once (idempotency/idempotency.hpp):
//                                 a resend of the same key answers the first reply (the phone's offline photos).
//   GET  /api/v1/media/:media_id  the image (its uploader while unattached; afterwards whoever passes the owner
//                                 module's access check); unknown, not yours and forbidden: the same 404.
//                                 Any logged-in user may ask; every read audited as media.read.
// The master key is read once here (DeriveKey "media.content"); the routes keep their own vault.

#include <string_view>

#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::media {

void RegisterMediaRoutes(http::Router& router, storage::Database& db, std::string_view master_key);

}  // namespace jw::media
