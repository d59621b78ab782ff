#include "community/work/work_sections.hpp"

#include "common/civil_time.hpp"
#include "community/work/work_repository.hpp"

namespace jw::community {
namespace {

constexpr int kMaxRows = 200;

WorkFilter ByPerson(int64_t person_id) {
    WorkFilter f;  // no unit scope: what the reader may not see is counted, not silently dropped
    f.person_id = person_id;
    f.page_size = kMaxRows;
    return f;
}

class VisitsSection final : public dossier::SectionProvider {
  public:
    std::string_view Name() const override { return "visits"; }
    int Order() const override { return 50; }
    Result<Json> Build(storage::Connection& c, const dossier::Subject& s,
                       const auth::Principal& reader) const override {
        JW_ASSIGN_OR_RETURN(auto page, ListVisits(c, ByPerson(s.person_id)));
        Json items = Json::array();
        int hidden = 0;
        for (const Visit& v : page.first) {
            if (!reader.SeesUnit(v.unit_id)) {
                ++hidden;
                continue;
            }
            items.push_back({{"id", v.id},
                             {"visited_at", FormatUtcIso(v.visited_at)},
                             {"kind", v.kind},
                             {"full_name", v.address_name.empty() ? v.place : v.address_name},
                             {"grid_id", v.grid_id},
                             {"officer", v.officer_name},
                             {"findings", v.findings},
                             {"follow_up", v.follow_up}});
        }
        return Json{{"items", items}, {"hidden", hidden}};
    }
};

class MediationsSection final : public dossier::SectionProvider {
  public:
    std::string_view Name() const override { return "mediations"; }
    int Order() const override { return 60; }
    Result<Json> Build(storage::Connection& c, const dossier::Subject& s,
                       const auth::Principal& reader) const override {
        JW_ASSIGN_OR_RETURN(auto page, ListMediations(c, ByPerson(s.person_id)));
        Json items = Json::array();
        int hidden = 0;
        for (const Mediation& m : page.first) {
            if (!reader.SeesUnit(m.unit_id)) {
                ++hidden;
                continue;
            }
            Json parties = Json::array();
            for (const Party& p : m.parties) parties.push_back(p.name);
            items.push_back({{"id", m.id},
                             {"occurred_at", FormatUtcIso(m.occurred_at)},
                             {"dispute_type", m.dispute_type},
                             {"status", m.status},
                             {"outcome", m.outcome},
                             {"full_name", m.address_name},
                             {"grid_id", m.grid_id},
                             {"parties", parties},
                             {"summary", m.summary}});
        }
        return Json{{"items", items}, {"hidden", hidden}};
    }
};

}  // namespace

void AddWorkSections(dossier::Registry& registry) {
    registry.Add(std::make_unique<VisitsSection>());
    registry.Add(std::make_unique<MediationsSection>());
}

}  // namespace jw::community
