// Visits, patrols and mediations (work_service.hpp); tasks and reminders: task_service.cpp.
#include "community/work/work_service.hpp"

#include "community/work/dispute_types.hpp"
#include "community/work/work_secrets.hpp"

namespace jw::community {

using storage::V;

namespace {

// A record may be dated a little ahead of the server's clock (a phone's clock runs fast); more is a mistake.
constexpr int64_t kClockSlack = 300;

Status ExistsIn(storage::Connection& c, const char* table, int64_t id, const char* field) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT 1 FROM ") + table + " WHERE id = ?", {V(id)}));
    if (rows.empty()) return Status::Invalid(field, "not_found");
    return Status::Ok();
}

Result<std::string> AddressOf(storage::Connection& c, const char* table, int64_t id, const char* field) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string("SELECT address_code FROM ") + table + " WHERE id = ?", {V(id)}));
    if (rows.empty()) return Status::Invalid(field, "not_found");
    return rows[0].Str(0);
}

Status CheckPeople(storage::Connection& c, const std::vector<int64_t>& ids, const std::string& field) {
    for (int64_t id : ids) JW_RETURN_IF_ERROR(ExistsIn(c, "community_people", id, field.c_str()));
    return Status::Ok();
}

bool InScope(const auth::Principal& p, int64_t unit) { return p.all_units || p.SeesUnit(unit); }

}  // namespace

std::optional<std::vector<int64_t>> WorkScope(const auth::Principal& p) {
    if (p.all_units) return std::nullopt;
    return p.unit_scope;
}

Result<Saved<Visit>> CreateVisit(storage::Connection& c, const auth::Principal& actor, Visit in, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto earlier, VisitIdByKey(c, actor.user_id, in.client_key));
    if (earlier) {
        JW_ASSIGN_OR_RETURN(Visit v, GetVisit(c, *earlier));
        return Saved<Visit>{std::move(v), true};
    }
    if (in.person_ids.empty() && in.address_code.empty() && !in.house_id && !in.org_id)
        return Status::Invalid("address_id", "required");
    if (in.visited_at > now + kClockSlack) return Status::Invalid("visited_at", "in_future");
    JW_RETURN_IF_ERROR(CheckPeople(c, in.person_ids, "person_ids"));
    // The address decides the grid; a house or unit visited without an address lends its own.
    if (in.address_code.empty() && in.house_id) {
        JW_ASSIGN_OR_RETURN(in.address_code, AddressOf(c, "community_houses", *in.house_id, "house_id"));
    } else if (in.house_id) {
        JW_RETURN_IF_ERROR(ExistsIn(c, "community_houses", *in.house_id, "house_id"));
    }
    if (in.address_code.empty() && in.org_id) {
        JW_ASSIGN_OR_RETURN(in.address_code, AddressOf(c, "community_orgs", *in.org_id, "org_id"));
    } else if (in.org_id) {
        JW_RETURN_IF_ERROR(ExistsIn(c, "community_orgs", *in.org_id, "org_id"));
    }
    if (!in.address_code.empty()) {
        JW_ASSIGN_OR_RETURN(std::string grid, GridOfAddress(c, in.address_code));
        if (!grid.empty()) in.grid_id = grid;
    }
    in.officer_id = actor.user_id;
    in.unit_id = actor.unit_id;
    in.created_at = now;
    JW_ASSIGN_OR_RETURN(int64_t id, InsertVisit(c, in));
    JW_ASSIGN_OR_RETURN(Visit v, GetVisit(c, id));
    return Saved<Visit>{std::move(v), false};
}

Result<Visit> ReadVisit(storage::Connection& c, const auth::Principal& actor, int64_t id) {
    JW_ASSIGN_OR_RETURN(Visit v, GetVisit(c, id));
    if (!InScope(actor, v.unit_id)) return Status::NotFound("visit");
    return v;
}

Result<Saved<Patrol>> CreatePatrol(storage::Connection& c, const auth::Principal& actor, Patrol in, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto earlier, PatrolIdByKey(c, actor.user_id, in.client_key));
    if (earlier) {
        JW_ASSIGN_OR_RETURN(Patrol p, GetPatrol(c, *earlier));
        return Saved<Patrol>{std::move(p), true};
    }
    if (in.grid_id.empty() && in.route.empty()) return Status::Invalid("grid_id", "required");
    if (in.started_at > now + kClockSlack) return Status::Invalid("started_at", "in_future");
    if (in.ended_at < in.started_at) return Status::Invalid("ended_at", "before_start");
    if (in.ended_at - in.started_at > 86400) return Status::Invalid("ended_at", "too_long");
    in.officer_id = actor.user_id;
    in.unit_id = actor.unit_id;
    in.created_at = now;
    JW_ASSIGN_OR_RETURN(int64_t id, InsertPatrol(c, in));
    JW_ASSIGN_OR_RETURN(Patrol p, GetPatrol(c, id));
    return Saved<Patrol>{std::move(p), false};
}

