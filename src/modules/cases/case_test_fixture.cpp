#include "cases/case_test_fixture.hpp"

#include "audit/audit_log.hpp"
#include "cases/case_secrets.hpp"
#include "auth/seed.hpp"
#include "notify/outbox.hpp"
#include "storage/migrations.hpp"
#include "storage/test_databases.hpp"

namespace jw::cases {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace testing {

using storage::V;

std::unique_ptr<storage::Database> OpenFresh(const std::string& backend, const std::string& name) {
    const std::string url = storage::testing::FreshDatabaseUrl(backend, name);
    if (url.empty()) return nullptr;
    auto db = storage::Database::Open(url);
    if (!db.ok()) return nullptr;
    auto c = (*db)->Acquire();
    if (!c.ok()) return nullptr;
    std::vector<storage::Migration> all;
    auto add = [&](const char* module, const auto& files) {
        auto m = storage::MigrationsFromFiles(module, (*db)->dialect(), files);
        all.insert(all.end(), m.begin(), m.end());
    };
    add("audit", audit::schema::EmbeddedFiles());
    add("auth", auth::schema::EmbeddedFiles());
    add("notify", notify::schema::EmbeddedFiles());
    // The case core's own migrations: 002 belongs to supervision and is tested there.
    std::vector<std::pair<std::string_view, std::string_view>> mine;
    for (const auto& f : data::EmbeddedFiles())
        if (f.first == "001_cases.sql" || f.first == "003_sealed_fields.sql") mine.push_back(f);
    add("cases", mine);
    InstallKeys(std::string(16, 'k'));  // the test key file's master key
    if (!storage::ApplyMigrations(**c, all).ok()) return nullptr;
    return std::move(db).value();
}

Result<County> SeedCounty(storage::Connection& c) {
    County k;
    auto unit = [&](const std::string& code, const std::string& name, const std::string& kind,
                    std::optional<int64_t> parent) -> Result<int64_t> {
        JW_ASSIGN_OR_RETURN(storage::Row r, c.QueryOne("INSERT INTO units (code, name, kind, parent_id, region_code, "
                                                       "created_at) VALUES (?, ?, ?, ?, '519901', 0) RETURNING id",
                                                       {V(code), V(name), V(kind), parent ? V(*parent) : storage::Null()}));
        return r.Int(0);
    };
    auto user = [&](const std::string& username, const std::string& police_no, const std::string& name,
                    int64_t unit_id) -> Result<int64_t> {
        JW_ASSIGN_OR_RETURN(storage::Row r,
                            c.QueryOne("INSERT INTO users (username, police_no, name, unit_id, phone, status, "
                                       "password_hash, password_changed_at, must_change_password, created_at) VALUES "
                                       "(?, ?, ?, ?, '13900000000', 'active', 'x', 0, 0, 0) RETURNING id",
                                       {V(username), V(police_no), V(name), V(unit_id)}));
        return r.Int(0);
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
