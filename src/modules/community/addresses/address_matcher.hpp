#pragma once
// The address matching engine (ADR 0031), pure and in memory, apart from storage: built once from the standard
// addresses (the addresses table, or any list), then Match(free text) → the best standard address with a score
// and the runners-up, or none ("new address", for review).
//
// Steps: normalise (address_text.hpp) → find the road (the longest known road name in the text; failing that a
// road whose stem, its name without 路/街/巷/大道, appears) and the township and community when named → parse the
// numbers after the road → candidates: the addresses at that road and house number (an index), or, when the
// number is unknown, the nearest numbers on that road → score each. Score = agreeing weight / weight of the
// components present in the input or the candidate (road 4, house 3, building 2, unit 1.5, room 1.5, township
// and community 1 each, counted only when the input names them; a road found by its stem counts 3.5). The best
// is the answer when its score ≥ kAccept and no other candidate has the same score; otherwise it is a new
// address and every candidate is a runner-up.
//
// Thread safety: immutable after construction; Match may run on many threads at once.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "community/addresses/address.hpp"

namespace jw::community {

struct Candidate {
    size_t index = 0;  // into the matcher's addresses()
    double score = 0;
};

struct MatchResult {
    std::string input;
    bool matched = false;               // false: a new address (for review)
    Candidate best;                     // meaningful when matched, else the top candidate (if any)
    std::vector<Candidate> candidates;  // runners-up, best first (at most kMaxCandidates)
};

class AddressMatcher {
  public:
    static constexpr double kAccept = 0.9;
    static constexpr size_t kMaxCandidates = 5;

    explicit AddressMatcher(std::vector<Address> addresses);

    MatchResult Match(std::string_view text) const;
    const std::vector<Address>& addresses() const { return addresses_; }

  private:
    struct Entry {
        int township = -1, community = -1, road = -1;
        std::string house, building, unit, room;  // normalised
    };
    // Normalised names with an index by their first character, longest names first.
    struct NameSet {
        std::vector<std::string> names;  // names and aliases
        std::vector<int> id_of;          // the id each name stands for
        std::unordered_map<std::string, int> ids;
        std::unordered_map<std::string, std::vector<int>> by_lead;  // positions in names
        int count = 0;
        int Intern(const std::string& normalised);  // a new id for a new name
        void Alias(const std::string& normalised, int id);
        void Finish();
        // The longest name occurring in `text` (its id, and where it ends in *end), or -1.
        int Find(const std::string& text, size_t* end) const;
    };
    void Score(const Entry& in, bool road_by_stem, size_t index, std::vector<Candidate>& out) const;

    std::vector<Address> addresses_;
    std::vector<Entry> entries_;
    NameSet townships_, communities_, roads_, stems_;                        // stems_: road stems, with the road's id
    std::unordered_map<std::string, std::vector<size_t>> by_house_;          // road id '|' house → entries
    std::vector<std::vector<std::pair<long, std::string>>> houses_of_road_;  // (number, house), sorted
};

}  // namespace jw::community
