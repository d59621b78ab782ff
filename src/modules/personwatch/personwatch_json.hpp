#pragma once
// JSON of the person watch list (docs/api/personwatch.md). Lists and details are masked (ID number 519901********1234,
// name 张*, no birth date, no photo); the full record only through the purpose-stated routes (`full` = true).

#include "common/json_util.hpp"
#include "personwatch/check/identity_check.hpp"
#include "personwatch/check/offline_list.hpp"
#include "personwatch/entry.hpp"

namespace jw::personwatch {

Json EntryJson(const Entry& e, bool full);
Json EventJson(const EntryEvent& e);
Json HitJson(const HitRow& h);
// What the phone's check route answers (its user is an officer: mobile_check and desk reveal).
Json CheckAnswerJson(const CheckAnswer& a);
Json OfflineListJson(const OfflineList& l);

// Create body: kind, id_kind, id_number, nationality, name, photo_media_id, case_no, reason, instruction, colour,
// priority, valid_from, valid_to, unit_ids. Errors: InvalidArgument naming each field.
Result<EntryInput> ParseEntryInput(const Json& body);

}  // namespace jw::personwatch
