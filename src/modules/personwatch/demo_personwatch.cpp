// The demo county's person watch list (demo_personwatch.hpp).
#include "personwatch/demo_personwatch.hpp"

#include <cstdio>
#include <map>

#include "alerts/alert.hpp"
#include "common/validators.hpp"
#include "community/people/people_service.hpp"
#include "personwatch/personwatch_service.hpp"

namespace jw::personwatch {
namespace {

constexpr int64_t kDay = 86400;

// A synthetic resident ID of region 519901 that nobody in the master index holds.
Result<std::string> Outsider(storage::Connection& c, int year, int month, int day, int seq) {
    for (int s = seq; s < seq + 50; ++s) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "519901%04d%02d%02d%03d", year, month, day, s);
        const std::string id = std::string(buf) + IdCheckCharacter(buf);
        JW_ASSIGN_OR_RETURN(auto known, community::FindPersonByIdNumber(c, "resident_id", id));
        if (!known) return id;
    }
    return Status::Internal("demo: no free synthetic ID number");
}

struct Spec {
    const char* kind;
    bool in_index;
    const char* name;  // for outsiders; master-index people keep their own
    const char* reason;
    const char* instruction;
    const char* case_no;
    bool approve;
};

}  // namespace

Result<DemoWatch> SeedDemoPersonWatch(storage::Connection& tx, int64_t now) {
    DemoWatch out;
    std::map<std::string, Actor> users;
    JW_ASSIGN_OR_RETURN(auto urows, tx.Query("SELECT id, unit_id, username FROM users WHERE username IN "
                                             "('officer', 'leader')"));
    for (const auto& r : urows) users[r.Str(2)] = Actor{r.Int(0), r.Int(1)};
    JW_ASSIGN_OR_RETURN(auto unit_rows,
                        tx.Query("SELECT id, name FROM units WHERE name IN ('城关派出所', '指挥中心')"));
    std::vector<int64_t> units;
    for (const auto& r : unit_rows) units.push_back(r.Int(0));
    if (!users.count("officer") || !users.count("leader") || units.empty()) return out;  // not the demo county
    // Master-index people: resident IDs from the middle of the register (the first rows are the ones other
    // demos name).
    JW_ASSIGN_OR_RETURN(auto prow, tx.Query("SELECT id FROM community_people WHERE id_kind = 'resident_id' "
                                            "ORDER BY id LIMIT 3 OFFSET 1200"));
    std::vector<community::Person> known;
    for (const auto& r : prow) {
        JW_ASSIGN_OR_RETURN(community::Person p, community::GetPerson(tx, r.Int(0)));
        known.push_back(std::move(p));
    }
    const Spec specs[] = {
        {"wanted", true, "", "涉嫌抢劫罪，已批准逮捕，在逃", "立即控制并带回审查，注意安全，通知城关派出所",
         "示公刑立字〔2026〕101号", true},
        {"wanted", false, "韦志强", "涉嫌故意伤害罪，网上追逃", "立即控制，防止脱逃，报告指挥中心",
         "示公刑立字〔2026〕122号", true},
        {"poi", true, "", "涉毒前科人员，动态管控", "核实其近期去向与同行人员，不惊动，报告社区民警",
         "示公治立字〔2026〕031号", true},
        {"poi", false, "覃丽华", "多次非正常上访，稳控对象", "登记同行人员与去向，及时报告", "示公治立字〔2026〕047号",
         true},
        {"missing", true, "", "家属报案，老人走失", "核实身份后联系家属并护送回家", "示公刑立字〔2026〕130号", true},
        {"wanted", false, "黄文斌", "涉嫌诈骗罪，拟上网追逃", "立即控制，防止脱逃", "示公刑立字〔2026〕141号", false},
    };
    size_t next_known = 0;
    int seq = 901;
    for (const auto& s : specs) {
        EntryInput in;
        in.kind = s.kind;
        if (s.in_index && next_known < known.size()) {
            in.id_number = known[next_known].id_number;
            in.name = known[next_known].name;
            ++next_known;
        } else {
            JW_ASSIGN_OR_RETURN(in.id_number, Outsider(tx, 1980 + seq % 17, 1 + seq % 12, 1 + seq % 27, seq));
            in.name = s.name;
            seq += 7;
        }
        in.reason = s.reason;
        in.instruction = s.instruction;
        in.case_no = s.case_no;
        in.valid_from = now - 10 * kDay;
        in.valid_to = now + 180 * kDay;
        in.unit_ids = units;
        JW_ASSIGN_OR_RETURN(const int64_t id, ApplyEntry(tx, alerts::Policy::Default(), in, users["officer"], now));
        if (s.approve) {
            JW_RETURN_IF_ERROR(ApproveEntry(tx, id, users["leader"], std::nullopt, now));
            (std::string(s.kind) == "wanted" ? out.wanted : out.poi).push_back(in.id_number);
        } else {
            out.pending.push_back(in.id_number);
        }
        out.entries.push_back(id);
    }
    return out;
}

}  // namespace jw::personwatch
