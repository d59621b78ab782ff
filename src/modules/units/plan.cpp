#include "units/plan.hpp"

#include <set>

#include "common/civil_time.hpp"

namespace jw::units {
namespace {

bool IsCode(const std::string& s) {
    if (s.size() != 12) return false;
    for (char ch : s)
        if (ch < '0' || ch > '9') return false;
    return true;
}

bool IsKind(const std::string& k) { return k == "bureau" || k == "station" || k == "brigade" || k == "office"; }

// Collects problems by JSON path; the first problem of a path wins.
class Problems {
  public:
    void Add(const std::string& path, const std::string& problem) { fields_.emplace(path, problem); }
    bool empty() const { return fields_.empty(); }
    Status status() const {
        if (fields_.empty()) return Status::Ok();
        // Words: error.invalid_argument.invalid_plan, then each field (ADR 0027).
        return Status(ErrorCode::kInvalidArgument, "invalid_plan", fields_);
    }

  private:
    std::map<std::string, std::string> fields_;
};

std::string Path(const std::string& base, const char* key) { return base + "." + key; }
std::string Index(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

void CheckKeys(const Json& obj, std::initializer_list<std::string_view> allowed, const std::string& base, Problems& p) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool ok = false;
        for (auto a : allowed) ok = ok || it.key() == a;
        if (!ok) p.Add(base.empty() ? it.key() : base + "." + it.key(), "unknown_field");
    }
}

// A string field: "" when missing (and "required" recorded if required), problems for wrong type or length.
std::string Text(const Json& obj, const char* key, const std::string& path, bool required, size_t max, Problems& p) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) p.Add(path, "required");
        return "";
    }
    if (!it->is_string()) {
        p.Add(path, "must_be_string");
        return "";
    }
    std::string s = it->get<std::string>();
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    auto len = Utf8Length(s);
    if (!len)
        p.Add(path, "not_utf8");
    else if (*len > max)
        p.Add(path, "too_long");
    else if (s.empty() && required)
        p.Add(path, "required");
    for (unsigned char ch : s)
        if (ch < 0x20) {
            p.Add(path, "bad_characters");
            break;
        }
    return s;
}

std::string Code(const Json& obj, const char* key, const std::string& path, bool required, Problems& p) {
    std::string s = Text(obj, key, path, required, 12, p);
    if (!s.empty() && !IsCode(s)) p.Add(path, "bad_format");
    return s;
}

std::string CodeValue(const Json& v, const std::string& path, Problems& p) {
    if (!v.is_string()) {
        p.Add(path, "must_be_string");
        return "";
    }
    std::string s = v.get<std::string>();
    if (!IsCode(s)) p.Add(path, "bad_format");
    return s;
}

UnitSpec Spec(const Json& v, const std::string& path, Problems& p) {
    UnitSpec u;
    if (v.is_string()) {
        u.code = CodeValue(v, path, p);
        return u;
    }
    if (!v.is_object()) {
        p.Add(path, "must_be_code_or_object");
        return u;
    }
    CheckKeys(v, {"code", "name", "kind", "parent"}, path, p);
    u.is_new = true;
    u.code = Code(v, "code", Path(path, "code"), true, p);
    u.name = Text(v, "name", Path(path, "name"), true, 40, p);
    if (!u.name.empty() && Utf8Length(u.name).value_or(0) < 2) p.Add(Path(path, "name"), "too_short");
    u.kind = Text(v, "kind", Path(path, "kind"), true, 10, p);
    if (!u.kind.empty() && !IsKind(u.kind)) p.Add(Path(path, "kind"), "bad_value");
    u.parent = Code(v, "parent", Path(path, "parent"), false, p);
    return u;
}

