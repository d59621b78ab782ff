#pragma once
// The JSON of the person register's HTTP routes: what clients see (always masked: 等保, personal data masked unless
// the role needs it whole) and reading a person from a request body. Pure functions, thread-safe.

#include <string>

#include "common/json_util.hpp"
#include "community/people/people_changes.hpp"
#include "community/people/person.hpp"

namespace jw::community {

// A person as lists and details show it: id_number (519901********1234), name (张*), phones (138****5678),
// hukou_address (first 6 characters, the rest starred), birth_date (year only: 1990-**-**) and permit_no (last 4)
// masked; identity kind, nationality, sex, category, status, residence (code and full name), permit expiry, photo,
// collector, unit, times (ISO UTC) and version as they are.
Json MaskedPersonJson(const Person& p, const std::string& residence_name);
std::string MaskAddressText(const std::string& text);

// The fields of POST /api/v1/community/people (the schema's names; residence_address = free text matched to a
// standard address by the handler). Problems are recorded in `in` (JsonReader).
PersonInput ReadPersonInput(JsonReader& in, std::string* residence_text);

// PATCH: any of the editable fields; null or "" clears residence_address_id, photo_media_id and permit_expires.
PersonEdit ReadPersonEdit(const Json& body, JsonReader& in, std::string* residence_text);

}  // namespace jw::community
