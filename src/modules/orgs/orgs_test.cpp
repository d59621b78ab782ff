// The organisations registry and external accounts (ADR 0051) on SQLite and PostgreSQL: codes checked, fields
// named, history kept, the police scope by supervising unit; the external principal (no unit scope, only its
// kind's roles, refused when its organisation is suspended); an organisation administrator manages only its own
// staff (a company administrator also its outlets'), never another organisation's; the central rule's table.
#include <gtest/gtest.h>

#include "auth/auth_repository.hpp"
#include "auth/external.hpp"
#include "auth/session_service.hpp"
#include "orgs/orgs_module.hpp"
#include "orgs/orgs_repository.hpp"
#include "orgs/orgs_service.hpp"
#include "test_support/database_test.hpp"

namespace jw::orgs {
namespace {

constexpr int64_t kNow = 1'800'000'000;

std::string Problem(const Status& s, const std::string& field) {
    auto it = s.fields().find(field);
    return it == s.fields().end() ? std::string("(none: ") + s.message() + ")" : it->second;
}

TEST(OrgCode, CreditCodesAndOrganisationCodesAreChecked) {
    EXPECT_TRUE(CheckOrgCode("115199010088020166").ok());
    EXPECT_EQ(Problem(CheckOrgCode("115199010088020167"), "code"), "bad_check_character");
    // GB 11714-1997's own example: D2143569 has the check character X.
    EXPECT_TRUE(CheckOrgCode(NormaliseOrgCode("d2143569-x")).ok());
    EXPECT_EQ(Problem(CheckOrgCode("D21435690"), "code"), "bad_check_character");
    EXPECT_EQ(Problem(CheckOrgCode("D2143569"), "code"), "bad_length");
    EXPECT_EQ(Problem(CheckOrgCode("D2143#69X"), "code"), "bad_charset");
}

TEST(OrgCode, BadFieldsAreNamed) {
    Organisation o;
    o.kind = "bank";
    o.name = "X";
    o.code = "123";
    o.contact_name = "王5";
    o.contact_phone = "12345";
    Status s = ValidateOrg(o);
    EXPECT_EQ(Problem(s, "kind"), "unknown_kind");
    EXPECT_EQ(Problem(s, "name"), "bad_format");
    EXPECT_EQ(Problem(s, "code"), "bad_length");
    EXPECT_EQ(Problem(s, "contact_name"), "bad_person_name");
    EXPECT_EQ(Problem(s, "contact_phone"), "bad_phone");
    o.kind = "courier_outlet";  // an outlet needs its company
    EXPECT_EQ(Problem(ValidateOrg(o), "parent_id"), "required");
    o.kind = "court";
    o.parent_id = 4;
    EXPECT_EQ(Problem(ValidateOrg(o), "parent_id"), "not_allowed");
}

TEST(ExternalRoles, TheKindsTableAndTheCentralRule) {
    for (const char* role : {"procurator", "judge", "dept_staff", "outlet_admin", "outlet_clerk", "courier_company"})
        EXPECT_TRUE(auth::IsExternalRole(role)) << role;
    EXPECT_FALSE(auth::IsExternalRole("officer"));
    EXPECT_FALSE(auth::IsExternalRole("sys_admin"));
    auth::PermissionRegistry registry;
    ASSERT_TRUE(registry
                    .AddCsv("permission,module,sys_admin,officer,judge,outlet_admin\n"
                            "case.read,cases,,x,,\nproperty.receive,property,,x,x,\nnotify.read,personal,x,x,x,x\n"
                            "unit.read,platform,x,,,\n")
                    .ok());
    EXPECT_FALSE(auth::ExternalMayUse(registry, "case.read", "case.list"));
    EXPECT_FALSE(auth::ExternalMayUse(registry, "unit.read", "unit.list"));
    EXPECT_FALSE(auth::ExternalMayUse(registry, "", "device.list"));  // any logged-in police user: not theirs
    EXPECT_TRUE(auth::ExternalMayUse(registry, "", "todo.read"));     // sources apply by their own permission
    EXPECT_TRUE(auth::ExternalMayUse(registry, "", "session.read"));
    EXPECT_TRUE(auth::ExternalMayUse(registry, "property.receive", "property.receive"));
    EXPECT_TRUE(auth::ExternalMayUse(registry, "notify.read", "notification.list"));
    EXPECT_TRUE(auth::ExternalMayUse(registry, "public", "meta.read"));
    // An external role may never be granted a police permission, even by a security administrator's edit.
    EXPECT_FALSE(registry.Allowed("judge", "case.read"));
    EXPECT_TRUE(registry.Allowed("judge", "property.receive"));
    EXPECT_TRUE(auth::CheckAccountRoles("", {"officer"}).ok());
    EXPECT_EQ(Problem(auth::CheckAccountRoles("", {"judge"}), "roles"), "external_role");
    EXPECT_EQ(Problem(auth::CheckAccountRoles("court", {"procurator"}), "roles"), "external_role");
    EXPECT_TRUE(auth::CheckAccountRoles("courier_outlet", {"outlet_clerk"}).ok());
}

class OrgsDbTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"orgs", &ModuleFiles()});
        if (!OpenDatabase("orgs", schemas)) return;
        ASSERT_TRUE(registry_.AddCsv(ModuleFiles()[0].second).ok());
        bureau_ = Unit("519901000000", "示范县公安局", std::nullopt, "bureau");
        east_ = Unit("519901031100", "东城派出所", bureau_);
        west_ = Unit("519901031200", "西河派出所", bureau_);
        sysadmin_.user_id = User("sysadmin", bureau_, "sys_admin");
        sysadmin_.all_units = true;
        sessions_ = std::make_unique<auth::SessionService>(*db_, registry_, std::string(16, 'k'));
    }
    Organisation Org(const std::string& kind, const std::string& name, const std::string& code, int64_t unit,
                     std::optional<int64_t> parent = std::nullopt) {
        Organisation o;
        o.kind = kind;
        o.name = name;
        o.code = code;
        o.parent_id = parent;
        o.supervisor_unit_id = unit;
        o.contact_name = "李联系";
        o.contact_phone = "13900001111";
        auto created = CreateOrg(*c_, o, sysadmin_, kNow);
        EXPECT_TRUE(created.ok()) << created.status().message() << " " << Problem(created.status(), "code");
        return created.ok() ? *created : Organisation{};
    }
    int64_t Staff(const auth::Principal& actor, int64_t org, const std::string& username, const std::string& role,
                  Status* error = nullptr) {
        auto u = AddStaff(*c_, actor, org, NewStaff{username, "", "张员工", "13800002222", role}, "hash", kNow);
        if (error) *error = u.status();
        return u.ok() ? u->id : 0;
    }
    auth::Principal PrincipalOf(int64_t user_id) {
        auto p = sessions_->BuildPrincipal(*c_, user_id, kNow);
        EXPECT_TRUE(p.ok()) << p.status().message();
        return p.ok() ? *p : auth::Principal{};
    }

    auth::PermissionRegistry registry_;
    std::unique_ptr<auth::SessionService> sessions_;
    auth::Principal sysadmin_;
    int64_t bureau_ = 0, east_ = 0, west_ = 0;
};

