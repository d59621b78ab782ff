#include "community/addresses/demo_addresses.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "community/addresses/address_repository.hpp"
#include "geo/demo_county.hpp"

namespace jw::community {
namespace {

const char* const kRoadFirst[] = {"解放", "人民", "建设", "中山", "胜利", "文化", "滨河", "新华", "和平", "东风",
                                  "团结", "复兴", "光明", "朝阳", "青年", "长江", "友谊", "工农", "红旗", "育才",
                                  "金沙", "桂花", "玉带", "凤凰", "龙门", "翠屏", "迎宾", "学府", "商贸", "临江",
                                  "锦绣", "福兴", "永安", "太平", "幸福", "向阳", "民主", "振兴", "春晖", "白塔"};
const char* const kRoadEnd[] = {"路", "街", "巷", "大道", "东路", "西路", "南路", "北路"};
const char* const kTownCommunities[] = {"东门社区", "西门社区", "南街社区", "北街社区", "河滨社区", "新城社区"};
const char* const kVillageEnds[] = {"场镇社区", "红星村", "和平村"};

std::string Pad(int v, int width) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%0*d", width, v);
    return buf;
}

}  // namespace

std::vector<Address> DemoAddresses(int count) {
    const auto& county = geo::DemoCounty();
    std::vector<Address> out;
    out.reserve(count);
    auto add = [&](Address a) {
        if (static_cast<int>(out.size()) < count) out.push_back(std::move(a));
    };
    const std::string region = "519901", county_name = "示范县";
    Address top;
    top.code = region;
    top.level = "county";
    top.full_name = county_name;
    top.longitude = county.nodes[0].longitude;
    top.latitude = county.nodes[0].latitude;
    add(top);
    struct Place {
        std::string code, name, full;
        double lon, lat;
    };
    std::vector<Place> towns;
    std::vector<std::vector<Place>> communities;
    for (int t = 0; t < 9; ++t) {
        const auto& node = county.nodes[t];
        Address a;
        a.code = region + "-" + Pad(t + 1, 2);
        a.level = "township";
        a.parent_code = region;
        a.township = node.name;
        a.full_name = county_name + node.name;
        a.longitude = node.longitude;
        a.latitude = node.latitude;
        add(a);
        towns.push_back({a.code, node.name, a.full_name, node.longitude, node.latitude});
        std::vector<std::string> names;
        if (t == 0) {
            for (const char* c : kTownCommunities) names.push_back(c);
        } else {
            const std::string stem = node.name.substr(0, node.name.size() - 3);  // without 镇/乡
            for (const char* e : kVillageEnds) names.push_back(stem + e);
        }
        communities.emplace_back();
        for (size_t c = 0; c < names.size(); ++c) {
            Address b;
            b.code = a.code + "-" + Pad(int(c) + 1, 2);
            b.level = "community";
            b.parent_code = a.code;
            b.township = node.name;
            b.community = names[c];
            b.full_name = a.full_name + names[c];
            b.longitude = node.longitude + 0.01 * std::cos(c * 1.3);
            b.latitude = node.latitude + 0.01 * std::sin(c * 1.3);
            add(b);
            communities.back().push_back({b.code, names[c], b.full_name, *b.longitude, *b.latitude});
        }
    }
    constexpr int kFirsts = sizeof kRoadFirst / sizeof *kRoadFirst, kEnds = sizeof kRoadEnd / sizeof *kRoadEnd;
    for (int g = 0; static_cast<int>(out.size()) < count && g < kFirsts * kEnds; ++g) {
        // Half of the roads in the county town, the rest round the townships.
        const int t = g % 2 == 0 ? 0 : 1 + (g / 2) % 8;
        const auto& comms = communities[t];
        const Place& c = comms[(g / 9) % comms.size()];
        const std::string road = std::string(kRoadFirst[g % kFirsts]) + kRoadEnd[g / kFirsts];
        Address r;
        r.code = c.code + "-" + Pad(g + 1, 3);
        r.level = "road";
        r.parent_code = c.code;
        r.township = towns[t].name;
        r.community = c.name;
        r.road = road;
        r.full_name = c.full + road;
        const double angle = g * 0.7, lon0 = c.lon, lat0 = c.lat;
        r.longitude = lon0;
        r.latitude = lat0;
        add(r);
        for (int h = 1; h <= 40; ++h) {
            Address house = r;
            house.code = r.code + "-" + Pad(h, 4);
            house.level = "house";
            house.parent_code = r.code;
            house.house_no = std::to_string(h);
            house.full_name = r.full_name + house.house_no + "号";
            house.longitude = lon0 + h * 0.0004 * std::cos(angle);
            house.latitude = lat0 + h * 0.0004 * std::sin(angle);
            add(house);
            if (h % 5 != 0) continue;
            for (int b = 1; b <= 3; ++b) {
                Address bl = house;
                bl.code = house.code + "-" + Pad(b, 2);
                bl.level = "building";
                bl.parent_code = house.code;
                bl.building = std::to_string(b);
                bl.full_name = house.full_name + bl.building + "栋";
                bl.longitude = *house.longitude + b * 0.0001;
                add(bl);
                for (int u = 1; u <= 2; ++u) {
                    Address un = bl;
                    un.code = bl.code + "-" + Pad(u, 2);
                    un.level = "unit";
                    un.parent_code = bl.code;
                    un.unit = std::to_string(u);
                    un.full_name = bl.full_name + un.unit + "单元";
                    add(un);
                    for (int f = 1; f <= 5; ++f) {
                        for (int k = 1; k <= 2; ++k) {
                            Address rm = un;
                            rm.room = std::to_string(f * 100 + k);
                            rm.code = un.code + "-" + Pad(f * 100 + k, 4);
                            rm.level = "room";
                            rm.parent_code = un.code;
                            rm.full_name = un.full_name + rm.room + "室";
                            add(rm);
                        }
                    }
                }
            }
        }
    }
    return out;
}

Status SeedDemoAddresses(storage::Connection& tx, int64_t now) {
    for (const Address& a : DemoAddresses(kDemoAddresses)) JW_RETURN_IF_ERROR(UpsertAddress(tx, a, now));
    return Status::Ok();
}

}  // namespace jw::community
