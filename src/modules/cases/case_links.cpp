#include "cases/case_links.hpp"

#include <spdlog/spdlog.h>

#include "cases/case_repository.hpp"
#include "community/addresses/address_repository.hpp"
#include "community/dossier/place_link.hpp"
#include "community/people/people_service.hpp"

namespace jw::cases {

Status LinkParty(storage::Connection& tx, const auth::Principal& actor, const Person& p) {
    if (p.id_type != "resident_id" || p.id_number.empty()) return repo::SetPersonLink(tx, p.id, std::nullopt);
    community::PersonInput in;
    in.id_kind = "resident_id";
    in.id_number = p.id_number;
    in.name = p.name;
    auto resolved = community::ResolvePerson(tx, std::move(in), actor);
    if (resolved.ok()) return repo::SetPersonLink(tx, p.id, resolved->person_id);
    if (resolved.status().code() != ErrorCode::kInvalidArgument) return resolved.status();
    // The index refused the identity (cases validated it, so a rule differs): the case is recorded all the same.
    spdlog::warn("case_people {}: not linked to the master index: {}", p.id, resolved.status().message());
    return repo::SetPersonLink(tx, p.id, std::nullopt);
}

Status LinkPlace(storage::Connection& tx, int64_t case_id, const community::AddressMatcher* matcher,
                 const std::string& place) {
    if (matcher == nullptr || matcher->addresses().empty()) return Status::Ok();
    const community::PlaceLink link = community::LinkPlace(*matcher, place);
    // The score is kept unlinked too: how far the text was from the nearest standard address.
    return repo::SetPlaceLink(tx, case_id, link.address_id, link.score);
}

Result<Case> ChoosePlace(storage::Connection& tx, const auth::Principal& actor, int64_t case_id,
                         const community::AddressMatcher* matcher, const std::string& address_id) {
    JW_ASSIGN_OR_RETURN(Case k, repo::GetCase(tx, case_id));
    if (!actor.SeesUnit(k.unit_id)) return Status::NotFound("case");
    if (matcher == nullptr) return Status(ErrorCode::kUnavailable, "address index not built yet");
    if (community::AddressName(*matcher, address_id).empty()) return Status::Invalid("address_id", "unknown");
    JW_RETURN_IF_ERROR(repo::SetPlaceLink(tx, case_id, address_id, 1.0));
    return repo::GetCase(tx, case_id);
}

Result<int64_t> LinkMasterIndex(storage::Connection& c, const community::AddressMatcher* matcher, int batch,
                                int max_batches) {
    int64_t done = 0;
    for (int round = 0; max_batches < 0 || round < max_batches; ++round) {
        int64_t n = 0;
        JW_RETURN_IF_ERROR(storage::InTransaction(c, [&](storage::Connection& tx) -> Status {
            JW_ASSIGN_OR_RETURN(auto people, repo::UnlinkedPeople(tx, batch));
            for (const auto& u : people) {
                // On behalf of whoever recorded the case, as if they had added the party today.
                auth::Principal creator;
                creator.user_id = u.created_by;
                creator.unit_id = u.unit_id;
                JW_RETURN_IF_ERROR(LinkParty(tx, creator, u.person));
            }
            n = static_cast<int64_t>(people.size());
            if (matcher != nullptr && !matcher->addresses().empty() && n < batch) {
                JW_ASSIGN_OR_RETURN(auto places, repo::UnlinkedPlaces(tx, batch - static_cast<int>(n)));
                for (const auto& [case_id, place] : places) JW_RETURN_IF_ERROR(LinkPlace(tx, case_id, matcher, place));
                n += static_cast<int64_t>(places.size());
            }
            return Status::Ok();
        }));
        done += n;
        if (n == 0) break;
    }
    return done;
}

Json StandardPlaceJson(const Case& k, const community::AddressMatcher* matcher) {
    community::PlaceLink link;
    if (k.place_address_id) {
        link.address_id = k.place_address_id;
        link.full_name = matcher ? community::AddressName(*matcher, *k.place_address_id) : "";
        link.score = k.place_match_score.value_or(0);
    } else if (matcher) {
        link = community::LinkPlace(*matcher, k.place_address);
        // Not linked when the case was stored (or the officer unlinked it): what matches now is a candidate only.
        if (link.address_id) {
            link.candidates.insert(link.candidates.begin(), {*link.address_id, link.full_name, link.score});
            link.address_id.reset();
            link.full_name.clear();
        }
    }
    return community::PlaceLinkJson(link);
}

Status LinkMasterIndexAtStart(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto waiting, repo::UnlinkedPlaces(c, 1));
    std::unique_ptr<community::AddressMatcher> matcher;
    if (!waiting.empty()) {
        JW_ASSIGN_OR_RETURN(auto addresses, community::LoadAddresses(c));
        if (!addresses.empty()) matcher = std::make_unique<community::AddressMatcher>(std::move(addresses));
    }
    JW_ASSIGN_OR_RETURN(int64_t n, LinkMasterIndex(c, matcher.get()));
    if (n > 0) spdlog::info("cases: {} people and places linked to the master index", n);
    return Status::Ok();
}

}  // namespace jw::cases
