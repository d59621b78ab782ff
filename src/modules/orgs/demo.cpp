// The demo county's organisations outside the police (ADR 0051): the procuratorate, the court and two
// departments, each with an account (password Jingwu@2026, no forced change; account numbers 8802xx). Courier
// companies and outlets are the courier module's share. Codes are valid unified social credit codes (GB 32100).
#include "auth/auth_repository.hpp"
#include "auth/password.hpp"
#include "auth/seed.hpp"
#include "orgs/orgs_module.hpp"
#include "orgs/orgs_repository.hpp"
#include "orgs/orgs_service.hpp"

namespace jw::orgs {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

Status SeedDemo(storage::Connection& tx, int64_t now) {
    JW_ASSIGN_OR_RETURN(int64_t bureau, auth::repo::UnitIdByCode(tx, "519901000000"));
    struct DemoOrg {
        const char* kind;
        const char* name;
        const char* code;
        const char* contact;
        const char* phone;
        const char* username;  // empty: no account
        const char* account_no;
        const char* person;
        const char* role;
    };
    const DemoOrg demo[] = {
        {"procuratorate", "示范县人民检察院", "115199010088020166", "林清源", "0838-2210101", "procurator", "880201",
         "冯检明", "procurator"},
        {"court", "示范县人民法院", "115199010088020241", "何正平", "0838-2210202", "judge", "880202", "韩法成",
         "judge"},
        {"department", "示范县城市管理局", "11519901008802032U", "罗城安", "0838-2210303", "citymgmt", "880203",
         "邓市容", "dept_staff"},
        {"department", "示范县市场监督管理局", "11519901008802040N", "宋市监", "0838-2210404", "", "", "", ""},
    };
    auth::Principal seeder;  // the demo seed acts county-wide
    seeder.all_units = true;
    const std::string hash = auth::HashPassword(auth::kDemoPassword);
    for (const DemoOrg& d : demo) {
        Organisation o;
        o.kind = d.kind;
        o.name = d.name;
        o.code = d.code;
        o.supervisor_unit_id = bureau;
        o.contact_name = d.contact;
        o.contact_phone = d.phone;
        JW_ASSIGN_OR_RETURN(Organisation created, CreateOrg(tx, o, seeder, now));
        if (std::string(d.username).empty()) continue;
        NewStaff s{d.username, d.account_no, d.person, std::string("139") + d.account_no + "00", d.role};
        JW_ASSIGN_OR_RETURN(auth::User u, AddStaff(tx, seeder, created.id, s, hash, now));
        JW_RETURN_IF_ERROR(auth::repo::SetPassword(tx, u.id, hash, false, now));  // demo: no forced change
    }
    return Status::Ok();
}

}  // namespace jw::orgs
