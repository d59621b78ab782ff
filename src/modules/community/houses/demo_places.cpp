#include "community/houses/demo_places.hpp"

#include <map>

#include "auth/auth_repository.hpp"
#include "common/china_day.hpp"
#include "community/addresses/demo_addresses.hpp"
#include "community/houses/houses_repository.hpp"
#include "community/orgs/credit_code.hpp"
#include "community/orgs/orgs_repository.hpp"

namespace jw::community {
namespace {

// A fixed pseudo-random number per (index, salt): the same demo every time.
uint32_t Mix(uint64_t i, uint64_t salt) {
    uint64_t x = i * 0x9E3779B97F4A7C15ull + salt * 0xC2B2AE3D27D4EB4Full;
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    return uint32_t(x >> 11);
}

struct DemoFrame {
    std::map<std::string, int64_t> station_of_township;
    int64_t fallback_unit = 0, officer = 0;
    std::vector<int64_t> people;  // ids of the master index (may be empty)
};

Result<DemoFrame> Frame(storage::Connection& tx) {
    DemoFrame f;
    JW_ASSIGN_OR_RETURN(auto units, auth::repo::ListUnits(tx));
    std::vector<int64_t> stations;
    for (const auto& u : units)
        if (u.kind == "station") stations.push_back(u.id);
    if (stations.empty()) return Status::Internal("demo: no police stations to own the houses");
    JW_ASSIGN_OR_RETURN(auto officer, auth::repo::GetUserByUsername(tx, "officer"));
    f.officer = officer.id;
    f.fallback_unit = officer.unit_id;
    for (const Address& a : DemoAddresses(kDemoAddresses)) {
        if (a.level != "township" || f.station_of_township.count(a.township)) continue;
        const size_t i = f.station_of_township.size();
        f.station_of_township[a.township] = i == 0 ? officer.unit_id : stations[i % stations.size()];
    }
    auto rows = tx.Query("SELECT id FROM community_people ORDER BY id LIMIT 20000");
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) f.people.push_back(r.Int(0));
    return f;
}

int64_t UnitOf(const DemoFrame& f, const Address& a) {
    auto it = f.station_of_township.find(a.township);
    return it == f.station_of_township.end() ? f.fallback_unit : it->second;
}

}  // namespace

Status SeedDemoHouses(storage::Connection& tx, int64_t now) {
    JW_ASSIGN_OR_RETURN(DemoFrame f, Frame(tx));
    std::vector<House> houses;
    std::map<std::string, int64_t> key_of;  // address → its pseudo-random key n
    int64_t n = 0;
    for (const Address& a : DemoAddresses(kDemoAddresses)) {
        const int64_t k = n++;
        const bool single_house = a.level == "house" && a.house_no != "" && std::stoi(a.house_no) % 5 != 0;
        if (!(a.level == "room" && Mix(k, 1) % 100 < 60) && !(single_house && Mix(k, 2) % 100 < 25)) continue;
        const uint32_t r = Mix(k, 3) % 100;
        House h;
        h.address_id = a.code;
        h.use = r < 55 ? "own" : r < 85 ? "rented" : r < 90 ? "commercial" : "vacant";
        if (!f.people.empty()) h.owner_person_id = f.people[Mix(k, 4) % f.people.size()];
        h.area_m2 = 45 + Mix(k, 5) % 100;
        h.created_by = f.officer;
        h.unit_id = UnitOf(f, a);
        h.created_at = h.updated_at = now - int64_t(Mix(k, 6) % 365) * kDaySeconds;
        if (h.use == "rented" && Mix(k, 8) % 3 == 0) h.checked_at = now - int64_t(Mix(k, 9) % 90) * kDaySeconds;
        key_of[a.code] = k;
        houses.push_back(std::move(h));
    }
    JW_RETURN_IF_ERROR(InsertHouses(tx, houses));
    // Rented houses: their checks (the house's checked_at is the newest) and, with people, their tenants.
    JW_ASSIGN_OR_RETURN(auto rented, HouseIdsByUse(tx, "rented"));
    for (const auto& [code, id] : rented) {
        const int64_t k = key_of[code];
        if (Mix(k, 8) % 3 == 0) {
            const int64_t at = now - int64_t(Mix(k, 9) % 90) * kDaySeconds;
            JW_RETURN_IF_ERROR(
                InsertCheck(tx, HouseCheck{0, id, Mix(k, 11) % 5 == 0 ? "problems" : "ok", "", f.officer, at})
                    .status());
        }
        if (f.people.empty()) continue;
        const int tenants = 1 + int(Mix(k, 7) % 2);
        for (int j = 0; j < tenants; ++j) {
            Tenant t;
            t.house_id = id;
            t.person_id = f.people[Mix(k, 10 + j) % f.people.size()];
            t.from_date = FormatDate(ChinaDateOf(now - int64_t(10 + Mix(k, 20 + j) % 400) * kDaySeconds));
            if (Mix(k, 30 + j) % 100 >= 33) t.reported_at = now - int64_t(Mix(k, 40 + j) % 9) * kDaySeconds;
            t.recorded_by = f.officer;
            t.at = now;
            JW_RETURN_IF_ERROR(InsertTenant(tx, t).status());
        }
    }
    return Status::Ok();
}

Status SeedDemoOrgs(storage::Connection& tx, int64_t now) {
    JW_ASSIGN_OR_RETURN(DemoFrame f, Frame(tx));
    std::vector<Address> houses;
    for (const Address& a : DemoAddresses(kDemoAddresses))
        if (a.level == "house") houses.push_back(a);
    if (houses.empty()) return Status::Ok();
    static const std::map<std::string, std::vector<std::string>> kNames = {
        {"enterprise", {"示范县宏达建材有限公司", "示范县兴业物流有限公司", "示范县丰源食品有限公司"}},
        {"school", {"示范县实验小学", "示范县第二中学", "示范县阳光幼儿园"}},
        {"hospital", {"示范县人民医院", "示范县中医院", "社区卫生服务中心"}},
        {"special_trade", {"平安旅馆", "顺发开锁店", "诚信典当行"}},
        {"key_unit", {"示范县供电公司变电站", "示范县自来水厂", "示范县加油站"}},
        {"other", {"示范县农贸市场", "示范县文化活动中心", "示范县客运站"}},
    };
    const std::string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int64_t n = 0;
    for (const auto& [kind, names] : kNames) {
        for (int k = 0; k < 60; ++k, ++n) {
            const Address& a = houses[Mix(n, 50) % houses.size()];
            Org o;
            o.kind = kind;
            o.name = names[k % names.size()] + (k < 3 ? "" : "（" + a.road + std::to_string(k) + "）");
            o.address_id = a.code;
            std::string code = kind == "school" || kind == "hospital" ? "12519901" : "91519901";
            for (int i = 0; i < 9; ++i) code += charset[Mix(n, 60 + i) % (i == 8 ? 10 : charset.size())];
            o.credit_code = code + CreditCodeCheckCharacter(code);
            o.phone = "0827-" + std::to_string(2000000 + Mix(n, 70) % 8000000);
            if (!f.people.empty()) {
                o.legal_rep_person_id = f.people[Mix(n, 71) % f.people.size()];
                o.security_contact_person_id = f.people[Mix(n, 72) % f.people.size()];
            }
            o.created_by = f.officer;
            o.unit_id = UnitOf(f, a);
            o.created_at = o.updated_at = now - int64_t(Mix(n, 73) % 365) * kDaySeconds;
            JW_RETURN_IF_ERROR(InsertOrg(tx, o).status());
        }
    }
    return Status::Ok();
}

}  // namespace jw::community
