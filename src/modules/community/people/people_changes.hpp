#pragma once
// Changes to a registered person: edits with optimistic versions and moves in and out (迁入 / 迁出). Same errors
// as people_service.hpp, plus Conflict "person version" when `expected_version` is not the stored one (someone
// changed the person meanwhile: the client reloads, nothing is overwritten silently) and NotFound "person".
// Callers run these inside the audited transaction (community.person.update, community.person.move).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "common/status.hpp"
#include "community/people/person.hpp"
#include "storage/database.hpp"

namespace jw::community {

// The fields an edit may change; nullopt = unchanged. The identity (id_kind, id_number, nationality) is not
// editable: a wrong number is a different person. sex and birth_date only for documents that do not carry them
// (a resident ID's are derived from the number).
struct PersonEdit {
    std::optional<std::string> name, sex, birth_date, ethnicity, hukou_address, category, permit_no, status;
    std::optional<std::optional<std::string>> residence_address_id, photo_media_id,
        permit_expires;  // inner nullopt clears
    std::optional<std::vector<std::string>> phones;
};

// Returns the new version. InvalidArgument naming the field: name "required", category / status / sex
// "invalid_enum", birth_date / permit_expires "bad_date", sex / birth_date "does_not_match_id" for a resident ID,
// residence_address_id "unknown_address", phones "bad_phone"; a new photo_media_id is attached to the person as
// uploaded by `by` (the editor), refused as AttachPersonPhoto says.
Result<int> EditPerson(storage::Connection& tx, int64_t person_id, const PersonEdit& edit, int expected_version,
                       int64_t now, int64_t by);

// A person's photo is a shared media upload (ADR 0033) attached to the person, so that whoever may read the person
// may see it and the purge of abandoned uploads leaves it (ADR 0069): by ResolvePerson (a new person, or an empty
// photo filled) and EditPerson. InvalidArgument naming photo_media_id: `not_found` (unknown, or uploaded by someone
// other than `by`), `attached_elsewhere`.
inline constexpr const char* kPersonPhotoKind = "community.person";
Status AttachPersonPhoto(storage::Connection& tx, int64_t person_id, std::string_view media_id, int64_t by);

struct MoveInput {
    std::string kind;        // in | out
    std::string address_id;  // in: required (the new residence); out: optional (where to, when known)
    std::string on_date;     // YYYY-MM-DD
    std::string reason;
};
struct MoveResult {
    int64_t move_id = 0;
    int version = 0;
};
// Records the move and changes the person: in → residence = address_id, status present; out → status moved_out
// (the last residence is kept: where the person lived is still true history). InvalidArgument: kind
// "invalid_enum", address_id "required" / "unknown_address", on_date "bad_date" / "future_date".
Result<MoveResult> RecordMove(storage::Connection& tx, int64_t person_id, const MoveInput& move,
                              const auth::Principal& actor, int64_t now);

struct Move {
    int64_t id = 0;
    std::string kind, address_id, on_date, reason;
    int64_t recorded_by = 0, at = 0;
};
// The person's moves, newest date first.
Result<std::vector<Move>> ListMoves(storage::Connection& c, int64_t person_id);

}  // namespace jw::community
