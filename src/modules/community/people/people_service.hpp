#pragma once
// The person register of the master index (实有人口, issue 14): the one place every module finds or registers a
// person. Identity = (id_kind, nationality, normalised number) through its blind index (person_identity.hpp);
// a person registered twice is one person (ADR 0032).
//
// Errors common to all: InvalidArgument naming the field (person_identity.hpp lists the problems); the storage
// layer's; Internal when a sealed field cannot be opened. Needs community::InstallKeys (the platform does it at
// start-up; tests call it themselves).

#include <cstdint>
#include <optional>
#include <string_view>

#include "auth/principal.hpp"
#include "common/civil_time.hpp"
#include "common/status.hpp"
#include "community/people/person.hpp"
#include "storage/database.hpp"

namespace jw::community {

// Find-or-create by identity, inside the caller's transaction `tx` (so a case and the person it names are written
// together). A new person is collected by `actor` (collected_by = actor.user_id, unit_id = actor.unit_id) with
// status present. An existing one is returned with created = false, and only its fields that are empty are
// filled from `in` (sex, birth_date, ethnicity, hukou_address, residence, phones, photo, permit): what one
// officer registered is never overwritten by another's second registration; a filled field raises the version.
// residence_address_id must be a standard address code ("unknown_address"). The caller audits
// (community.person.create for the HTTP route).
Result<ResolveResult> ResolvePerson(storage::Connection& tx, PersonInput in, const auth::Principal& actor,
                                    int64_t now = NowUnix());

// The person holding that document, or nullopt when nobody registered it. `number` in any accepted form (a
// 15-digit resident ID finds the person registered with its 18-digit form); nationality "" = CHN.
// InvalidArgument when the number cannot be a document of that kind.
Result<std::optional<Person>> FindPersonByIdNumber(storage::Connection& c, std::string_view id_kind,
                                                   std::string_view number, std::string_view nationality = "");

// The row a new registration of `in` (normalised by NormalisePersonInput) makes: collected by `actor`, present.
Person NewPerson(const PersonInput& in, const auth::Principal& actor, int64_t now);

// The person with that id, fields in the clear (callers mask for display). NotFound "person".
Result<Person> GetPerson(storage::Connection& c, int64_t person_id);

}  // namespace jw::community
