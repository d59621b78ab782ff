#include "cases/case_test_fixture.hpp"

#include "cases/case_secrets.hpp"
#include "community/community_keys.hpp"
#include "test_support/database_test.hpp"

namespace jw::community::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace jw::cases {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace testing {

using storage::V;

std::unique_ptr<storage::Database> OpenFresh(const std::string& backend, const std::string& name) {
    // The case core's own migrations: 002 belongs to supervision and is tested there.
    test_support::EmbeddedFiles mine;
    for (const auto& f : data::EmbeddedFiles())
        if (f.first == "001_cases.sql" || f.first == "003_sealed_fields.sql" || f.first == "004_master_index.sql")
            mine.push_back(f);
    auto schemas = test_support::PlatformSchemas(/*with_audit=*/true);
    // The master index first, as in the server: case people link to its persons (case_links.hpp).
    schemas.push_back({"community", &community::data::EmbeddedFiles()});
    schemas.push_back({"cases", &mine});
    InstallKeys(std::string(16, 'k'));  // the test key file's master key
    community::InstallKeys(std::string(16, 'k'));
    auto db = test_support::OpenMigrated(backend, name, schemas, /*seed_roles=*/false);
    if (!db.ok()) ADD_FAILURE() << "opening the test database: " << db.status().message();
    return db.ok() ? std::move(db).value() : nullptr;
}

Result<County> SeedCounty(storage::Connection& c) {
    County k;
    auto unit = [&](const std::string& code, const std::string& name, const std::string& kind,
                    std::optional<int64_t> parent) { return test_support::InsertUnit(c, code, name, parent, kind); };
    auto user = [&](const std::string& username, const std::string& police_no, const std::string& name,
                    int64_t unit_id) {
        return test_support::InsertUser(c, {username, unit_id, "", police_no, name});
    };
    JW_ASSIGN_OR_RETURN(k.bureau, unit("519901000000", "示范县公安局", "bureau", std::nullopt));
    JW_ASSIGN_OR_RETURN(k.station_a, unit("519901031000", "城关派出所", "station", k.bureau));
    JW_ASSIGN_OR_RETURN(k.station_b, unit("519901031100", "东城派出所", "station", k.bureau));
    JW_ASSIGN_OR_RETURN(k.legal_office, unit("519901020300", "法制大队", "brigade", k.bureau));
    JW_ASSIGN_OR_RETURN(k.officer_a, user("wzq", "990004", "王志强", k.station_a));
    JW_ASSIGN_OR_RETURN(k.officer_a2, user("oyml", "990010", "欧阳明丽", k.station_a));
    JW_ASSIGN_OR_RETURN(k.officer_b, user("lis", "990011", "李森", k.station_b));
    JW_ASSIGN_OR_RETURN(k.reviewer, user("liuwj", "990005", "刘文静", k.legal_office));
    JW_ASSIGN_OR_RETURN(k.leader, user("zwg", "990008", "赵卫国", k.bureau));
    return k;
}

auth::Principal Officer(const County&, int64_t user_id, int64_t unit_id) {
    auth::Principal p;
    p.user_id = user_id;
    p.unit_id = unit_id;
    p.roles = {"officer"};
    p.unit_scope = {unit_id};
    return p;
}

auth::Principal Reviewer(const County& k) {
    auth::Principal p;
    p.user_id = k.reviewer;
    p.unit_id = k.legal_office;
    p.roles = {"legal_reviewer"};
    p.unit_scope = {k.legal_office};
    return p;
}

auth::Principal Leader(const County& k) {
    auth::Principal p;
    p.user_id = k.leader;
    p.unit_id = k.bureau;
    p.roles = {"leader"};
    p.all_units = true;
    return p;
}

}  // namespace testing
}  // namespace jw::cases
