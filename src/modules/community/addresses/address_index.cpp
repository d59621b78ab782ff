#include "community/addresses/address_index.hpp"

#include <cmath>

#include "community/addresses/address_repository.hpp"

namespace jw::community {

Status AddressIndex::Refresh(storage::Database& db) {
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto version, AddressesVersion(**c));
    {
        std::lock_guard lock(mu_);
        if (matcher_ && version == version_) return Status::Ok();
    }
    JW_ASSIGN_OR_RETURN(auto addresses, LoadAddresses(**c));
    auto built = std::make_shared<const AddressMatcher>(std::move(addresses));
    std::lock_guard lock(mu_);
    matcher_ = std::move(built);
    version_ = version;
    return Status::Ok();
}

std::shared_ptr<const AddressMatcher> AddressIndex::Get() const {
    std::lock_guard lock(mu_);
    return matcher_;
}

Json MatchJson(const AddressMatcher& matcher, const MatchResult& r) {
    auto round = [](double v) { return std::round(v * 1000) / 1000; };
    Json candidates = Json::array();
    for (const Candidate& c : r.candidates) {
        const Address& a = matcher.addresses()[c.index];
        candidates.push_back({{"address_id", a.code}, {"full_name", a.full_name}, {"score", round(c.score)}});
    }
    const bool any = r.matched || !r.candidates.empty();
    Json j = {{"input", r.input},
              {"address_id", nullptr},
              {"full_name", nullptr},
              {"score", any ? round(r.best.score) : 0.0},
              {"candidates", candidates}};
    if (r.matched) {
        const Address& a = matcher.addresses()[r.best.index];
        j["address_id"] = a.code;
        j["full_name"] = a.full_name;
    }
    return j;
}

}  // namespace jw::community
