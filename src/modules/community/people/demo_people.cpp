#include "community/people/demo_people.hpp"

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "community/people/people_repository.hpp"
#include "community/people/person_identity.hpp"

namespace jw::community {
namespace {

const char* const kFamily[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",  "徐",
                               "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁",  "宋",
                               "郑", "谢", "韩", "唐", "冯", "邓", "曹", "彭", "曾", "欧阳"};
const char* const kGiven[] = {"伟",   "芳",   "娜",   "秀英", "敏",   "静",   "丽",   "强",   "磊",   "军",  "洋",
                              "勇",   "艳",   "杰",   "娟",   "涛",   "明",   "超",   "秀兰", "霞",   "平",  "刚",
                              "桂英", "建华", "志强", "文博", "子涵", "雨萱", "浩然", "欣怡", "宇航", "思远"};
const char* const kEthnic[] = {"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "藏族", "彝族", "羌族", "回族"};
const char* const kElsewhere[] = {"四川省成都市武侯区", "重庆市渝中区",       "贵州省贵阳市云岩区",
                                  "云南省昆明市五华区", "甘肃省兰州市城关区", "陕西省西安市雁塔区",
                                  "湖南省长沙市岳麓区"};
const char* const kNations[] = {"USA", "GBR", "KOR", "JPN", "RUS", "VNM", "DEU", "FRA", "THA", "MMR"};
constexpr int kDays = 27000;  // birth dates over ~74 years

}  // namespace

std::vector<Person> DemoPeople(int count, const std::vector<std::string>& address_codes,
                               const std::vector<std::pair<int64_t, int64_t>>& collectors, int64_t now) {
    std::vector<Person> out;
    out.reserve(static_cast<size_t>(count));
    const int64_t first_day = DaysFromCivil({1945, 1, 1});
    const int64_t today = ChinaDayNumber(now);
    for (int i = 0; i < count; ++i) {
        Person p;
        const uint64_t h = static_cast<uint64_t>(i) * 2654435761u;  // a fixed scramble for the mix
        const int kind = static_cast<int>(h % 100);
        p.category = kind < 75 ? "household" : kind < 97 ? "floating" : "overseas";
        // (day, sequence) unique per i: the day runs through all kDays in each block of kDays (7919 is prime to
        // 27000), the sequence differs between blocks and gives the sex.
        const CivilDate born = CivilFromDays(first_day + (static_cast<int64_t>(i) * 7919) % kDays);
        const int seq = 10 + (i / kDays) * 2 + (i % 2);
        char buf[32];
        std::snprintf(buf, sizeof buf, "519901%04d%02d%02d%03d", born.year, born.month, born.day, seq);
        std::string id17 = buf;
        if (p.category == "overseas") {
            p.id_kind = "passport";
            p.nationality = kNations[i % std::size(kNations)];
            std::snprintf(buf, sizeof buf, "E%08d", 10000000 + i);
            p.id_number = buf;
            p.name = std::string("DEMO ") + std::to_string(i);
            p.sex = i % 2 ? "male" : "female";
            p.birth_date = FormatDate(born);
        } else {
            p.id_kind = "resident_id";
            p.nationality = "CHN";
            p.id_number = id17 + IdCheckCharacter(id17);
            p.name = std::string(kFamily[(h >> 8) % std::size(kFamily)]) + kGiven[(h >> 16) % std::size(kGiven)];
            p.sex = IdIsMale(p.id_number) ? "male" : "female";
            p.birth_date = FormatDate(born);
            p.ethnicity = kEthnic[(h >> 4) % std::size(kEthnic)];
        }
        if (!address_codes.empty()) p.residence_address_id = address_codes[(h >> 3) % address_codes.size()];
        if (p.category == "household")
            p.hukou_address =
                "示范县" + std::string(p.residence_address_id ? "" : "城关镇") + "户籍地址" + std::to_string(i % 997);
        else if (p.category == "floating")
            p.hukou_address = std::string(kElsewhere[i % std::size(kElsewhere)]) + std::to_string(1 + i % 200) + "号";
        if (i % 3 != 2) {
            std::snprintf(buf, sizeof buf, "13%09d", static_cast<int>((h >> 2) % 1000000000));
            p.phones = {buf};
        }
        if (p.category == "floating") {
            std::snprintf(buf, sizeof buf, "JZ519901%07d", i);
            p.permit_no = buf;
            // One in ten within 30 days (the reminders have work), the rest over the next two years.
            const int64_t days = i % 10 == 0 ? 1 + i % 30 : 31 + static_cast<int64_t>(h % 700);
            p.permit_expires = FormatDate(CivilFromDays(today + days));
        }
        const auto& who = collectors[static_cast<size_t>(i) % collectors.size()];
        p.collected_by = who.first;
        p.unit_id = who.second;
        p.created_at = p.updated_at = now;
        out.push_back(std::move(p));
    }
    return out;
}

Status SeedDemoPeople(storage::Connection& tx, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto codes, tx.Query("SELECT code FROM community_addresses WHERE level IN ('house', 'room') "
                                             "ORDER BY code"));
    std::vector<std::string> address_codes;
    for (const auto& r : codes) address_codes.push_back(r.Str(0));
    // The demo user "officer" first, then every officer of the county.
    JW_ASSIGN_OR_RETURN(auto users,
                        tx.Query("SELECT u.id, u.unit_id FROM users u JOIN user_roles r ON r.user_id = "
                                 "u.id WHERE r.role_code = 'officer' ORDER BY u.username <> 'officer', u.id"));
    std::vector<std::pair<int64_t, int64_t>> collectors;
    for (const auto& r : users) collectors.emplace_back(r.Int(0), r.Int(1));
    if (collectors.empty()) return Status::Internal("demo people: no officer to collect them");
    const auto people = DemoPeople(kDemoPeople, address_codes, collectors, now);
    std::vector<std::string> indexes;
    indexes.reserve(people.size());
    for (const auto& p : people) indexes.push_back(IdentityIndex({p.id_kind, p.nationality, p.id_number}));
    return InsertPeopleBulk(tx, people, indexes, false).status();
}

}  // namespace jw::community
