#pragma once
// Linking a place written as free text (a case's place, an alert's location…) to a standard address of the master
// index (issue 14 "Reuse", ADR 0037). The serving address index is the community module's, shared by every module
// of the process: ServingAddressIndex() (built and refreshed by the community module's Start; empty before).
// Thread safety: LinkPlace is pure; the index is AddressIndex's (Get/Refresh from any thread).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/json_util.hpp"
#include "community/addresses/address_index.hpp"
#include "community/addresses/address_matcher.hpp"

namespace jw::community {

// The process's serving address index.
AddressIndex& ServingAddressIndex();

struct PlaceCandidate {
    std::string address_id, full_name;
    double score = 0;
};

struct PlaceLink {
    std::optional<std::string> address_id;   // set when the matcher accepted (score ≥ AddressMatcher::kAccept)
    std::string full_name;                   // of address_id ("" when unlinked)
    double score = 0;                        // the best candidate's score (0 without a candidate)
    std::vector<PlaceCandidate> candidates;  // runners-up, best first: what the officer chooses from when unlinked
};

// Matches `text` (empty text: unlinked, no candidates).
PlaceLink LinkPlace(const AddressMatcher& matcher, std::string_view text);
// The full name of a standard address code in the matcher's addresses, or "" when unknown.
std::string AddressName(const AddressMatcher& matcher, std::string_view code);

// {"address_id", "full_name", "score", "candidates": [{"address_id", "full_name", "score"}]}; address_id null when
// unlinked; scores rounded to 3 decimals.
Json PlaceLinkJson(const PlaceLink& link);

}  // namespace jw::community