TEST_P(OrgsDbTest, RegistryKeepsHistoryAndRefusesBadInput) {
    Organisation court = Org("court", "示范县人民法院", "115199010088020241", bureau_);
    EXPECT_EQ(court.status, "active");
    Organisation dup;
    dup.kind = "procuratorate";
    dup.name = "重复代码";
    dup.code = "115199010088020241";
    dup.supervisor_unit_id = bureau_;
    dup.contact_name = "王重复";
    dup.contact_phone = "13900001111";
    EXPECT_EQ(Problem(CreateOrg(*c_, dup, sysadmin_, kNow).status(), "code"), "duplicate");
    Organisation company = Org("courier_company", "示范速递有限公司", "91519901MA6CX00174", bureau_);
    Organisation wrong = dup;
    wrong.kind = "courier_outlet";
    wrong.code = "91519901MA6CX0025Y";
    wrong.parent_id = court.id;  // an outlet belongs to a courier company
    EXPECT_EQ(Problem(CreateOrg(*c_, wrong, sysadmin_, kNow).status(), "parent_id"), "wrong_kind");

    Organisation changes = court;
    changes.contact_name = "何正平";
    changes.supervisor_unit_id = east_;
    auto updated = UpdateOrg(*c_, changes, sysadmin_, kNow + 10);
    ASSERT_TRUE(updated.ok()) << updated.status().message();
    EXPECT_EQ(updated->supervisor_unit_name, "东城派出所");
    ASSERT_TRUE(SetOrgStatus(*c_, court.id, "suspended", sysadmin_, kNow + 20).ok());
    EXPECT_EQ(Problem(SetOrgStatus(*c_, court.id, "suspended", sysadmin_, kNow + 30).status(), "status"), "not_active");
    auto history = repo::ListChanges(*c_, court.id);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 3u);
    EXPECT_EQ((*history)[0].change, "created");
    EXPECT_EQ((*history)[1].change, "updated");
    EXPECT_EQ((*history)[1].before["supervisor_unit_id"], bureau_);
    EXPECT_EQ((*history)[1].after["supervisor_unit_id"], east_);
    EXPECT_FALSE((*history)[1].after.contains("name"));  // only what changed
    EXPECT_EQ((*history)[2].after["status"], "suspended");
    EXPECT_EQ((*history)[0].by_user, sysadmin_.user_id);
}

