#include "cases/case_clocks.hpp"

#include <set>

#include "cases/deadlines/deadlines_json.hpp"
#include "common/china_day.hpp"

namespace jw::cases {

namespace {

std::string Subject(const CaseEvent& e, const Json& data) {
    if (e.person_id) return "person-" + std::to_string(*e.person_id);
    if (data.contains("item") && data["item"].is_string()) return data["item"].get<std::string>();
    return "";
}

int IntField(const Json& data, const char* name) {
    return data.contains(name) && data[name].is_number_integer() ? data[name].get<int>() : 0;
}

// Kinds that put a person in custody, whose clocks a transfer or a withdrawal ends.
const std::set<std::string> kCustodyStarts = {"criminal_detention", "arrested"};

}  // namespace

std::string ChinaDate(int64_t unix_seconds) { return FormatChinaDate(unix_seconds); }

deadlines::CaseFacts FactsOf(const Case& k, const std::vector<CaseEvent>& events) {
    deadlines::CaseFacts facts;
    facts.case_type = k.case_type;
    facts.law = k.case_type == kAdministrative ? k.law : "";
    const auto& rules = deadlines::CaseRules();
    const bool admin = k.case_type == kAdministrative;
    std::set<std::string> in_custody;  // subjects with a custody clock
    bool case_limit_ended = false;
    auto add = [&](const std::string& kind, const CaseEvent& e, const std::string& key, const Json& data) {
        deadlines::ClockEvent ce;
        ce.kind = kind;
        ce.date = ChinaDate(e.at);
        ce.clock_key = key;
        ce.days = IntField(data, "days");
        ce.months = IntField(data, "months");
        if (data.contains("ground") && data["ground"].is_string()) ce.reason = data["ground"].get<std::string>();
        ce.note = e.reason;
        facts.events.push_back(std::move(ce));
    };
    for (const auto& e : events) {
        Json data = Json::parse(e.data_json, nullptr, false);
        if (!data.is_object()) data = Json::object();
        const std::string& a = e.action;
        if (e.kind == "transition") {
            if (a == "accept") {
                add("accepted", e, "", data);
            } else if (a == "file") {
                add("filed", e, "", data);
            } else if (a == "not_file") {
                add(admin ? "closed" : "not_filed", e, "", data);
                case_limit_ended = true;
            } else if (a.rfind("decide_", 0) == 0) {
                add("decided", e, "", data);
                case_limit_ended = true;
            } else if (a == "close" && admin && !case_limit_ended) {
                add("closed", e, "", data);
                case_limit_ended = true;
            } else if (a == "transfer_for_prosecution" || a == "withdraw") {
                for (const auto& key : in_custody)
                    add(a == "withdraw" ? "released" : "transferred_for_prosecution", e, key, data);
                in_custody.clear();
            }
            continue;
        }
        if (e.kind != "fact" || !rules.KnowsEvent(k.case_type, a)) continue;
        const std::string key = Subject(e, data);
        if (kCustodyStarts.count(a)) in_custody.insert(key);
        if (a == "released") in_custody.erase(key);
        add(a, e, key, data);
    }
    return facts;
}

Result<std::vector<deadlines::Clock>> ComputeCaseClocks(const Case& k, const std::vector<CaseEvent>& events,
                                                        const std::string& today) {
    return deadlines::ComputeClocks(deadlines::CaseRules(), deadlines::DefaultHolidayCalendar(), FactsOf(k, events),
                                    today);
}

// The engine's own JSON of a clock (deadlines_json.hpp), with `name_zh` and open stops as null for the case page.
Json ClockJson(const deadlines::Clock& c) {
    Json j = deadlines::ClockToJson(c);
    j["name_zh"] = c.name_zh;
    for (auto& stop : j["stops"])
        if (stop["to"] == "") stop["to"] = nullptr;
    return j;
}

const deadlines::Clock* NextDeadline(const std::vector<deadlines::Clock>& clocks) {
    const deadlines::Clock* best = nullptr;
    for (const auto& c : clocks) {
        if (c.state == "met" || !c.end.empty()) continue;
        if (best == nullptr || c.days_left < best->days_left) best = &c;
    }
    return best;
}

}  // namespace jw::cases
