#pragma once
// The extension point of unit restructuring (ADR 0024): each module that keeps rows tied to a unit registers one
// Participant, which finds and moves its own rows with its own SQL. The units module never touches another
// module's tables; it drives the participants, journals what they moved, and undoes it through them.
//
// A restructure hands every participant the same MoveContext: which units give up their rows, to which unit
// each row goes by default, and which officers change unit. Participants only move what is still live
// (open cases, active orders, open alerts); closed records keep the unit they had (they count them as `kept`).
//
// Thread safety: participants are stateless and called on the connection of the restructure's transaction.

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::units {

struct MoveContext {
    // Units that give up their rows → the unit taking them unless a row is placed otherwise. A unit split but
    // kept maps to itself when it is the default part. In a dry run, units the plan creates have ids < 0.
    std::map<int64_t, int64_t> unit_map;
    // Each source unit → every unit of its operation's outcome (the parts of a split, the merged unit).
    std::map<int64_t, std::set<int64_t>> parts;
    // Officers changing unit (with their unit, or reassigned one by one) → their new unit.
    std::map<int64_t, int64_t> user_units;
    int64_t now = 0;

    std::vector<int64_t> Sources() const {
        std::vector<int64_t> out;
        for (const auto& [unit, target] : unit_map) out.push_back(unit);
        return out;
    }
    // Where a row of `unit` goes: with its officer when the officer moves into one of the unit's parts, else to
    // the unit's default; the unit itself when it is not restructured.
    int64_t Target(int64_t unit, int64_t officer = 0) const {
        auto it = unit_map.find(unit);
        if (it == unit_map.end()) return unit;
        if (officer) {
            auto u = user_units.find(officer);
            auto p = parts.find(unit);
            if (u != user_units.end() && p != parts.end() && p->second.count(u->second)) return u->second;
        }
        return it->second;
    }
};

// A row that follows the new structure. `what` names its kind within the module ("open_cases").
struct Candidate {
    std::string what;
    std::string row;  // the row's key as text (an id, or a device's 20-digit id)
    int64_t unit_id = 0;
    int64_t officer_id = 0;  // the officer the row follows in a split (0: none)
    int64_t to = 0;          // set when the participant places the row itself (0: MoveContext::Target)
};

struct MoveCount {
    std::string module, what;
    int64_t count = 0;
};

class Participant {
  public:
    virtual ~Participant() = default;
    // "auth", "cases", … — stored in the journal to find the participant again at undo.
    virtual std::string module() const = 0;
    // Live rows of ctx.Sources() (and of moving officers, where rows follow officers). Read only.
    virtual Result<std::vector<Candidate>> Candidates(storage::Connection& c, const MoveContext& ctx) = 0;
    // Rows of ctx.Sources() that keep their unit, counted by kind. Read only.
    virtual Result<std::vector<MoveCount>> Kept(storage::Connection& c, const MoveContext& ctx) = 0;
    // Moves one row of kind `what` from unit `from` to `to`, only where it is still at `from`; used for apply and,
    // with from/to swapped, for undo. Returns the kind to journal: usually `what`; another kind when the move had
    // to be done differently (a link row that already existed for `to` is removed, journalled as "<what>_merged",
    // and undo of that kind puts the removed row back).
    virtual Result<std::string> Move(storage::Connection& c, const std::string& what, const std::string& row,
                                     int64_t from, int64_t to) = 0;
};

// A module with unit-bound rows implements this beside modules::Module (modules/module.hpp); the units module
// finds every one among the server's modules (CollectParticipants, units_module.hpp).
class ParticipantSource {
  public:
    virtual ~ParticipantSource() = default;
    virtual std::unique_ptr<Participant> MakeParticipant() const = 0;
};

// The participants of one server, in registration order (apply order; undo runs the journal backwards).
class Participants {
  public:
    void Add(std::unique_ptr<Participant> p) { list_.push_back(std::move(p)); }
    const std::vector<std::unique_ptr<Participant>>& list() const { return list_; }
    Participant* Find(const std::string& module) const {
        for (const auto& p : list_)
            if (p->module() == module) return p.get();
        return nullptr;
    }

  private:
    std::vector<std::unique_ptr<Participant>> list_;
};

}  // namespace jw::units
