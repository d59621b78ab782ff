#include "field/demo_accounts.hpp"

#include "auth/auth_repository.hpp"
#include "auth/password.hpp"
#include "auth/seed.hpp"

namespace jw::field {

Status SeedDemoFieldAccounts(storage::Connection& c, int64_t now) {
    const auth::Role auxiliary{
        "auxiliary",
        "business",
        "unit",
        false,
        {"community.address.match", "community.address.read", "community.grid.read", "community.work.read",
         "community.work.write", "community.person.read", "community.person.write", "community.house.read",
         "community.house.write", "community.org.read", "field.check", "field.offline", "personwatch.offline",
         "watch.read"}};
    const auth::Role grid_member{
        "grid_member",
        "business",
        "unit",
        false,
        {"community.address.match", "community.address.read", "community.grid.read", "community.work.read",
         "community.work.write", "community.person.read", "community.house.read",
         // the phone's offline store: the grid's addresses and the member's tasks (no people: ADR 0064)
         "field.offline"}};
    JW_RETURN_IF_ERROR(auth::repo::EnsureRole(c, auxiliary));
    JW_RETURN_IF_ERROR(auth::repo::EnsureRole(c, grid_member));
    JW_ASSIGN_OR_RETURN(auto unit, c.Query("SELECT id FROM units WHERE name = '城关派出所'"));
    if (unit.empty()) return Status::Ok();  // a county without the demo's stations
    // The demo officer's grid: the two join its team (replacing a named member of their role without an account).
    JW_ASSIGN_OR_RETURN(auto grid,
                        c.Query("SELECT m.grid_code FROM community_grid_members m JOIN users u ON "
                                "u.id = m.user_id WHERE u.username = 'officer' ORDER BY m.grid_code LIMIT 1"));
    struct Account {
        const char* username;
        const char* police_no;
        const char* name;
        const char* role;
    };
    for (const Account& a : {Account{"auxiliary", "880501", "韩小兵", "auxiliary"},
                             Account{"gridmember", "880502", "陶秀梅", "grid_member"}}) {
        auth::User u;
        u.username = a.username;
        u.police_no = a.police_no;
        u.name = a.name;
        u.unit_id = unit[0].Int(0);
        u.phone = std::string("1390") + a.police_no + "2";
        u.status = "active";
        u.password_hash = auth::HashPassword(auth::kDemoPassword);
        u.must_change_password = false;
        JW_ASSIGN_OR_RETURN(int64_t id, auth::repo::InsertUser(c, u, now));
        JW_RETURN_IF_ERROR(auth::repo::SetUserRoles(c, id, {a.role}));
        if (grid.empty()) continue;
        JW_ASSIGN_OR_RETURN(auto slot, c.Query("SELECT MIN(id) FROM community_grid_members WHERE grid_code = ? AND "
                                               "role = ? AND user_id IS NULL",
                                               {storage::V(grid[0].Str(0)), storage::V(a.role)}));
        if (slot.empty() || slot[0].IsNull(0)) continue;
        JW_RETURN_IF_ERROR(c.Exec("UPDATE community_grid_members SET user_id = ?, name = ? WHERE id = ?",
                                  {storage::V(id), storage::V(a.name), storage::V(slot[0].Int(0))}));
    }
    return Status::Ok();
}

}  // namespace jw::field