Operation ParseOperation(const Json& v, const std::string& path, Problems& p) {
    Operation op;
    if (!v.is_object()) {
        p.Add(path, "must_be_object");
        return op;
    }
    op.op = Text(v, "op", Path(path, "op"), true, 10, p);
    if (op.op == "merge") {
        CheckKeys(v, {"op", "units", "into"}, path, p);
        auto units = v.find("units");
        if (units == v.end())
            p.Add(Path(path, "units"), "required");
        else if (!units->is_array())
            p.Add(Path(path, "units"), "must_be_array");
        else if (units->size() < 2)
            p.Add(Path(path, "units"), "too_few");
        else if (units->size() > 50)
            p.Add(Path(path, "units"), "too_many");
        else
            for (size_t i = 0; i < units->size(); ++i)
                op.units.push_back(CodeValue((*units)[i], Index(Path(path, "units"), i), p));
        auto into = v.find("into");
        if (into == v.end())
            p.Add(Path(path, "into"), "required");
        else
            op.into.push_back(Spec(*into, Path(path, "into"), p));
    } else if (op.op == "split") {
        CheckKeys(v, {"op", "unit", "into", "default"}, path, p);
        op.unit = Code(v, "unit", Path(path, "unit"), true, p);
        auto into = v.find("into");
        if (into == v.end())
            p.Add(Path(path, "into"), "required");
        else if (!into->is_array())
            p.Add(Path(path, "into"), "must_be_array");
        else if (into->size() < 2)
            p.Add(Path(path, "into"), "too_few");
        else if (into->size() > 50)
            p.Add(Path(path, "into"), "too_many");
        else
            for (size_t i = 0; i < into->size(); ++i)
                op.into.push_back(Spec((*into)[i], Index(Path(path, "into"), i), p));
        op.default_code = Code(v, "default", Path(path, "default"), true, p);
    } else if (op.op == "rename") {
        CheckKeys(v, {"op", "unit", "name", "code"}, path, p);
        op.unit = Code(v, "unit", Path(path, "unit"), true, p);
        op.name = Text(v, "name", Path(path, "name"), true, 40, p);
        if (!op.name.empty() && Utf8Length(op.name).value_or(0) < 2) p.Add(Path(path, "name"), "too_short");
        op.code = Code(v, "code", Path(path, "code"), false, p);
    } else if (op.op == "move") {
        CheckKeys(v, {"op", "unit", "parent"}, path, p);
        op.unit = Code(v, "unit", Path(path, "unit"), true, p);
        op.parent = Code(v, "parent", Path(path, "parent"), true, p);
    } else if (!op.op.empty()) {
        p.Add(Path(path, "op"), "unknown_op");
    }
    return op;
}

// Consistency inside the plan: a unit restructured once, new codes unique, defaults among the parts.
void CheckOperations(const Plan& plan, Problems& p) {
    std::set<std::string> restructured, new_codes;
    for (size_t i = 0; i < plan.operations.size(); ++i) {
        const Operation& op = plan.operations[i];
        const std::string base = Index("operations", i);
        auto claim = [&](const std::string& code, const std::string& path) {
            if (!code.empty() && !restructured.insert(code).second) p.Add(path, "in_two_operations");
        };
        for (size_t j = 0; j < op.units.size(); ++j) {
            for (size_t k = 0; k < j; ++k)
                if (op.units[k] == op.units[j]) p.Add(Index(base + ".units", j), "duplicate");
            claim(op.units[j], Index(base + ".units", j));
        }
        if (op.op == "split") claim(op.unit, base + ".unit");
        for (size_t j = 0; j < op.into.size(); ++j) {
            const std::string path = op.op == "merge" ? base + ".into" : Index(base + ".into", j);
            const UnitSpec& u = op.into[j];
            if (u.is_new && !u.code.empty() && !new_codes.insert(u.code).second) p.Add(path + ".code", "duplicate");
            if (op.op == "split")
                for (size_t k = 0; k < j; ++k)
                    if (op.into[k].code == u.code && !u.code.empty()) p.Add(path, "duplicate");
        }
        if (op.op == "merge" && op.into.size() == 1 && !op.into[0].is_new && !op.into[0].code.empty()) {
            bool among = false;
            for (const auto& c : op.units) among = among || c == op.into[0].code;
            if (!among) p.Add(base + ".into", "not_a_source");
        }
        if (op.op == "split" && !op.default_code.empty()) {
            bool among = false;
            for (const auto& u : op.into) among = among || u.code == op.default_code;
            if (!among) p.Add(base + ".default", "not_in_into");
        }
        if (op.op == "rename" && !op.code.empty() && !new_codes.insert(op.code).second)
            p.Add(base + ".code", "duplicate");
    }
    std::set<std::string> users;
    for (size_t k = 0; k < plan.reassign.size(); ++k)
        if (!plan.reassign[k].user.empty() && !users.insert(plan.reassign[k].user).second)
            p.Add(Index("reassign", k) + ".user", "duplicate");
}

}  // namespace