Result<Saved<Mediation>> CreateMediation(storage::Connection& c, const auth::Principal& actor, Mediation in,
                                         int64_t now) {
    JW_ASSIGN_OR_RETURN(auto earlier, MediationIdByKey(c, actor.user_id, in.client_key));
    if (earlier) {
        JW_ASSIGN_OR_RETURN(Mediation m, GetMediation(c, *earlier));
        return Saved<Mediation>{std::move(m), true};
    }
    if (!DisputeTypes::Default().Has(in.dispute_type)) return Status::Invalid("dispute_type", "invalid_enum");
    if (in.parties.empty()) return Status::Invalid("parties", "required");
    if (in.parties.size() > 10) return Status::Invalid("parties", "too_many");
    for (size_t i = 0; i < in.parties.size(); ++i) {
        const std::string field = "parties[" + std::to_string(i) + "]";
        const Party& p = in.parties[i];
        if (!p.person_id && p.name.empty()) return Status::Invalid(field, "required");
        if (p.person_id) JW_RETURN_IF_ERROR(CheckPeople(c, {*p.person_id}, field + ".person_id"));
    }
    if (in.occurred_at > now + kClockSlack) return Status::Invalid("occurred_at", "in_future");
    if (!in.address_code.empty()) {
        JW_ASSIGN_OR_RETURN(std::string grid, GridOfAddress(c, in.address_code));
        if (!grid.empty()) in.grid_id = grid;
    }
    in.parties_index = PartiesIndex(in.parties);
    JW_ASSIGN_OR_RETURN(auto repeats, EarlierDisputes(c, in.address_code, in.parties_index,
                                                      in.occurred_at - kRepeatWindowSeconds, in.occurred_at + 1));
    in.repeat_count = repeats.first;
    in.repeat_of = repeats.second;
    in.created_by = actor.user_id;
    in.unit_id = actor.unit_id;
    in.status = "open";
    in.outcome.clear();
    in.agreement.clear();
    in.transferred_to.clear();
    in.created_at = in.updated_at = now;
    JW_ASSIGN_OR_RETURN(int64_t id, InsertMediation(c, in));
    JW_ASSIGN_OR_RETURN(Mediation m, GetMediation(c, id));
    return Saved<Mediation>{std::move(m), false};
}

Result<Mediation> ReadMediation(storage::Connection& c, const auth::Principal& actor, int64_t id) {
    JW_ASSIGN_OR_RETURN(Mediation m, GetMediation(c, id));
    if (!InScope(actor, m.unit_id)) return Status::NotFound("mediation");
    return m;
}

bool MediationTransitionAllowed(const std::string& from, const std::string& to) {
    if (from == "open") return to == "mediating" || to == "closed";
    if (from == "mediating") return to == "closed";
    return false;
}

Result<Saved<Mediation>> ChangeMediation(storage::Connection& c, const auth::Principal& actor, int64_t id,
                                         const MediationChange& change, int64_t now) {
    JW_ASSIGN_OR_RETURN(Mediation m, ReadMediation(c, actor, id));
    if (change.status != "mediating" && change.status != "closed") return Status::Invalid("status", "invalid_enum");
    const bool closing = change.status == "closed";
    if (closing) {
        if (change.outcome.empty()) return Status::Invalid("outcome", "required");
        if (change.outcome != "success" && change.outcome != "failed" && change.outcome != "transferred")
            return Status::Invalid("outcome", "invalid_enum");
        if (change.outcome == "success" && change.agreement.empty()) return Status::Invalid("agreement", "required");
        if (change.outcome == "transferred" && change.transferred_to.empty())
            return Status::Invalid("transferred_to", "required");
    } else if (!change.outcome.empty()) {
        return Status::Invalid("outcome", "only_when_closing");
    }
    // The same change sent again (a resend after a lost reply) finds it done: the record as it is.
    if (m.status == change.status && (!closing || m.outcome == change.outcome))
        return Saved<Mediation>{std::move(m), true};
    if (!MediationTransitionAllowed(m.status, change.status))
        return Status(ErrorCode::kConflict, "mediation is " + m.status, {{"status", "not_allowed"}});
    if (change.expected_version && *change.expected_version != m.version)
        return Status(ErrorCode::kConflict, "the mediation changed meanwhile", {{"version", "stale"}});
    const int version = m.version;
    m.status = change.status;
    if (closing) {
        m.outcome = change.outcome;
        m.agreement = change.agreement;
        m.transferred_to = change.outcome == "transferred" ? change.transferred_to : "";
        m.closed_at = now;
        m.closed_by = actor.user_id;
    }
    m.updated_at = now;
    JW_RETURN_IF_ERROR(UpdateMediationState(c, m, version));
    JW_ASSIGN_OR_RETURN(Mediation out, GetMediation(c, id));
    return Saved<Mediation>{std::move(out), false};
}

}  // namespace jw::community