TEST_P(OrgsDbTest, PoliceSeeTheOrganisationsTheirAreaSupervises) {
    Org("department", "示范县城市管理局", "11519901008802032U", east_);
    Org("department", "示范县市场监督管理局", "11519901008802040N", west_);
    OrgQuery q;
    q.unit_scope = std::vector<int64_t>{east_};
    auto page = repo::ListOrgs(*c_, q);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->second, 1);
    EXPECT_EQ(page->first[0].name, "示范县城市管理局");
    auth::Principal station;
    station.unit_scope = {east_};
    EXPECT_TRUE(SeesOrganisation(station, page->first[0]));
    Organisation other;
    other.supervisor_unit_id = west_;
    EXPECT_FALSE(SeesOrganisation(station, other));
    // A station administrator cannot place an organisation under another station.
    Organisation o = page->first[0];
    o.supervisor_unit_id = west_;
    EXPECT_EQ(Problem(UpdateOrg(*c_, o, station, kNow).status(), "supervisor_unit_id"), "out_of_scope");
}

TEST_P(OrgsDbTest, ExternalPrincipalHasNoUnitScopeAndOnlyItsKindsRoles) {
    Organisation court = Org("court", "示范县人民法院", "115199010088020241", bureau_);
    const int64_t judge = Staff(sysadmin_, court.id, "judge", "judge");
    ASSERT_NE(judge, 0);
    // Even if the database grants it a police role, an external account does not get it.
    ASSERT_TRUE(
        c_->Exec("INSERT INTO user_roles (user_id, role_code) VALUES (?, 'sys_admin')", {storage::V(judge)}).ok());
    auth::Principal p = PrincipalOf(judge);
    EXPECT_EQ(p.org_id, court.id);
    EXPECT_EQ(p.org_kind, "court");
    EXPECT_EQ(p.org_name, "示范县人民法院");
    EXPECT_EQ(p.unit_id, 0);
    EXPECT_TRUE(p.unit_scope.empty());
    EXPECT_FALSE(p.all_units);
    EXPECT_EQ(p.roles, std::vector<std::string>{"judge"});
    EXPECT_FALSE(p.Can("org.read"));
    EXPECT_FALSE(p.SeesUnit(bureau_));
    EXPECT_EQ(auth::OrgFilter(p), std::optional<std::vector<int64_t>>(std::vector<int64_t>{court.id}));
    EXPECT_FALSE(auth::OrgFilter(sysadmin_).has_value());
    // A police account's lists leave external accounts out.
    auth::repo::UserQuery q;
    auto police = auth::repo::ListUsers(*c_, q);
    ASSERT_TRUE(police.ok());
    EXPECT_EQ(police->second, 1);  // sysadmin only
    ASSERT_TRUE(SetOrgStatus(*c_, court.id, "suspended", sysadmin_, kNow).ok());
    auto refused = sessions_->BuildPrincipal(*c_, judge, kNow);
    EXPECT_EQ(refused.status().code(), ErrorCode::kUnauthenticated);
}

