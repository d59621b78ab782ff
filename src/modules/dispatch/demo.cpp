// The demo county's 110 desk (dispatch_module.hpp): the catalogue's departments on the orgs registry with one
// dept_staff account each (8806xx; 示范县城市管理局's account is the orgs module's `citymgmt`), a patrol officer
// (`patrol`, 880610) and two patrol units per station, and 60 days of calls — about 150 a day, two thirds not police
// matters — with their work orders at the eight departments in every state and their callbacks. Fictional; the
// rows go through storage::BulkLoader so `init --demo` stays fast. Deterministic (a fixed pseudo-random sequence).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>

#include "auth/auth_repository.hpp"
#include "auth/password.hpp"
#include "auth/seed.hpp"
#include "common/china_day.hpp"
#include "dispatch/calls/call_service.hpp"
#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch_keys.hpp"
#include "dispatch/dispatch_module.hpp"
#include "dispatch/diversion/diversion_service.hpp"
#include "orgs/orgs_repository.hpp"
#include "orgs/orgs_service.hpp"
#include "storage/bulk_load.hpp"

namespace jw::dispatch {
namespace {

using storage::Null;
using storage::V;

inline constexpr int kDays = 60;
inline constexpr int kCallsPerDay = 150;

// A small linear congruential generator: the same demo county every time.
struct Random {
    uint64_t state = 20261207;
    uint32_t Next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<uint32_t>(state >> 33);
    }
    int Below(int n) { return static_cast<int>(Next() % static_cast<uint32_t>(n)); }
};

storage::Value OptV(const std::optional<int64_t>& v) { return v ? V(*v) : Null(); }

struct DeptAccount {
    const char* code;
    const char* username;  // empty: the orgs module's demo already has one
    const char* account_no;
    const char* person;
};

Status SeedDepartments(storage::Connection& tx, const std::string& hash, int64_t now) {
    JW_ASSIGN_OR_RETURN(int64_t bureau, auth::repo::UnitIdByCode(tx, "519901000000"));
    auth::Principal seeder;
    seeder.all_units = true;
    const DeptAccount accounts[] = {
        {"citymgmt", "", "", ""},
        {"market", "market", "880601", "宋晓梅"},
        {"housing", "housing", "880602", "唐建国"},
        {"utilities", "utilities", "880603", "马永清"},
        {"hr", "hrss", "880604", "陈淑芬"},
        {"environment", "environ", "880605", "周明亮"},
        {"transport", "transport", "880606", "林志远"},
        {"hotline12345", "hotline", "880607", "王丽娟"},
    };
    for (const DeptAccount& a : accounts) {
        const Department* d = FindDepartment(a.code);
        if (!d) return Status::Internal("departments.csv lacks " + std::string(a.code));
        JW_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM organisations WHERE code = ?", {V(d->org_code)}));
        int64_t org_id = 0;
        if (rows.empty()) {
            orgs::Organisation o;
            o.kind = "department";
            o.name = d->name;
            o.code = d->org_code;
            o.supervisor_unit_id = bureau;
            o.contact_name = d->contact_name;
            o.contact_phone = d->contact_phone;
            JW_ASSIGN_OR_RETURN(orgs::Organisation created, orgs::CreateOrg(tx, o, seeder, now));
            org_id = created.id;
        } else {
            org_id = rows.front().Int(0);
        }
        if (std::string(a.username).empty()) continue;
        orgs::NewStaff s{a.username, a.account_no, a.person, std::string("139") + a.account_no + "00", "dept_staff"};
        JW_ASSIGN_OR_RETURN(auth::User u, orgs::AddStaff(tx, seeder, org_id, s, hash, now));
        JW_RETURN_IF_ERROR(auth::repo::SetPassword(tx, u.id, hash, false, now));
    }
    return SyncDepartments(tx);
}

}  // namespace

