#include "community/dossier/community_sections.hpp"

#include "common/civil_time.hpp"
#include "community/dossier/dossier_repository.hpp"

namespace jw::community::dossier {
namespace {

Json TimeOrNull(std::optional<int64_t> t) { return t ? Json(FormatUtcIso(*t)) : Json(nullptr); }

class ResidenceSection final : public SectionProvider {
  public:
    std::string_view Name() const override { return "residence"; }
    int Order() const override { return 10; }
    Result<Json> Build(storage::Connection& c, const Subject& s, const auth::Principal&) const override {
        JW_ASSIGN_OR_RETURN(auto r, repo::ResidenceOf(c, s.person_id));
        Json items = Json::array();
        if (r) items.push_back({{"address_id", r->address_code}, {"full_name", r->full_name}, {"grid_id", r->grid_id}});
        return Json{{"items", items}, {"hidden", 0}};
    }
};

class MovesSection final : public SectionProvider {
  public:
    std::string_view Name() const override { return "moves"; }
    int Order() const override { return 20; }
    Result<Json> Build(storage::Connection& c, const Subject& s, const auth::Principal&) const override {
        JW_ASSIGN_OR_RETURN(auto moves, repo::MovesOf(c, s.person_id));
        Json items = Json::array();
        for (const auto& m : moves)
            items.push_back({{"id", m.id},
                             {"kind", m.kind},
                             {"address_id", m.address_code},
                             {"full_name", m.address_name},
                             {"on_date", m.on_date},
                             {"reason", m.reason},
                             {"recorded_at", FormatUtcIso(m.at)}});
        return Json{{"items", items}, {"hidden", 0}};
    }
};

class HousesSection final : public SectionProvider {
  public:
    std::string_view Name() const override { return "houses"; }
    int Order() const override { return 30; }
    Result<Json> Build(storage::Connection& c, const Subject& s, const auth::Principal& reader) const override {
        JW_ASSIGN_OR_RETURN(auto houses, repo::HousesOf(c, s.person_id));
        Json items = Json::array();
        int hidden = 0;
        for (const auto& h : houses) {
            if (!reader.SeesUnit(h.unit_id)) {
                ++hidden;
                continue;
            }
            items.push_back({{"house_id", h.house_id},
                             {"relation", h.relation},
                             {"address_id", h.address_code},
                             {"full_name", h.address_name},
                             {"use", h.use},
                             {"from_date", h.from_date},
                             {"to_date", h.to_date},
                             {"reported_at", TimeOrNull(h.reported_at)}});
        }
        return Json{{"items", items}, {"hidden", hidden}};
    }
};

class OrgsSection final : public SectionProvider {
  public:
    std::string_view Name() const override { return "orgs"; }
    int Order() const override { return 40; }
    Result<Json> Build(storage::Connection& c, const Subject& s, const auth::Principal& reader) const override {
        JW_ASSIGN_OR_RETURN(auto orgs, repo::OrgsOf(c, s.person_id));
        Json items = Json::array();
        int hidden = 0;
        for (const auto& o : orgs) {
            if (!reader.SeesUnit(o.unit_id)) {
                ++hidden;
                continue;
            }
            items.push_back({{"org_id", o.org_id},
                             {"role", o.role},
                             {"name", o.name},
                             {"kind", o.kind},
                             {"credit_code", o.credit_code},
                             {"address_id", o.address_code},
                             {"full_name", o.address_name}});
        }
        return Json{{"items", items}, {"hidden", hidden}};
    }
};

}  // namespace

void AddCommunitySections(Registry& registry) {
    registry.Add(std::make_unique<ResidenceSection>());
    registry.Add(std::make_unique<MovesSection>());
    registry.Add(std::make_unique<HousesSection>());
    registry.Add(std::make_unique<OrgsSection>());
}

}  // namespace jw::community::dossier
