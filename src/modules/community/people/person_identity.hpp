#pragma once
// Identity of a person (issue 14: "a person registered twice is one person"): the document kind, the holder's
// nationality and the normalised number. Pure functions, thread-safe.

#include <string>
#include <string_view>

#include "common/status.hpp"
#include "community/people/person.hpp"

namespace jw::community {

struct Identity {
    std::string id_kind, nationality, number;
};

// Checks and normalises the identity of `in` and the fields derived from it, in place:
// - resident_id: spaces dropped, x upper-cased, 15 digits converted to 18 (GB 11643-1999 §, the 15-digit numbers
//   of the 1985 cards: century 19 inserted, check character added), checksum verified (CheckIdNumber problems
//   on id_number, a bad 15-digit number is "bad_15_digit"); nationality CHN ("" becomes CHN, anything else is
//   "must_be_chn"); sex and birth_date filled from the number when empty, "does_not_match_id" when they differ.
// - hk_macao_permit, taiwan_permit: nationality CHN; passport, foreign_permanent: nationality required
//   ("required"), three letters A-Z ("bad_nationality"). Numbers: letters and digits, 5 to 20 ("bad_format").
// Also: id_kind one of kIdKinds ("invalid_enum"), name required, sex male|female, birth_date and
// permit_expires real dates ("bad_date"), category one of kCategories ("invalid_enum", "" = household for a
// resident ID, overseas otherwise). Error: InvalidArgument naming the first field that is wrong.
Status NormalisePersonInput(PersonInput& in);

// The identity of a document as it is looked up (same normal form as NormalisePersonInput; nationality "" =
// CHN). InvalidArgument as above when the number cannot be a document of that kind.
Result<Identity> NormaliseIdentity(std::string_view id_kind, std::string_view number, std::string_view nationality);

// The blind index stored in community_people.id_index: HMAC-SM3 under the community key of
// "person:" + kind + "|" + nationality + "|" + number. Needs community::InstallKeys.
std::string IdentityIndex(const Identity& id);

}  // namespace jw::community
