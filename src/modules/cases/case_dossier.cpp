#include "cases/case_dossier.hpp"

#include <map>
#include <set>

#include "cases/case_repository.hpp"
#include "cases/case_service_internal.hpp"
#include "common/civil_time.hpp"

namespace jw::cases {
namespace {

class CasesSection final : public community::dossier::SectionProvider {
  public:
    std::string_view Name() const override { return "cases"; }
    int Order() const override { return 100; }
    Result<Json> Build(storage::Connection& c, const community::dossier::Subject& s,
                       const auth::Principal& reader) const override {
        JW_ASSIGN_OR_RETURN(auto parties, repo::PartiesOfIndexPerson(c, s.person_id));
        std::map<int64_t, Case> cases;
        Json items = Json::array();
        std::set<int64_t> hidden;  // cases, not parties: a person may be two parties of one case
        for (const auto& p : parties) {
            if (!cases.count(p.case_id)) {
                JW_ASSIGN_OR_RETURN(Case k, repo::GetCase(c, p.case_id));
                cases.emplace(p.case_id, std::move(k));
            }
            const Case& k = cases.at(p.case_id);
            if (!internal::CanSee(reader, k)) {
                hidden.insert(k.id);
                continue;
            }
            items.push_back({{"case_id", k.id},
                             {"case_no", k.case_no},
                             {"case_type", k.case_type},
                             {"cause", k.cause},
                             {"state", k.state},
                             {"unit_name", k.unit_name},
                             {"accepted_at", FormatUtcIso(k.accepted_at)},
                             {"role", p.role},
                             {"name_in_case", p.name},
                             {"id_number_in_case", p.id_number}});
        }
        return Json{{"items", items}, {"hidden", hidden.size()}};
    }
};

}  // namespace

std::unique_ptr<community::dossier::SectionProvider> MakeDossierSection() { return std::make_unique<CasesSection>(); }

}  // namespace jw::cases
