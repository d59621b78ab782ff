// Demo data: about 30 cases across the demo county's stations, in every stage of both lifecycles, made through
// the service (so numbers, events, clocks and query codes are what real use would give).
#include "cases/demo_cases.hpp"

#include <algorithm>
#include <cstdio>

#include "cases/case_repository.hpp"
#include "cases/case_service.hpp"
#include "common/validators.hpp"
#include "discretion/cause_articles.hpp"

namespace jw::cases {

namespace {

// The article a demo penalty cites: the cause's article in the case's text of the law (discretion/cause_articles.csv
// has every demo cause).
int DemoArticle(const std::string& cause, const std::string& law) {
    const auto rows = discretion::ArticlesForCause(cause, law);
    return rows.empty() ? 0 : rows.front().article;
}

using storage::V;

struct Step {
    Step(std::string a, std::string r, bool p = false, std::string why = "")
        : action(std::move(a)), role(std::move(r)), person(p), reason(std::move(why)) {}
    std::string action;
    std::string role;  // officer | leader | legal_reviewer
    bool person = false;
    std::string reason;
};

const std::vector<Step> kAdminPath = {{"file", "officer"},
                                      {"start_investigation", "officer"},
                                      {"propose_penalty", "officer", false, "事实清楚，证据确实充分"},
                                      {"submit_review", "officer"},
                                      {"review_approved", "legal_reviewer"},
                                      {"decide_penalty", "leader"},
                                      {"execute", "officer"},
                                      {"close", "officer"}};
const std::vector<Step> kCriminalPath = {
    {"start_filing_review", "officer"},     {"file", "leader"},
    {"start_investigation", "officer"},     {"criminal_detention", "officer", true},
    {"arrest_requested", "officer", true},  {"arrested", "officer", true},
    {"transfer_for_prosecution", "leader"}, {"close", "officer"}};

const char* kAdminCauses[] = {"殴打他人", "盗窃", "寻衅滋事", "故意损毁财物", "扰乱单位秩序", "赌博", "诈骗"};
const char* kCriminalCauses[] = {"盗窃罪", "诈骗罪", "故意伤害罪", "抢夺罪", "危险驾驶罪"};
const char* kSurnames[] = {"张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
const char* kGiven[] = {"明", "华", "建国", "秀英", "志刚", "丽", "强", "海燕", "军", "红梅"};
const char* kPlaces[] = {"城关镇人民路", "东城街道建设路", "西河镇滨河路",
                         "南山乡集市",   "北坝镇车站路",   "青石镇中心街"};

std::string DemoId(int n) {
    char first17[20];
    std::snprintf(first17, sizeof first17, "519901%04d%02d%02d%03d", 1970 + n % 35, 1 + n % 12, 1 + n % 28,
                  100 + n % 900);
    return std::string(first17) + IdCheckCharacter(first17);
}

auth::Principal PrincipalFor(int64_t user_id, int64_t unit_id, const std::string& role) {
    auth::Principal p;
    p.user_id = user_id;
    p.unit_id = unit_id;
    p.roles = {role};
    p.unit_scope = {unit_id};
    p.all_units = role == "leader";
    return p;
}

}  // namespace

Status SeedDemoCases(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(storage::Row bureau,
                        c.QueryOne("SELECT id, region_code FROM units WHERE parent_id IS NULL ORDER BY id"));
    JW_ASSIGN_OR_RETURN(auto stations, c.Query("SELECT id FROM units WHERE kind = 'station' ORDER BY id"));
    if (stations.empty()) return Status::NotFound("station");
    auto user_with_role = [&](const std::string& role) -> Result<std::pair<int64_t, int64_t>> {
        JW_ASSIGN_OR_RETURN(storage::Row r, c.QueryOne("SELECT u.id, u.unit_id FROM users u JOIN user_roles r ON "
                                                       "r.user_id = u.id WHERE r.role_code = ? ORDER BY u.id",
                                                       {V(role)}));
        return std::make_pair(r.Int(0), r.Int(1));
    };
    JW_ASSIGN_OR_RETURN(auto leader_ids, user_with_role("leader"));
    JW_ASSIGN_OR_RETURN(auto reviewer_ids, user_with_role("legal_reviewer"));
    const auth::Principal leader = PrincipalFor(leader_ids.first, leader_ids.second, "leader");
    const auth::Principal reviewer = PrincipalFor(reviewer_ids.first, reviewer_ids.second, "legal_reviewer");
    // The places: house numbers of the demo county's standard addresses inside its grids (community seeds before
    // cases), spread over the register, so every demo case lies in a grid and on the map; none without them.
    JW_ASSIGN_OR_RETURN(auto houses, c.Query("SELECT code, full_name, longitude, latitude, township, road "
                                             "FROM community_addresses WHERE level = 'house' AND grid_id IS NOT "
                                             "NULL AND longitude IS NOT NULL AND latitude IS NOT NULL ORDER BY code"));

    // The demo's plan of each case: its type, how many lifecycle steps it takes, how many days ago it happened.
    auto is_criminal = [](int i) { return i % 3 == 2; };
    auto steps_of = [&](int i) {
        const auto& path = is_criminal(i) ? kCriminalPath : kAdminPath;
        return std::min(path.size(), static_cast<size_t>((i * 7 + i / 3) % 9));
    };
    auto ago_of = [](int i) { return int64_t{2} + (i * 7) % 41; };
    // A repeat offender (issue 13: the calculator says "not a first violation" and names the earlier case): the
    // suspect of the latest decided administrative case of the first station is also the suspect of a later,
    // still open administrative case of that station.
    int earlier = -1, repeat = -1;
    for (int i = 0; i < 30; ++i)
        if (!is_criminal(i) && i % stations.size() == 0 && steps_of(i) >= 6 &&
            (earlier < 0 || ago_of(i) < ago_of(earlier)))
            earlier = i;
    for (int i = 0; i < 30 && earlier >= 0; ++i)
        if (!is_criminal(i) && i % stations.size() == 0 && steps_of(i) < 3 && ago_of(i) < ago_of(earlier)) repeat = i;

    for (int i = 0; i < 30; ++i) {
        const int64_t unit = stations[i % stations.size()].Int(0);
        JW_ASSIGN_OR_RETURN(auto officers, c.Query("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id "
                                                   "WHERE u.unit_id = ? AND r.role_code = 'officer' ORDER BY u.id",
                                                   {V(unit)}));
        if (officers.empty()) continue;
        const int64_t officer_id = officers[(i / stations.size()) % officers.size()].Int(0);
        const auth::Principal officer = PrincipalFor(officer_id, unit, "officer");
        const bool criminal = is_criminal(i);
        const int64_t ago_days = ago_of(i);
        const int64_t accepted = now - ago_days * 86400 - (i % 9) * 3600;

        NewCase in;
        Case& k = in.fields;
        k.case_type = criminal ? kCriminal : kAdministrative;
        k.cause = criminal ? kCriminalCauses[i % 5] : kAdminCauses[i % 7];
        k.source = i % 4 == 0 ? "walk_in" : i % 4 == 1 ? "call_110" : i % 4 == 2 ? "found_by_police" : "transfer";
        k.occurred_at = accepted - 5400;
        k.accepted_at = accepted;
        std::optional<std::string> place_code;
        if (!houses.empty()) {
            const storage::Row& h = houses[(i * 7919 + i / 2) % houses.size()];  // a prime stride: spread out
            k.place_lon = std::stod(h.Str(2));
            k.place_lat = std::stod(h.Str(3));
            if (i % 10 == 9) {
                // As an officer may write it: the road and a number the register does not know; the case page
                // offers candidates and the officer links one.
                k.place_address = h.Str(4) + h.Str(5) + std::to_string(900 + i) + "号门口";
            } else {
                k.place_address = h.Str(1);
                place_code = h.Str(0);
            }
        } else {
            k.place_address = std::string("示范县") + kPlaces[i % 6] + std::to_string(10 + i) + "号";
            k.place_lon = 104.05 + (i % 10) * 0.01;
            k.place_lat = 30.60 + (i % 7) * 0.01;
        }
        k.facts = std::string("报案人称") + k.cause + "，民警到场处置，经初步核实，符合受案条件。";
        k.unit_id = unit;
        k.lead_officer_id = officer_id;
        if (officers.size() > 1) k.assistant_ids = {officers[(i / stations.size() + 1) % officers.size()].Int(0)};
        auto person = [&](const std::string& role, int n) {
            Person p;
            p.role = role;
            p.name = std::string(kSurnames[n % 10]) + kGiven[(n * 3) % 10];
            p.id_type = "resident_id";
            p.id_number = DemoId(n);
            char phone[16];
            std::snprintf(phone, sizeof phone, "138%08d", 51990000 + n);
            p.phone = role == "suspect" ? "" : phone;
            p.address = std::string("示范县") + kPlaces[n % 6] + std::to_string(n % 50 + 1) + "号";
            return p;
        };
        k.people = {person("reporter", i * 3), person("suspect", i == repeat ? earlier * 3 + 1 : i * 3 + 1)};
        if (i % 2 == 0) k.people.push_back(person("victim", i * 3 + 2));
        JW_ASSIGN_OR_RETURN(CreateResult created, CreateCase(c, officer, in, bureau.Str(1), now));
        // Written as the register names it: linked now (the others wait for the start-up backfill's matcher).
        if (place_code) JW_RETURN_IF_ERROR(repo::SetPlaceLink(c, created.kase.id, place_code, 1.0));

        const auto& path = criminal ? kCriminalPath : kAdminPath;
        const size_t steps = steps_of(i);
        int64_t version = created.kase.version;
        const int64_t suspect = created.kase.people[1].id;
        for (size_t s = 0; s < steps; ++s) {
            const Step& step = path[s];
            if (step.action == "submit_review") {  // the penalty is locked from legal review on
                JW_ASSIGN_OR_RETURN(Case penalised,
                                    SetPenalty(c, officer, created.kase.id, version, "manual",
                                               Json{{"kind", "fine"},
                                                    {"article", DemoArticle(created.kase.cause, created.kase.law)},
                                                    {"amount_yuan", 200 + 100 * (i % 5)},
                                                    {"text", "罚款" + std::to_string(200 + 100 * (i % 5)) + "元"}},
                                               now));
                version = penalised.version;
            }
            ActionInput a;
            a.action = step.action;
            a.expected_version = version;
            a.reason = step.reason;
            if (step.person) a.person_id = suspect;
            // Spread the steps over the case's life so the clocks show every colour.
            a.at = std::min(accepted + static_cast<int64_t>(s + 1) * 86400, now - static_cast<int64_t>(steps - s) * 60);
            const auth::Principal& who = step.role == "leader"           ? leader
                                         : step.role == "legal_reviewer" ? reviewer
                                                                         : officer;
            JW_ASSIGN_OR_RETURN(ActionResult done, ApplyAction(c, who, created.kase.id, a, now));
            version = done.kase.version;
        }
    }
    return Status::Ok();
}

}  // namespace jw::cases
