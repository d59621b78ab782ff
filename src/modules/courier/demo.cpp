#include "courier/demo.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>
#include <thread>
#include <vector>

#include "auth/auth_repository.hpp"
#include "auth/password.hpp"
#include "auth/seed.hpp"
#include "common/validators.hpp"
#include "community/orgs/credit_code.hpp"
#include "courier/courier_keys.hpp"
#include "courier/records/record_repository.hpp"
#include "courier/records/watch_adapter.hpp"
#include "courier/registry/registry_repository.hpp"
#include "orgs/orgs_service.hpp"
#include "personwatch/personwatch_repository.hpp"
#include "storage/bulk_load.hpp"

namespace jw::courier {
namespace {
using storage::V;

const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "林"};
const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"};
const char* kCities[] = {"广东省广州市天河区", "广东省深圳市南山区", "湖南省长沙市岳麓区", "四川省成都市武侯区",
                         "浙江省杭州市西湖区", "北京市朝阳区",       "上海市浦东新区",     "湖北省武汉市洪山区"};
const char* kContent[] = {"衣服", "书籍", "茶叶", "手机壳", "化妆品", "零食", "文件", "鞋子"};
const char* kCategory[] = {"clothing", "document", "food", "electronics", "cosmetics", "food", "document", "clothing"};

// A deterministic pseudo-random sequence (the demo is the same every time).
struct Lcg {
    uint64_t s;
    uint32_t Next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<uint32_t>(s >> 33);
    }
    int Below(int n) { return static_cast<int>(Next() % static_cast<uint32_t>(n)); }
};

std::string Name(Lcg& r) {
    return std::string(kSurnames[r.Below(15)]) + kGiven[r.Below(16)] + (r.Below(3) ? kGiven[r.Below(16)] : "");
}
std::string Phone(Lcg& r) {
    char b[16];
    std::snprintf(b, sizeof b, "13%09u", r.Next() % 1000000000u);
    return b;
}

// A unified social credit code (GB 32100) for demo organisation n: enterprise (9, 1), region 519901.
std::string DemoCreditCode(int n) {
    char body[18];
    std::snprintf(body, sizeof body, "91519901MA%07d", 8804000 + n);
    return std::string(body, 17) + community::CreditCodeCheckCharacter(std::string_view(body, 17));
}

// An account of the organisation (password kDemoPassword, no forced change).
Result<int64_t> DemoAccount(storage::Connection& tx, int64_t org_id, const std::string& username, int seq,
                            const std::string& name, const std::string& role, const std::string& hash, int64_t now) {
    auth::Principal seeder;
    seeder.all_units = true;
    char account_no[8];
    std::snprintf(account_no, sizeof account_no, "8804%02d", seq);
    orgs::NewStaff st{username, account_no, name, std::string("1390") + account_no + "0", role};
    JW_ASSIGN_OR_RETURN(auth::User u, orgs::AddStaff(tx, seeder, org_id, st, hash, now));
    JW_RETURN_IF_ERROR(auth::repo::SetPassword(tx, u.id, hash, false, now));
    return u.id;
}

// The loader rows of `made`, in order, sealed on up to four threads (the sealer is thread-safe).
std::vector<storage::Params> SealRows(const std::vector<NewRecord>& made) {
    std::vector<storage::Params> rows(made.size());
    auto work = [&](size_t from, size_t to) {
        for (size_t i = from; i < to; ++i) rows[i] = RecordRow(made[i]);
    };
    const size_t workers = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4);
    const size_t per = (made.size() + workers - 1) / workers;
    std::vector<std::future<void>> parts;
    for (size_t from = per; from < made.size(); from += per)
        parts.push_back(std::async(std::launch::async, work, from, std::min(made.size(), from + per)));
    work(0, std::min(made.size(), per));
    for (auto& p : parts) p.get();  // rethrows a worker's exception (keys not installed: a broken invariant)
    return rows;
}

}  // namespace

std::string DemoIdNumber(int64_t n) {
    char body[18];
    // Born 1960–1999, sequence from n; 519901 is the demo county.
    const int year = 1960 + static_cast<int>(n % 40), month = 1 + static_cast<int>((n / 40) % 12),
              day = 1 + static_cast<int>((n / 480) % 28), seq = static_cast<int>(n % 1000);
    std::snprintf(body, sizeof body, "519901%04d%02d%02d%03d", year, month, day, seq);
    return std::string(body, 17) + IdCheckCharacter(std::string_view(body, 17));
}

