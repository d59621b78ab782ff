// The dispatch tests' set-up (dispatch_test_fixture.hpp).
#include "dispatch/dispatch_test_fixture.hpp"

#include "alerts/alerts_module.hpp"
#include "cases/case_secrets.hpp"
#include "common/csv_reader.hpp"
#include "community/community_keys.hpp"
#include "dispatch/calls/call_service.hpp"
#include "dispatch/dispatch_keys.hpp"
#include "dispatch/dispatch_module.hpp"
#include "dispatch/dispatch_repository.hpp"
#include "dispatch/diversion/diversion_service.hpp"

namespace jw::community::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace jw::cases::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace jw::dispatch::testing {

using storage::V;

void DispatchTest::SetUp() {
    const std::string key(32, 'k');
    community::InstallKeys(key);
    cases::InstallKeys(key);
    InstallKeys(key);
    static test_support::EmbeddedFiles case_core;
    if (case_core.empty())
        for (const auto& f : cases::data::EmbeddedFiles())
            if (f.first == "001_cases.sql" || f.first == "003_sealed_fields.sql" || f.first == "004_master_index.sql")
                case_core.push_back(f);
    auto schemas = test_support::PlatformSchemas(/*with_audit=*/true);
    schemas.push_back({"community", &community::data::EmbeddedFiles()});
    schemas.push_back({"cases", &case_core});
    schemas.push_back({"alerts", &alerts::ModuleFiles()});
    schemas.push_back({"dispatch", &ModuleFiles()});
    if (!OpenDatabase("dispatch", schemas)) return;
    bureau_ = Unit("519901000000", "示范县公安局", std::nullopt, "bureau");
    centre_ = Unit("519901000100", "指挥中心", bureau_, "office");
    station_ = Unit("519901030100", "城关派出所", bureau_);
    other_station_ = Unit("519901030200", "东城派出所", bureau_);
    desk_id_ = User("duty_a", centre_, "duty_desk");
    officer_id_ = User("officer_a", station_, "officer");
    other_officer_id_ = User("officer_b", other_station_, "officer");
    leader_id_ = User("leader_a", bureau_, "leader");
    analyst_id_ = User("analyst_a", centre_, "analyst");
    auto org = [&](const std::string& name, const std::string& code) -> int64_t {
        auto r = c_->QueryOne(
            "INSERT INTO organisations (kind, name, code, supervisor_unit_id, contact_name, "
            "contact_phone, status, created_at, updated_at) VALUES ('department', ?, ?, ?, '罗城安', "
            "'0838-2210303', 'active', ?, ?) RETURNING id",
            {V(name), V(code), V(bureau_), V(now_), V(now_)});
        EXPECT_TRUE(r.ok()) << r.status().message();
        return r.ok() ? r->Int(0) : 0;
    };
    city_org_ = org("示范县城市管理局", "11519901008802032U");
    market_org_ = org("示范县市场监督管理局", "11519901008802040N");
    city_staff_ = User("citymgmt_a", bureau_, "");
    market_staff_ = User("market_a", bureau_, "");
    ASSERT_TRUE(c_->Exec("UPDATE users SET org_id = ? WHERE id = ?", {V(city_org_), V(city_staff_)}).ok());
    ASSERT_TRUE(c_->Exec("UPDATE users SET org_id = ? WHERE id = ?", {V(market_org_), V(market_staff_)}).ok());
    ASSERT_TRUE(Tx([](storage::Connection& c) { return SyncDepartments(c); }).ok());
    Patrol p;
    p.code = "CG-01";
    p.name = "城关一组";
    p.unit_id = station_;
    p.status = "available";
    p.status_at = now_;
    auto pid = repo::InsertPatrol(*c_, p);
    ASSERT_TRUE(pid.ok());
    patrol_ = *pid;
    desk_ = As("duty_desk", desk_id_, centre_);
    officer_ = As("officer", officer_id_, station_);
    other_officer_ = As("officer", other_officer_id_, other_station_);
    leader_ = As("leader", leader_id_, bureau_);
    analyst_ = As("analyst", analyst_id_, centre_);
    city_ = Dept(city_staff_, city_org_);
    market_ = Dept(market_staff_, market_org_);
}

auth::Principal DispatchTest::As(const std::string& role, int64_t user_id, int64_t unit) const {
    auth::Principal p;
    p.user_id = user_id;
    p.unit_id = unit;
    p.username = role;
    p.roles = {role};
    p.all_units = role == "duty_desk" || role == "leader" || role == "analyst";
    if (!p.all_units) p.unit_scope = {unit};
    for (const auto& [name, content] : ModuleFiles()) {
        if (name != "permissions.csv") continue;
        auto rows = ReadCsv(content, CsvOptions{.name = name});
        if (!rows.ok() || rows->empty()) continue;
        const auto& header = (*rows)[0].fields;
        for (size_t col = 2; col < header.size(); ++col) {
            if (header[col] != role) continue;
            for (size_t i = 1; i < rows->size(); ++i)
                if ((*rows)[i].fields.size() > col && (*rows)[i].fields[col] == "x")
                    p.permissions.insert((*rows)[i].fields[0]);
        }
    }
    return p;
}

auth::Principal DispatchTest::Dept(int64_t user_id, int64_t org) const {
    auth::Principal p = As("dept_staff", user_id, 0);
    p.unit_scope.clear();
    p.org_id = org;
    p.org_kind = "department";
    p.org_scope = {org};
    return p;
}

Status DispatchTest::Tx(const std::function<Status(storage::Connection&)>& fn) {
    return storage::InTransaction(*c_, fn);
}

int64_t DispatchTest::Take(const std::string& category, const std::string& phone, const std::string& place,
                           const std::string& name) {
    CallInput in;
    in.caller_phone = phone;
    in.caller_name = name;
    in.summary = "报警称有人在门口争吵";
    in.place_text = place;
    in.category = category;
    in.unit_id = station_;
    int64_t id = 0;
    Status s = Tx([&](storage::Connection& c) -> Status {
        JW_ASSIGN_OR_RETURN(id, TakeCall(c, desk_, in, nullptr, now_));
        return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
}

Call DispatchTest::Get(int64_t id) {
    auto k = repo::GetCall(*c_, id);
    EXPECT_TRUE(k.ok()) << k.status().message();
    return k.ok() ? *k : Call{};
}

}  // namespace jw::dispatch::testing