Result<Plan> ParsePlan(const Json& body, std::string_view today) {
    Problems p;
    Plan plan;
    if (!body.is_object()) return Status::Invalid("plan", "not_an_object");
    CheckKeys(body, {"title", "effective_date", "reason", "operations", "reassign"}, "", p);
    plan.title = Text(body, "title", "title", true, 100, p);
    plan.reason = Text(body, "reason", "reason", false, 500, p);
    plan.effective_date = Text(body, "effective_date", "effective_date", true, 10, p);
    if (!plan.effective_date.empty()) {
        auto d = ParseDate(plan.effective_date);
        if (!d || plan.effective_date.size() != 10)
            p.Add("effective_date", "bad_format");
        else if (plan.effective_date < today)
            p.Add("effective_date", "before_today");
    }
    auto ops = body.find("operations");
    if (ops == body.end())
        p.Add("operations", "required");
    else if (!ops->is_array())
        p.Add("operations", "must_be_array");
    else if (ops->size() > kMaxOperations)
        p.Add("operations", "too_many");
    else
        for (size_t i = 0; i < ops->size(); ++i)
            plan.operations.push_back(ParseOperation((*ops)[i], Index("operations", i), p));
    if (ops != body.end() && ops->is_array() && ops->empty() && !body.contains("reassign"))
        p.Add("operations", "required");
    if (auto re = body.find("reassign"); re != body.end()) {
        if (!re->is_array())
            p.Add("reassign", "must_be_array");
        else if (re->size() > kMaxReassign)
            p.Add("reassign", "too_many");
        else
            for (size_t k = 0; k < re->size(); ++k) {
                const std::string base = Index("reassign", k);
                const Json& r = (*re)[k];
                if (!r.is_object()) {
                    p.Add(base, "must_be_object");
                    continue;
                }
                CheckKeys(r, {"user", "to"}, base, p);
                Reassignment a;
                a.user = Text(r, "user", base + ".user", true, 32, p);
                a.to = Code(r, "to", base + ".to", true, p);
                plan.reassign.push_back(a);
            }
    }
    if (p.empty()) CheckOperations(plan, p);
    JW_RETURN_IF_ERROR(p.status());
    return plan;
}

Result<Plan> ParsePlanText(std::string_view text, std::string_view today) {
    Json body = Json::parse(text, nullptr, false);
    if (body.is_discarded()) return Status::Invalid("plan", "malformed_json");
    if (!body.is_object()) return Status::Invalid("plan", "not_an_object");
    return ParsePlan(body, today);
}

namespace {
Json SpecJson(const UnitSpec& u) {
    if (!u.is_new) return u.code;
    Json j = {{"code", u.code}, {"name", u.name}, {"kind", u.kind}};
    if (!u.parent.empty()) j["parent"] = u.parent;
    return j;
}
}  // namespace

Json PlanToJson(const Plan& plan) {
    Json ops = Json::array();
    for (const auto& op : plan.operations) {
        Json j = {{"op", op.op}};
        if (op.op == "merge") {
            j["units"] = op.units;
            j["into"] = SpecJson(op.into.at(0));
        } else if (op.op == "split") {
            j["unit"] = op.unit;
            Json into = Json::array();
            for (const auto& u : op.into) into.push_back(SpecJson(u));
            j["into"] = into;
            j["default"] = op.default_code;
        } else if (op.op == "rename") {
            j["unit"] = op.unit;
            j["name"] = op.name;
            if (!op.code.empty()) j["code"] = op.code;
        } else {
            j["unit"] = op.unit;
            j["parent"] = op.parent;
        }
        ops.push_back(j);
    }
    Json re = Json::array();
    for (const auto& r : plan.reassign) re.push_back({{"user", r.user}, {"to", r.to}});
    return {{"title", plan.title},
            {"effective_date", plan.effective_date},
            {"reason", plan.reason},
            {"operations", ops},
            {"reassign", re}};
}

}  // namespace jw::units