Status SeedDemo(storage::Connection& tx, int64_t now) {
    const auto started = std::chrono::steady_clock::now();
    const std::string hash = auth::HashPassword(auth::kDemoPassword);  // one argon2 run for every demo account
    JW_RETURN_IF_ERROR(SeedDepartments(tx, hash, now));
    JW_ASSIGN_OR_RETURN(
        auto station_rows,
        tx.Query("SELECT id, name FROM units WHERE kind = 'station' AND COALESCE(dissolved_at, 0) = 0 ORDER BY code"));
    if (station_rows.empty()) return Status::Ok();
    std::vector<int64_t> stations;
    for (const auto& r : station_rows) stations.push_back(r.Int(0));

    // The patrol officer of the first station and two patrol units per station.
    auth::User officer;
    officer.username = "patrol";
    officer.police_no = "880610";
    officer.name = "郑巡安";
    officer.unit_id = stations.front();
    officer.phone = "13988061000";
    officer.status = "active";
    officer.password_hash = hash;
    officer.must_change_password = false;
    JW_ASSIGN_OR_RETURN(int64_t officer_id, auth::repo::InsertUser(tx, officer, now));
    JW_RETURN_IF_ERROR(auth::repo::SetUserRoles(tx, officer_id, {"officer"}));
    for (size_t i = 0; i < station_rows.size(); ++i)
        for (int n = 1; n <= 2; ++n) {
            char code[32];
            std::snprintf(code, sizeof code, "P%02zu-%d", i + 1, n);
            JW_RETURN_IF_ERROR(
                tx.Exec("INSERT INTO dispatch_patrols (code, name, unit_id, leader_user_id, status, status_at) "
                        "VALUES (?,?,?,?,'available',?)",
                        {V(std::string(code)), V(station_rows[i].Str(1).substr(0, 6) + (n == 1 ? "一组" : "二组")),
                         V(stations[i]), i == 0 && n == 1 ? V(officer_id) : Null(), V(now)}));
        }

    // Places: standard addresses of the master index (so repeat places show), else a few texts.
    JW_ASSIGN_OR_RETURN(auto address_rows,
                        tx.Query("SELECT id, code, full_name, latitude, longitude FROM community_addresses WHERE "
                                 "level IN ('house', 'building') ORDER BY id LIMIT 120"));
    std::vector<Category> police, non_police;
    for (const auto& c : Categories()) {
        if (c.parent.empty()) continue;
        (c.police ? police : non_police).push_back(c);
    }
    std::map<std::string, std::vector<std::string>> depts_of;  // category → departments
    for (const auto& d : Departments())
        for (const auto& t : d.topics) depts_of[t].push_back(d.code);
    depts_of["0907"].push_back("transport");

    JW_ASSIGN_OR_RETURN(auto desk_row, tx.QueryOne("SELECT id FROM users WHERE username = 'duty'"));
    const int64_t desk = desk_row.Int(0);
    JW_ASSIGN_OR_RETURN(auto max_row, tx.QueryOne("SELECT COALESCE(MAX(id), 0) FROM dispatch_calls"));
    int64_t next_call = max_row.Int(0) + 1;
    const FieldSealer& sealer = Sealer();
    Random rnd;
    static const char* kSurnames = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高";
    static const char* kGiven[] = {"建国", "秀英", "志强", "丽华", "海燕", "明", "芳", "伟", "静", "磊"};
    std::vector<std::string> repeat_phones;
    for (int i = 0; i < 30; ++i) repeat_phones.push_back("1380000" + std::to_string(1000 + i));

    JW_ASSIGN_OR_RETURN(
        auto calls,
        storage::BulkLoader::Start(tx, "dispatch_calls",
                                   {"id",          "call_no",     "received_at", "caller_phone",    "caller_index",
                                    "caller_name", "summary",     "place_text",  "address_id",      "address_code",
                                    "place_key",   "category",    "police",      "priority",        "unit_id",
                                    "patrol_id",   "state",       "outcome",     "dispatched_at",   "accepted_at",
                                    "arrived_at",  "finished_at", "closed_at",   "dispatch_due_at", "arrival_due_at",
                                    "taken_by",    "created_at",  "updated_at",  "latitude",        "longitude"}));
    struct Later {
        int64_t call_id;
        int64_t at;
        std::string call_no, dept, state;  // work order state
        int64_t unit;
        std::string callback;  // "" none | pending | satisfied | basic | unsatisfied
    };
    std::vector<Later> orders, callbacks;
    for (int day = kDays - 1; day >= 0; --day) {
        const int64_t day_start = ChinaDayStart(now) - int64_t(day) * 86400;
        const std::string date = FormatChinaDate(day_start);
        const std::string prefix = "JJ" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
        int seq = 0;
        for (int i = 0; i < kCallsPerDay; ++i) {
            const int64_t at = day_start + rnd.Below(86400);
            if (at >= now - 60) continue;  // the future part of today
            const int64_t age = now - at;
            const bool is_police = rnd.Below(3) == 0;
            const Category& cat =
                is_police ? police[rnd.Below(int(police.size()))] : non_police[rnd.Below(int(non_police.size()))];
            const int64_t unit = stations[rnd.Below(int(stations.size()))];
            const std::string phone = rnd.Below(10) == 0 ? repeat_phones[rnd.Below(30)]
                                                         : "139" + std::to_string(10000000 + rnd.Below(89999999));
            std::string name(kSurnames + 3 * rnd.Below(20), 3);
            name += kGiven[rnd.Below(10)];
            std::optional<int64_t> address_id;
            std::string address_code, place;
            storage::Value latitude, longitude;  // the address's point, so the board's map shows the call
            if (!address_rows.empty()) {
                const auto& a = address_rows[rnd.Below(int(address_rows.size()))];
                address_id = a.Int(0);
                address_code = a.Str(1);
                place = a.Str(2);
                latitude = a.Opt(3);
                longitude = a.Opt(4);
            } else {
                place = "城关镇解放路" + std::to_string(1 + rnd.Below(80)) + "号";
            }
            char no[16];
            std::snprintf(no, sizeof no, "%04d", ++seq);
            const std::string call_no = prefix + no;
            // Where the call stands: old ones closed, the last hours on the board in every state.
            std::string state, outcome;
            std::optional<int64_t> dispatched, accepted, arrived, finished, closed;
            const int64_t d1 = at + 60 + rnd.Below(120), d2 = d1 + 30 + rnd.Below(60), d3 = d2 + 300 + rnd.Below(900),
                          d4 = d3 + 600 + rnd.Below(3600);
            if (is_police) {
                const int64_t closed_at = d4 + 86400;
                if (age > 2 * 86400) {
                    state = "closed";
                } else if (age > 6 * 3600) {
                    state = "finished";
                } else {
                    static const char* kOpen[] = {"received", "dispatched", "accepted", "arrived", "finished"};
                    state = kOpen[std::min<int64_t>(4, age / 1800)];
                }
                if (state != "received") dispatched = d1;
                if (state != "received" && state != "dispatched") accepted = d2;
                if (state == "arrived" || state == "finished" || state == "closed") arrived = d3;
                if (state == "finished" || state == "closed") {
                    finished = d4;
                    outcome = "resolved";
                }
                if (state == "closed") closed = closed_at;
                if (finished) {
                    Later l{next_call, *finished, call_no, "", "", unit, "pending"};
                    if (closed) l.callback = rnd.Below(20) == 0 ? "basic" : "satisfied";
                    callbacks.push_back(l);
                }
            } else {
                state = "diverted";
                outcome = "diverted";
                finished = d1;
                const auto& ds = depts_of[cat.code];
                const std::string dept = ds.empty() ? "hotline12345" : ds[rnd.Below(int(ds.size()))];
                std::string order_state;
                if (age > 10 * 86400)
                    order_state = "closed";
                else if (age > 3 * 86400)
                    order_state = rnd.Below(3) == 0 ? "closed" : "reported";
                else if (age > 86400)
                    order_state = rnd.Below(2) == 0 ? "reported" : "accepted";
                else
                    order_state = rnd.Below(2) == 0 ? "accepted" : "sent";
                if (order_state == "closed") {
                    state = "closed";
                    closed = d1 + 2 * 86400;
                }
                orders.push_back(Later{next_call, d1, call_no, dept, order_state, unit, ""});
                if (order_state == "closed" || order_state == "reported") {
                    Later l{next_call, d1 + 86400, call_no, dept, order_state, unit, "pending"};
                    if (order_state == "closed") {
                        const int r = rnd.Below(50);
                        l.callback = r < 44 ? "satisfied" : (r < 49 ? "basic" : "unsatisfied");
                    }
                    callbacks.push_back(l);
                }
            }
            const int64_t dispatch_due = at + int64_t(cat.dispatch_minutes) * 60;
            const int64_t arrival_due =
                at + int64_t(cat.arrival_minutes ? cat.arrival_minutes : cat.dispatch_minutes) * 60;
            JW_RETURN_IF_ERROR(calls->Add({V(next_call),
                                           V(call_no),
                                           V(at),
                                           V(sealer.Seal(phone)),
                                           V(CallerIndex(phone)),
                                           V(sealer.Seal(name)),
                                           V(std::string(is_police ? "报警称" : "求助：") + cat.name_zh),
                                           V(place),
                                           OptV(address_id),
                                           V(address_code),
                                           V(PlaceKey(address_id, place)),
                                           V(cat.code),
                                           V(cat.police),
                                           V(cat.priority),
                                           V(unit),
                                           Null(),
                                           V(state),
                                           V(outcome),
                                           OptV(dispatched),
                                           OptV(accepted),
                                           OptV(arrived),
                                           OptV(finished),
                                           OptV(closed),
                                           V(dispatch_due),
                                           V(arrival_due),
                                           V(desk),
                                           V(at),
                                           V(closed.value_or(at)),
                                           latitude,
                                           longitude}));
            ++next_call;
        }
    }
    JW_RETURN_IF_ERROR(calls->Finish());

    JW_ASSIGN_OR_RETURN(auto dept_rows, tx.Query("SELECT code, org_id, limit_hours FROM dispatch_departments"));
    std::map<std::string, std::pair<std::optional<int64_t>, int64_t>> dept_info;
    for (const auto& r : dept_rows)
        dept_info[r.Str(0)] = {r.IsNull(1) ? std::nullopt : std::optional<int64_t>(r.Int(1)), r.Int(2)};
    std::map<int64_t, int64_t> order_of_call;
    JW_ASSIGN_OR_RETURN(auto max_order, tx.QueryOne("SELECT COALESCE(MAX(id), 0) FROM dispatch_work_orders"));
    int64_t next_order = max_order.Int(0) + 1;
    // No other statement between a loader's Start and Finish (bulk_load.hpp): the lookups above come first.
    JW_ASSIGN_OR_RETURN(auto order_loader,
                        storage::BulkLoader::Start(
                            tx, "dispatch_work_orders",
                            {"order_no", "call_id", "department_code", "org_id", "state", "due_at", "accepted_at",
                             "reported_at", "report", "closed_at", "version", "created_at", "updated_at"}));
    for (const auto& o : orders) {
        const auto& info = dept_info[o.dept];
        const bool accepted = o.state != "sent", reported = o.state == "reported" || o.state == "closed";
        JW_RETURN_IF_ERROR(
            order_loader->Add({V("GD" + o.call_no.substr(2)), V(o.call_id), V(o.dept), OptV(info.first), V(o.state),
                               V(o.at + info.second * 3600), accepted ? V(o.at + 3600) : Null(),
                               reported ? V(o.at + 80000) : Null(), V(std::string(reported ? "已处理并答复群众" : "")),
                               o.state == "closed" ? V(o.at + 2 * 86400) : Null(), V(int64_t{1}), V(o.at), V(o.at)}));
        order_of_call[o.call_id] = next_order++;
    }
    JW_RETURN_IF_ERROR(order_loader->Finish());

    JW_ASSIGN_OR_RETURN(auto cb_loader, storage::BulkLoader::Start(
                                            tx, "dispatch_callbacks",
                                            {"call_id", "work_order_id", "unit_id", "created_at", "due_at", "state",
                                             "result", "comment", "done_by", "done_at", "review", "review_note"}));
    for (const auto& b : callbacks) {
        const bool done = b.callback != "pending";
        auto order = order_of_call.find(b.call_id);
        JW_RETURN_IF_ERROR(cb_loader->Add(
            {V(b.call_id), order == order_of_call.end() ? Null() : V(order->second), V(b.unit), V(b.at),
             V(b.at + 3 * 86400), V(std::string(done ? "done" : "pending")), V(std::string(done ? b.callback : "")),
             V(std::string(b.callback == "unsatisfied" ? "处理太慢" : "")), done ? V(desk) : Null(),
             done ? V(b.at + 86400) : Null(), V(std::string(b.callback == "unsatisfied" ? "done" : "")),
             V(std::string(b.callback == "unsatisfied" ? "已约谈承办部门" : ""))}));
    }
    JW_RETURN_IF_ERROR(cb_loader->Finish());
    // PostgreSQL: the ids were given, so the sequences move past them.
    if (tx.dialect() == storage::Dialect::kPostgres) {
        for (const char* t : {"dispatch_calls", "dispatch_work_orders"})
            JW_RETURN_IF_ERROR(tx.Query(std::string("SELECT setval(pg_get_serial_sequence('") + t +
                                        "', 'id'), (SELECT MAX(id) FROM " + t + "))")
                                   .status());
    }
    char line[160];
    std::snprintf(line, sizeof line, "demo 110 calls: %lld, work orders: %zu, callbacks: %zu over %d days in %.1f s\n",
                  static_cast<long long>(calls->rows()), orders.size(), callbacks.size(), kDays,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    std::cout << line;
    return Status::Ok();
}

}  // namespace jw::dispatch
