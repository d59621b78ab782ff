// The demo county's service supervision centre (demo_servicedesk.hpp). Synthetic complainants (fictional names,
// 1391234xxxx numbers); every state of the workflow appears, with the events that led to it, at times between
// the ticket's receipt and now, so that clocks, figures and the ticket page read as a real month would.
#include "servicedesk/demo/demo_servicedesk.hpp"

#include <map>
#include <string>
#include <vector>

#include "auth/auth_repository.hpp"
#include "auth/password.hpp"
#include "auth/seed.hpp"
#include "common/china_day.hpp"
#include "servicedesk/tickets/catalogue.hpp"
#include "servicedesk/tickets/ticket_keys.hpp"
#include "storage/bulk_load.hpp"

namespace jw::servicedesk {
namespace {

using storage::Null;
using storage::V;

struct Plan {
    const char* state;
    std::vector<const char*> steps;  // after "register"
};

// By i % 20: most older tickets are closed; each other state appears every 20 tickets.
const Plan& PlanFor(int i) {
    static const std::vector<Plan> plans = {
        {"registered", {}},
        {"joined", {"join"}},
        {"assigned", {"assign"}},
        {"assigned", {"assign"}},
        {"replied", {"assign", "reply"}},
        {"rectifying", {"assign", "reply", "require_rectification"}},
        {"rectified", {"assign", "reply", "require_rectification", "report_rectified"}},
        {"awaiting_callback", {"assign", "reply", "accept"}},
        {"closed", {"assign", "reply", "require_rectification", "report_rectified", "verify", "callback"}},
    };
    const int k = i % 20;
    return plans[k < 8 ? k : 8];
}

const char* ToState(const std::string& step) {
    static const std::map<std::string, const char*> to = {{"join", "joined"},
                                                          {"assign", "assigned"},
                                                          {"reply", "replied"},
                                                          {"require_rectification", "rectifying"},
                                                          {"report_rectified", "rectified"},
                                                          {"verify", "awaiting_callback"},
                                                          {"accept", "awaiting_callback"},
                                                          {"callback", "closed"}};
    return to.at(step);
}

Result<int64_t> UnitId(storage::Connection& c, const std::string& name) {
    JW_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT id FROM units WHERE name = ?", {V(name)}));
    return r.Int(0);
}

}  // namespace

Status SeedDemoServiceDesk(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(int64_t bureau, UnitId(c, "示范县公安局"));
    auth::User u;
    u.username = "supervisor";
    u.police_no = "880701";
    u.name = "陆明察";
    u.unit_id = bureau;
    u.phone = "13908807011";
    u.status = "active";
    u.password_hash = auth::HashPassword(auth::kDemoPassword);
    u.must_change_password = false;
    JW_ASSIGN_OR_RETURN(int64_t supervisor, auth::repo::InsertUser(c, u, now));
    JW_RETURN_IF_ERROR(auth::repo::SetUserRoles(c, supervisor, {"service_supervisor"}));
    JW_ASSIGN_OR_RETURN(auto officer_row, c.QueryOne("SELECT id FROM users WHERE username = 'officer'"));
    const int64_t officer = officer_row.Int(0);

    std::vector<int64_t> units;
    for (const char* n : {"城关派出所", "东城派出所", "西河派出所", "南山派出所", "交通管理大队", "治安管理大队"}) {
        JW_ASSIGN_OR_RETURN(int64_t id, UnitId(c, n));
        units.push_back(id);
    }
    static const std::vector<std::string> surnames = {"赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈"};
    static const std::vector<std::string> given = {"建国", "秀英", "志明", "海燕", "国强", "丽华", "小军", "春梅"};
    static const std::map<std::string, std::string> titles = {{"attitude", "窗口民警态度生硬"},
                                                              {"slow", "户籍业务办理拖延"},
                                                              {"conduct", "出警处置不规范"},
                                                              {"suggestion", "建议延长办证时间"},
                                                              {"praise", "感谢民警帮助找回失物"}};
    const auto& channels = Channels();
    const auto& categories = Categories();
    const auto& sealer = Sealer();

    struct Row {
        std::string no, state;
        int64_t received = 0;
        std::vector<std::pair<std::string, int64_t>> steps;
        int i = 0;
    };
    std::vector<Row> rows;
    std::map<std::string, int> seq_of_day;
    auto loader = storage::BulkLoader::Start(c, "servicedesk_tickets",
                                             {"ticket_no",
                                              "channel",
                                              "external_ref",
                                              "complainant_name",
                                              "complainant_phone",
                                              "complainant_id_number",
                                              "phone_index",
                                              "id_index",
                                              "anonymous",
                                              "category",
                                              "title",
                                              "content",
                                              "unit_id",
                                              "officer_police_no",
                                              "received_at",
                                              "state",
                                              "query_code_hash",
                                              "assigned_at",
                                              "replied_at",
                                              "closed_at",
                                              "reply",
                                              "rectification",
                                              "finding",
                                              "created_by",
                                              "created_at",
                                              "updated_at"});
    if (!loader.ok()) return loader.status();
    for (int i = 0; i < kDemoTickets; ++i) {
        const Plan& plan = PlanFor(i);
        Row r;
        r.i = i;
        r.state = plan.state;
        // Newest first, every 4 hours back over 50 days; a ticket younger than 2 days is still registered.
        r.received = now - int64_t(i + 1) * 4 * 3600;
        const int64_t age = now - r.received;
        const bool young = age < 2 * 86400;
        if (young && plan.steps.size() > 1) r.state = "registered";
        std::vector<const char*> steps = (young && plan.steps.size() > 1) ? std::vector<const char*>{} : plan.steps;
        for (size_t s = 0; s < steps.size(); ++s)
            r.steps.push_back({steps[s], r.received + age * int64_t(s + 1) / int64_t(steps.size() + 2)});
        std::string day = FormatChinaDate(r.received);
        std::erase(day, '-');
        const std::string seq = std::to_string(++seq_of_day[day]);
        r.no = "FW" + day + std::string(4 - seq.size(), '0') + seq;
        const Channel& ch = channels[i % channels.size()];
        const Category& cat = categories[(i / 6) % categories.size()];
        // A joined ticket repeats the complainant of the ticket before it (same phone: a duplicate).
        const int person = r.state == "joined" ? i - 1 : i;
        const std::string name = surnames[person % surnames.size()] + given[(person / 10) % given.size()];
        const std::string phone = "1391234" + std::to_string(1000 + person);
        const int64_t unit = units[i % units.size()];
        std::optional<int64_t> assigned, replied, closed;
        std::string reply, rect, finding;
        for (const auto& [step, at] : r.steps) {
            if (step == "assign") assigned = at;
            if (step == "reply") {
                replied = at;
                reply = "已核实情况，对当事民警进行了批评教育，并向群众说明情况。";
            }
            if (step == "require_rectification") finding = "答复未说明整改措施，责令整改。";
            if (step == "report_rectified") rect = "已组织窗口民警开展文明服务培训，调整办证流程。";
            if (step == "callback") closed = at;
        }
        auto opt = [](const std::optional<int64_t>& v) { return v ? V(*v) : Null(); };
        JW_RETURN_IF_ERROR(
            (*loader)->Add({V(r.no),
                            V(ch.code),
                            V(ch.external_ref ? "12345-" + day + "-" + std::to_string(i) : std::string()),
                            V(sealer.Seal(name)),
                            V(sealer.Seal(phone)),
                            V(""),
                            V(PhoneIndex(phone)),
                            V(""),
                            V(false),
                            V(cat.code),
                            V(titles.at(cat.code)),
                            V("（演示）" + titles.at(cat.code) + "，请核查处理。"),
                            V(unit),
                            V(cat.needs_unit ? "99" + std::to_string(1000 + i % 50) : std::string()),
                            V(r.received),
                            V(r.state),
                            V(QueryCodeHash(r.no, NewQueryCode())),
                            opt(assigned),
                            opt(replied),
                            opt(closed),
                            V(reply),
                            V(rect),
                            V(finding),
                            V(supervisor),
                            V(r.received),
                            V(r.steps.empty() ? r.received : r.steps.back().second)}));
        rows.push_back(std::move(r));
    }
    JW_RETURN_IF_ERROR((*loader)->Finish());

    std::map<std::string, int64_t> id_of;
    JW_ASSIGN_OR_RETURN(auto ids, c.Query("SELECT id, ticket_no FROM servicedesk_tickets"));
    for (const auto& r : ids) id_of[r.Str(1)] = r.Int(0);
    auto events = storage::BulkLoader::Start(
        c, "servicedesk_events", {"ticket_id", "at", "user_id", "action", "from_state", "to_state", "note"});
    if (!events.ok()) return events.status();
    auto callbacks = std::vector<storage::Params>{};
    std::vector<std::pair<int64_t, int64_t>> joins;  // ticket, parent
    for (const auto& r : rows) {
        const int64_t id = id_of.at(r.no);
        JW_RETURN_IF_ERROR((*events)->Add({V(id), V(r.received), V(supervisor), V("register"), V(""), V("registered"),
                                           V(channels[r.i % channels.size()].code)}));
        std::string from = "registered";
        for (const auto& [step, at] : r.steps) {
            const std::string to = ToState(step);
            const int64_t by = (step == "reply" || step == "report_rectified") ? officer : supervisor;
            std::string note;
            if (step == "join") {
                const int64_t parent = id_of.at(rows[r.i - 1].no);
                joins.push_back({id, parent});
                note = std::to_string(parent) + " auto";
            }
            if (step == "callback") {
                const char* result = r.i % 7 == 0 ? "unsatisfied" : r.i % 3 == 0 ? "basically" : "satisfied";
                note = result;
                callbacks.push_back({V(id), V(at), V(supervisor), V(result), V("")});
            }
            JW_RETURN_IF_ERROR((*events)->Add({V(id), V(at), V(by), V(step), V(from), V(to), V(note)}));
            from = to;
        }
    }
    JW_RETURN_IF_ERROR((*events)->Finish());
    auto cbs =
        storage::BulkLoader::Start(c, "servicedesk_callbacks", {"ticket_id", "at", "user_id", "result", "comment"});
    if (!cbs.ok()) return cbs.status();
    for (const auto& row : callbacks) JW_RETURN_IF_ERROR((*cbs)->Add(row));
    JW_RETURN_IF_ERROR((*cbs)->Finish());
    for (const auto& [id, parent] : joins)
        JW_RETURN_IF_ERROR(c.Exec("UPDATE servicedesk_tickets SET parent_id = ? WHERE id = ?", {V(parent), V(id)}));
    return Status::Ok();
}

}  // namespace jw::servicedesk
