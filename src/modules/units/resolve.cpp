#include "units/resolve.hpp"

#include "auth/auth_repository.hpp"
#include "auth/unit_moves.hpp"
#include "common/china_day.hpp"
#include "units/history_repository.hpp"

namespace jw::units {
namespace {

std::string Index(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

class Resolver {
  public:
    Resolver(storage::Connection& c, const Plan& plan) : c_(c) { r_.plan = plan; }

    Result<Resolved> Run() {
        JW_ASSIGN_OR_RETURN(auto units, auth::repo::ListUnits(c_));
        JW_ASSIGN_OR_RETURN(auto dissolved, repo::DissolvedUnits(c_));
        for (const auto& u : units) {
            if (dissolved.count(u.id)) {
                dissolved_codes_.insert(u.code);
                continue;
            }
            by_id_[u.id] = u.code;
            live_[u.code] = UnitAttrs{u.id, u.code, u.name, u.kind, ""};
            parent_id_[u.code] = u.parent_id.value_or(0);
        }
        for (auto& [code, a] : live_) a.parent_code = by_id_.count(parent_id_[code]) ? by_id_[parent_id_[code]] : "";
        for (const auto& [code, a] : live_) r_.ids[code] = a.id;
        r_.effective_at = ChinaMidnightOf(*ParseDate(r_.plan.effective_date));

        CollectNewUnits();
        for (size_t i = 0; i < r_.plan.operations.size(); ++i) Operation(i);
        if (fields_.empty()) FinishStructure();
        if (fields_.empty()) JW_RETURN_IF_ERROR(Reassign());
        if (!fields_.empty())
            // Words: error.invalid_argument.invalid_plan, then each field (ADR 0027).
            return Status(ErrorCode::kInvalidArgument, "invalid_plan", fields_);
        JW_RETURN_IF_ERROR(Officers());
        return std::move(r_);
    }

  private:
    void Fail(const std::string& path, const std::string& problem) { fields_.emplace(path, problem); }

    // A code the plan may point at as an outcome: a live unit or one the plan creates.
    bool Known(const std::string& code) const { return live_.count(code) || new_.count(code); }
    void CheckExisting(const std::string& code, const std::string& path) {
        if (dissolved_codes_.count(code))
            Fail(path, "dissolved");
        else if (!live_.count(code))
            Fail(path, "unknown_unit");
    }

    void CollectNewUnits() {
        int64_t pseudo = 0;
        for (size_t i = 0; i < r_.plan.operations.size(); ++i) {
            const auto& op = r_.plan.operations[i];
            for (size_t j = 0; j < op.into.size(); ++j) {
                const UnitSpec& u = op.into[j];
                if (!u.is_new) continue;
                const std::string path =
                    (op.op == "merge" ? Index("operations", i) + ".into" : Index(Index("operations", i) + ".into", j)) +
                    ".code";
                if (live_.count(u.code) || dissolved_codes_.count(u.code)) {
                    Fail(path, "exists");
                    continue;
                }
                new_[u.code] = UnitAttrs{--pseudo, u.code, u.name, u.kind, u.parent};
                new_path_[u.code] = path;
                r_.ids[u.code] = pseudo;
            }
        }
    }

    void Operation(size_t i) {
        const units::Operation& op = r_.plan.operations[i];
        const std::string base = Index("operations", i);
        if (op.op == "merge") {
            for (size_t j = 0; j < op.units.size(); ++j) CheckExisting(op.units[j], Index(base + ".units", j));
            const std::string target = op.into[0].code;
            for (const auto& s : op.units) {
                if (!live_.count(s)) continue;
                r_.unit_map[s] = target;
                r_.parts[s] = {target};
                if (s != target) Dissolve(s);
            }
            DefaultParent(target, op.units[0]);
        } else if (op.op == "split") {
            CheckExisting(op.unit, base + ".unit");
            if (!live_.count(op.unit)) return;
            bool kept = false;
            for (size_t j = 0; j < op.into.size(); ++j) {
                const UnitSpec& u = op.into[j];
                if (u.code == op.unit)
                    kept = true;
                else if (!u.is_new)
                    CheckExisting(u.code, Index(base + ".into", j));
                r_.parts[op.unit].insert(u.code);
                DefaultParent(u.code, op.unit);
            }
            r_.unit_map[op.unit] = op.default_code;
            if (!kept) Dissolve(op.unit);
        } else if (op.op == "rename") {
            CheckExisting(op.unit, base + ".unit");
            if (!live_.count(op.unit)) return;
            if (!op.code.empty() && op.code != op.unit &&
                (live_.count(op.code) || dissolved_codes_.count(op.code) || new_.count(op.code)))
                Fail(base + ".code", "exists");
            UnitAttrs& a = Final(op.unit);
            a.name = op.name;
            if (!op.code.empty()) a.code = op.code;
            renamed_[op.unit] = base;
        } else if (op.op == "move") {
            CheckExisting(op.unit, base + ".unit");
            if (!Known(op.parent)) {
                if (dissolved_codes_.count(op.parent))
                    Fail(base + ".parent", "dissolved");
                else
                    Fail(base + ".parent", "unknown_unit");
            }
            if (!live_.count(op.unit)) return;
            Final(op.unit).parent_code = op.parent;
            moved_[op.unit] = base;
        }
    }

    void DefaultParent(const std::string& code, const std::string& source) {
        auto it = new_.find(code);
        if (it != new_.end() && it->second.parent_code.empty() && live_.count(source))
            it->second.parent_code = live_.at(source).parent_code;
    }

    void Dissolve(const std::string& code) {
        r_.dissolve.push_back(code);
        dissolving_.insert(code);
    }

    UnitAttrs& Final(const std::string& code) {
        auto it = r_.updates.find(code);
        if (it == r_.updates.end()) {
            r_.before[code] = live_.at(code);
            it = r_.updates.emplace(code, live_.at(code)).first;
        }
        return it->second;
    }

    // Follows default targets from a dissolved unit to the unit that stays.
    std::string Successor(std::string code) const {
        for (int guard = 0; guard < 64 && dissolving_.count(code); ++guard) code = r_.unit_map.at(code);
        return code;
    }

    // Renames and moves of dissolved units, parents that vanish, new units' parents, cycles.
    void FinishStructure() {
        for (const auto& [code, path] : renamed_)
            if (dissolving_.count(code)) Fail(path + ".unit", "dissolved");
        for (const auto& [code, path] : moved_) {
            if (dissolving_.count(code)) Fail(path + ".unit", "dissolved");
            if (dissolving_.count(r_.updates.at(code).parent_code)) Fail(path + ".parent", "dissolved");
        }
        for (auto& [code, a] : new_) {
            if (!a.parent_code.empty() && !Known(a.parent_code))
                Fail(new_path_[code].substr(0, new_path_[code].size() - 5) + ".parent", "unknown_unit");
            else if (dissolving_.count(a.parent_code))
                a.parent_code = Successor(a.parent_code);
        }
        for (const auto& [code, a] : live_) {
            if (dissolving_.count(code)) continue;
            const std::string parent = r_.updates.count(code) ? r_.updates.at(code).parent_code : a.parent_code;
            if (dissolving_.count(parent)) Final(code).parent_code = Successor(parent);
        }
        for (const auto& [code, path] : moved_) {
            std::string at = code;
            for (int depth = 0; !at.empty(); ++depth) {
                at = ParentOf(at);
                if (at == code || depth > 64) {
                    Fail(path + ".parent", "cycle");
                    break;
                }
            }
        }
        if (!fields_.empty()) return;
        // New units in an order where each parent comes first.
        std::set<std::string> placed;
        for (size_t round = 0; round <= new_.size() && placed.size() < new_.size(); ++round)
            for (const auto& [code, a] : new_)
                if (!placed.count(code) && (!new_.count(a.parent_code) || placed.count(a.parent_code))) {
                    r_.creates.push_back(a);
                    placed.insert(code);
                }
        for (auto it = r_.updates.begin(); it != r_.updates.end();) {
            const UnitAttrs& b = r_.before.at(it->first);
            if (it->second.code == b.code && it->second.name == b.name && it->second.parent_code == b.parent_code) {
                r_.before.erase(it->first);
                it = r_.updates.erase(it);
            } else {
                ++it;
            }
        }
        for (const auto& code : r_.dissolve) r_.before[code] = live_.at(code);
    }

    std::string ParentOf(const std::string& code) const {
        if (auto u = r_.updates.find(code); u != r_.updates.end()) return u->second.parent_code;
        if (auto n = new_.find(code); n != new_.end()) return n->second.parent_code;
        if (auto l = live_.find(code); l != live_.end()) return l->second.parent_code;
        return "";
    }

    Status Reassign() {
        std::vector<auth::User> found;
        for (size_t k = 0; k < r_.plan.reassign.size(); ++k) {
            const auto& a = r_.plan.reassign[k];
            const std::string base = Index("reassign", k);
            auto user = auth::repo::GetUserByUsername(c_, a.user);
            if (!user.ok()) {
                if (user.status().code() != ErrorCode::kNotFound) return user.status();
                Fail(base + ".user", "unknown_user");
            } else {
                r_.user_targets[user->id] = a.to;
            }
            if (dissolved_codes_.count(a.to) || dissolving_.count(a.to))
                Fail(base + ".to", "dissolved");
            else if (!Known(a.to))
                Fail(base + ".to", "unknown_unit");
        }
        return Status::Ok();
    }

    // Officers of the units giving up their rows go to the default target unless reassigned.
    Status Officers() {
        std::vector<int64_t> sources;
        for (const auto& [code, target] : r_.unit_map) sources.push_back(r_.Id(code));
        JW_ASSIGN_OR_RETURN(auto members, auth::repo::UsersOfUnits(c_, sources));
        std::vector<int64_t> named;
        for (const auto& [user, code] : r_.user_targets) named.push_back(user);
        JW_ASSIGN_OR_RETURN(auto named_units, auth::repo::UnitsOfUsers(c_, named));
        members.insert(members.end(), named_units.begin(), named_units.end());
        for (const auto& [user, unit] : members) {
            std::string target;
            if (auto t = r_.user_targets.find(user); t != r_.user_targets.end())
                target = t->second;
            else if (by_id_.count(unit) && r_.unit_map.count(by_id_[unit]))
                target = r_.unit_map.at(by_id_[unit]);
            if (!target.empty()) officer_code_[user] = {unit, target};
        }
        for (const auto& [user, move] : officer_code_) r_.user_targets[user] = move.second;
        return Status::Ok();
    }

    storage::Connection& c_;
    Resolved r_;
    std::map<std::string, std::string> fields_;
    std::map<int64_t, std::string> by_id_;
    std::map<std::string, int64_t> parent_id_;
    std::map<std::string, UnitAttrs> live_, new_;
    std::map<std::string, std::string> new_path_, renamed_, moved_;
    std::set<std::string> dissolved_codes_, dissolving_;
    std::map<int64_t, std::pair<int64_t, std::string>> officer_code_;
};

}  // namespace

MoveContext Resolved::Context(int64_t now) const {
    MoveContext ctx;
    ctx.now = now;
    for (const auto& [code, target] : unit_map) ctx.unit_map[Id(code)] = Id(target);
    for (const auto& [code, outcome] : parts)
        for (const auto& p : outcome) ctx.parts[Id(code)].insert(Id(p));
    for (const auto& [user, code] : user_targets) ctx.user_units[user] = Id(code);
    return ctx;
}

Result<Resolved> ResolvePlan(storage::Connection& c, const Plan& plan) { return Resolver(c, plan).Run(); }

}  // namespace jw::units
