// The demo county's unit heads (issue 13): 督办 goes to the heads of the case's unit, and the demo bureau's
// accounts hold no such role (auth/seed.cpp). A role "unit_head" (所长 / 大队长: the unit's cases, supervision,
// receiving and sending 督办 within the unit) and a head for each station are added (chief: 城关派出所, chief2:
// 东城, chief3: 西河, chief4: 南山, chief5: 北坝, chief6: 青石), so that `make demo` shows a 督办 arriving in a
// head's to-do. A real bureau's security administrator gives case.urge.receive to its own role.
#include "auth/auth_repository.hpp"
#include "auth/password.hpp"
#include "auth/seed.hpp"
#include "cases/urging/todo_sources.hpp"

namespace jw::cases::urging {

Status SeedDemoUnitHeads(storage::Connection& c, int64_t now) {
    auth::Role role{"unit_head",
                    "business",
                    "unit",
                    false,
                    {"case.read", "case.person.read", "supervision.read", "case.urge", "case.urge.receive",
                     "notify.read", "case.act"}};  // case.act: the 部门负责人审核 (dept_approve) of a proposed penalty
    JW_RETURN_IF_ERROR(auth::repo::EnsureRole(c, role));
    struct Head {
        const char* username;
        const char* police_no;
        const char* name;
        const char* unit;
    };
    const Head heads[] = {{"chief", "870101", "孙国栋", "城关派出所"},  {"chief2", "870102", "李振华", "东城派出所"},
                          {"chief3", "870103", "周明远", "西河派出所"}, {"chief4", "870104", "吴建平", "南山派出所"},
                          {"chief5", "870105", "郑海波", "北坝派出所"}, {"chief6", "870106", "冯立新", "青石派出所"}};
    for (const Head& h : heads) {
        JW_ASSIGN_OR_RETURN(auto unit, c.Query("SELECT id FROM units WHERE name = ?", {storage::V(h.unit)}));
        if (unit.empty()) continue;  // a county without the demo's stations
        auth::User u;
        u.username = h.username;
        u.police_no = h.police_no;
        u.name = h.name;
        u.unit_id = unit[0].Int(0);
        u.phone = std::string("1390") + h.police_no + "0";
        u.status = "active";
        u.password_hash = auth::HashPassword(auth::kDemoPassword);
        u.must_change_password = false;
        JW_ASSIGN_OR_RETURN(int64_t id, auth::repo::InsertUser(c, u, now));
        JW_RETURN_IF_ERROR(auth::repo::SetUserRoles(c, id, {"unit_head"}));
    }
    return Status::Ok();
}

}  // namespace jw::cases::urging