Status SeedCourierDemo(storage::Connection& tx, int64_t now, int records) {
    const auto start = std::chrono::steady_clock::now();
    // Stations of the county, for the outlets' local police.
    JW_ASSIGN_OR_RETURN(auto stations, tx.Query("SELECT id, name FROM units WHERE kind = 'station' ORDER BY code"));
    if (stations.empty()) return Status::Internal("courier demo: no stations");
    JW_ASSIGN_OR_RETURN(auto addresses, tx.Query("SELECT id, full_name, township FROM community_addresses "
                                                 "WHERE level = 'house' ORDER BY id LIMIT 12"));
    const struct {
        const char* code;
        const char* name;
    } companies[] = {{"SDKD", "顺达快递（示例）"}, {"YTWL", "远通物流（示例）"}, {"ZXSD", "中心速递（示例）"}};
    std::vector<Outlet> outlets;
    std::vector<int64_t> outlet_orgs;
    int n = 0, org_seq = 0;
    auth::Principal seeder;  // the demo seed acts county-wide
    seeder.all_units = true;
    JW_ASSIGN_OR_RETURN(int64_t bureau, auth::repo::UnitIdByCode(tx, "519901000000"));
    const std::string hash = auth::HashPassword(auth::kDemoPassword);
    for (const auto& co : companies) {
        orgs::Organisation org;
        org.kind = "courier_company";
        org.name = co.name;
        org.code = DemoCreditCode(org_seq++);
        org.supervisor_unit_id = bureau;
        org.contact_name = "企业联系人";
        org.contact_phone = "0838-2288" + std::to_string(100 + org_seq);
        JW_ASSIGN_OR_RETURN(orgs::Organisation company_org, orgs::CreateOrg(tx, org, seeder, now));
        Company c{0, co.code, co.name, std::string("邮快许2026") + co.code};
        c.org_id = company_org.id;
        JW_ASSIGN_OR_RETURN(c.id, InsertCompany(tx, c, std::string("jingwu-demo-") + co.code, now));
        if (org_seq == 1)  // the first company's administrator sees all its outlets (880405)
            JW_RETURN_IF_ERROR(
                DemoAccount(tx, company_org.id, "courier_company1", 5, "企业管理员", "courier_company", hash, now)
                    .status());
        for (int k = 0; k < 4; ++k, ++n) {
            Outlet o;
            o.company_id = c.id;
            o.code = std::string(co.code) + "-" + std::to_string(k + 1);
            const auto& st = stations[static_cast<size_t>(n) % stations.size()];
            o.station_unit_id = st.Int(0);
            std::string station_area = st.Str(1).substr(0, st.Str(1).size() - std::string("派出所").size());
            o.name = std::string(co.name).substr(0, 6) + station_area + "网点";
            o.licence_no = std::string("分支备案") + o.code;
            o.manager_name = std::string(kSurnames[n % 15]) + "经理";
            o.manager_phone = "1380000" + std::to_string(1000 + n);
            if (static_cast<size_t>(n) < addresses.size()) {
                o.address_id = addresses[n].Int(0);
                o.address_text = addresses[n].Str(1);
                o.township = addresses[n].Str(2);
            } else {
                o.address_text = "示例县" + station_area + "大道" + std::to_string(n + 1) + "号";
                o.township = station_area;
            }
            orgs::Organisation oo;
            oo.kind = "courier_outlet";
            oo.name = o.name;
            oo.code = DemoCreditCode(org_seq++);
            oo.parent_id = company_org.id;
            oo.supervisor_unit_id = o.station_unit_id;
            oo.contact_name = o.manager_name;
            oo.contact_phone = o.manager_phone;
            JW_ASSIGN_OR_RETURN(orgs::Organisation outlet_org, orgs::CreateOrg(tx, oo, seeder, now));
            o.org_id = outlet_org.id;
            JW_ASSIGN_OR_RETURN(o.id, InsertOutlet(tx, o, now));
            outlets.push_back(o);
        }
    }
    // Staff (从业人员备案): an administrator and a clerk per outlet; the first two outlets' have accounts
    // (outlet_admin1 880401, outlet_clerk1 880402, outlet_admin2 880403, outlet_clerk2 880404).
    Lcg rng{20261207};
    for (size_t i = 0; i < outlets.size(); ++i) {
        for (const char* role : {"admin", "clerk"}) {
            const bool admin = role[0] == 'a';
            Staff s;
            s.outlet_id = outlets[i].id;
            s.role = role;
            s.name = Name(rng);
            s.id_number = DemoIdNumber(100000 + static_cast<int64_t>(i) * 2 + (admin ? 0 : 1));
            s.phone = Phone(rng);
            s.status = "unmatched";
            if (i < 2) {
                const std::string username =
                    std::string(admin ? "outlet_admin" : "outlet_clerk") + std::to_string(i + 1);
                JW_ASSIGN_OR_RETURN(int64_t uid, DemoAccount(tx, *outlets[i].org_id, username,
                                                             static_cast<int>(i) * 2 + (admin ? 1 : 2), s.name,
                                                             admin ? "outlet_admin" : "outlet_clerk", hash, now));
                s.user_id = uid;
            }
            JW_RETURN_IF_ERROR(InsertStaff(tx, s, now).status());
        }
    }
    // A few senders the watch list names (the person watch list's demo entries, seeded before this module).
    personwatch::EntryFilter active;
    active.status = "active";
    active.page_size = 3;
    JW_ASSIGN_OR_RETURN(auto listed, personwatch::ListEntries(tx, active));
    std::vector<std::pair<std::string, std::string>> watched;  // (id number, name)
    for (const auto& e : listed.first)
        if (e.id_kind == "resident_id") watched.emplace_back(e.id_number, e.name);
    struct Held {
        Outlet outlet;
        std::string waybill, id_number, name;
        int64_t at;
    };
    std::vector<Held> held;
    // Records: made in order (the sequence is deterministic), sealed on the machine's cores (six seals and six
    // blind indexes each: most of the time), then sent through the bulk loader.
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<NewRecord> made;
    made.reserve(static_cast<size_t>(records));
    std::vector<std::string> senders;
    for (int i = 0; i < 3000; ++i) senders.push_back(DemoIdNumber(200000 + i));
    for (int i = 0; i < records; ++i) {
        NewRecord r;
        const Outlet& o = outlets[static_cast<size_t>(rng.Below(static_cast<int>(outlets.size())))];
        r.company_id = o.company_id;
        r.outlet_id = o.id;
        const bool pattern = i < 40;  // one sender, forty receivers, in the last five days
        r.in.waybill_no = "DEMO" + std::to_string(1000000 + i);
        r.in.sender_name = pattern ? "周明" : Name(rng);
        r.in.sender_id = pattern ? kDemoPatternSender : senders[static_cast<size_t>(rng.Below(3000))];
        r.in.sender_phone = Phone(rng);
        r.in.receiver_name = Name(rng);
        r.in.receiver_phone = Phone(rng);
        r.in.receiver_address =
            std::string(kCities[rng.Below(8)]) + "示例路" + std::to_string(rng.Below(300) + 1) + "号";
        const int what = rng.Below(8);
        r.in.category = kCategory[what];
        r.in.declared_content = kContent[what];
        r.in.declared_value_cents = 100 * (10 + rng.Below(500));
        r.in.inspected = true;
        r.in.accepted_at = now - (pattern ? rng.Below(5 * 86400) : rng.Below(30 * 86400));
        // About 3 % of records come from outlets that did not check the document (an unverified temporary ID),
        // and some reach the platform a day late: the supervision pages have something to show.
        // The planted pattern keeps its sender's resident ID (碰撞比对 finds all forty).
        const bool unverified = rng.Below(100) < 3;
        if (unverified && !pattern)
            r.in.sender_doc_type = "temporary_id", r.in.sender_id = "LS" + std::to_string(100000 + i);
        r.id_verified = r.in.sender_doc_type == "resident_id";
        r.uploaded_at = r.in.accepted_at + (rng.Below(100) < 2 ? 2 * 86400 : 60);
        if (r.uploaded_at > now) r.uploaded_at = now;
        r.source = rng.Below(3) ? "bulk" : "counter";
        r.status = "accepted";
        if (i >= 40 && static_cast<size_t>(i - 40) < watched.size()) {
            r.in.sender_id = watched[static_cast<size_t>(i - 40)].first;
            r.in.sender_name = watched[static_cast<size_t>(i - 40)].second;
            r.in.sender_doc_type = "resident_id";
            r.id_verified = true;
            r.status = "held";
            r.in.accepted_at = now - 3600 * (i - 39);
            r.uploaded_at = r.in.accepted_at + 5;
            held.push_back({o, r.in.waybill_no, r.in.sender_id, r.in.sender_name, r.in.accepted_at});
        }
        made.push_back(std::move(r));
    }
    const auto t1 = std::chrono::steady_clock::now();
    std::vector<storage::Params> rows = SealRows(made);
    const auto t2 = std::chrono::steady_clock::now();
    JW_ASSIGN_OR_RETURN(auto loader, storage::BulkLoader::Start(tx, "courier_records", RecordColumns()));
    for (const auto& row : rows) JW_RETURN_IF_ERROR(loader->Add(row));
    JW_RETURN_IF_ERROR(loader->Finish());
    const auto t3 = std::chrono::steady_clock::now();
    // Their alerts, as the intake raised them at the time: the outlets' stations see them on the board.
    const WatchCheck watch = MakeWatchCheck();
    for (const auto& h : held) {
        WatchSubject who{"resident_id", h.id_number,
                         h.name,        h.outlet.station_unit_id,
                         h.outlet.name, "courier:" + std::to_string(h.outlet.company_id) + ":" + h.waybill};
        JW_RETURN_IF_ERROR(watch(tx, who, h.at).status());
    }
    const auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    char line[200];
    std::snprintf(line, sizeof line,
                  "demo courier: %zu outlets, %d records in %.1f s (made %.1f s, sealed %.1f s, loaded %.1f s)\n",
                  outlets.size(), records, seconds(start, std::chrono::steady_clock::now()), seconds(t0, t1),
                  seconds(t1, t2), seconds(t2, t3));
    std::cout << line;
    return Status::Ok();
}

}  // namespace jw::courier