TEST_P(OrgsDbTest, AnOrganisationAdministratorManagesOnlyItsOwnStaff) {
    Organisation company = Org("courier_company", "示范速递有限公司", "91519901MA6CX00174", bureau_);
    Organisation other_company = Org("courier_company", "远方快运有限公司", "91519901MA6CX0025Y", bureau_);
    Organisation outlet = Org("courier_outlet", "示范速递城关网点", "D2143569X", east_, company.id);
    Organisation other_outlet = Org("courier_outlet", "远方快运东城网点", "123456788", east_, other_company.id);
    const auth::Principal company_admin = PrincipalOf(Staff(sysadmin_, company.id, "sdadmin", "courier_company"));
    EXPECT_EQ(company_admin.org_scope, (std::vector<int64_t>{company.id, outlet.id}));
    // The company administrator adds its outlet's administrator; that one adds a clerk.
    const int64_t outlet_admin_id = Staff(company_admin, outlet.id, "cgadmin", "outlet_admin");
    ASSERT_NE(outlet_admin_id, 0);
    const auth::Principal outlet_admin = PrincipalOf(outlet_admin_id);
    EXPECT_EQ(outlet_admin.org_scope, std::vector<int64_t>{outlet.id});
    Status error;
    const int64_t clerk = Staff(outlet_admin, outlet.id, "cgclerk", "outlet_clerk", &error);
    ASSERT_NE(clerk, 0) << error.message();
    auto clerk_user = auth::repo::GetUser(*c_, clerk);
    ASSERT_TRUE(clerk_user.ok());
    // The next free external account number: after the company's (890001) and the outlet's (890002) administrators.
    EXPECT_EQ(clerk_user->police_no, "890003");
    EXPECT_TRUE(clerk_user->must_change_password);
    // Not another administrator of its own outlet, nor a role of another kind, nor another company's outlet.
    Staff(outlet_admin, outlet.id, "cgadmin2", "outlet_admin", &error);
    EXPECT_EQ(Problem(error, "role"), "not_allowed");
    Staff(outlet_admin, outlet.id, "cgjudge", "judge", &error);
    EXPECT_EQ(Problem(error, "roles"), "external_role");
    Staff(outlet_admin, other_outlet.id, "intruder", "outlet_clerk", &error);
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
    Staff(company_admin, other_outlet.id, "intruder", "outlet_clerk", &error);
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
    // Managing: its clerk yes; another company's clerk, itself, a peer administrator no.
    const int64_t other_clerk = Staff(sysadmin_, other_outlet.id, "yfclerk", "outlet_clerk");
    EXPECT_TRUE(ManagedStaff(*c_, outlet_admin, clerk).ok());
    EXPECT_TRUE(ManagedStaff(*c_, company_admin, clerk).ok());
    EXPECT_EQ(ManagedStaff(*c_, outlet_admin, other_clerk).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(ManagedStaff(*c_, company_admin, other_clerk).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(Problem(ManagedStaff(*c_, outlet_admin, outlet_admin_id).status(), "id"), "own_account");
    const int64_t peer = Staff(sysadmin_, outlet.id, "cgadmin3", "outlet_admin");
    EXPECT_EQ(Problem(ManagedStaff(*c_, outlet_admin, peer).status(), "id"), "peer_administrator");
    EXPECT_TRUE(ManagedStaff(*c_, company_admin, peer).ok());  // the company manages its outlets' administrators
    // A police account is never managed here.
    EXPECT_EQ(ManagedStaff(*c_, company_admin, sysadmin_.user_id).status().code(), ErrorCode::kNotFound);
}

TEST_P(OrgsDbTest, TheDemoCountysOrganisations) {
    ASSERT_TRUE(SeedDemo(*c_, kNow).ok());
    auto all = repo::ListOrgs(*c_, OrgQuery{});
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->second, 4);
    for (const char* username : {"procurator", "judge", "citymgmt"}) {
        auto u = auth::repo::GetUserByUsername(*c_, username);
        ASSERT_TRUE(u.ok()) << username;
        EXPECT_NE(u->org_id, 0);
        EXPECT_EQ(u->police_no.substr(0, 4), "8802");
        EXPECT_FALSE(u->must_change_password);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, OrgsDbTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::orgs
