// The centre's SQL (ticket_repository.hpp).
#include "servicedesk/tickets/ticket_repository.hpp"

#include "servicedesk/tickets/ticket_keys.hpp"
#include "storage/in_list.hpp"

namespace jw::servicedesk::repo {
namespace {

using storage::Null;
using storage::V;

constexpr const char* kColumns =
    "t.id, t.ticket_no, t.channel, t.external_ref, t.complainant_name, t.complainant_phone, "
    "t.complainant_id_number, t.phone_index, t.id_index, t.filer_subject, t.anonymous, t.category, t.title, "
    "t.content, t.unit_id, COALESCE(u.name, ''), t.officer_police_no, t.received_at, t.state, t.parent_id, "
    "t.query_code_hash, t.assigned_at, t.replied_at, t.closed_at, t.reply, t.rectification, t.finding, "
    "t.extended_days, t.created_by, t.version, t.created_at, t.updated_at";
constexpr const char* kFrom = " FROM servicedesk_tickets t LEFT JOIN units u ON u.id = t.unit_id";

std::optional<int64_t> OptInt(const storage::Row& r, size_t i) {
    if (r.IsNull(i)) return std::nullopt;
    return r.Int(i);
}

storage::Value OptV(const std::optional<int64_t>& v) { return v ? V(*v) : Null(); }

Result<Ticket> FromRow(const storage::Row& r) {
    Ticket t;
    t.id = r.Int(0);
    t.ticket_no = r.Str(1);
    t.channel = r.Str(2);
    t.external_ref = r.Str(3);
    JW_ASSIGN_OR_RETURN(t.complainant_name, Sealer().Open(r.Str(4)));
    JW_ASSIGN_OR_RETURN(t.complainant_phone, Sealer().Open(r.Str(5)));
    JW_ASSIGN_OR_RETURN(t.complainant_id_number, Sealer().Open(r.Str(6)));
    t.phone_index = r.Str(7);
    t.id_index = r.Str(8);
    t.filer_subject = r.Str(9);
    t.anonymous = r.Bool(10);
    t.category = r.Str(11);
    t.title = r.Str(12);
    t.content = r.Str(13);
    t.unit_id = OptInt(r, 14);
    t.unit_name = r.Str(15);
    t.officer_police_no = r.Str(16);
    t.received_at = r.Int(17);
    t.state = r.Str(18);
    t.parent_id = OptInt(r, 19);
    t.query_code_hash = r.Str(20);
    t.assigned_at = OptInt(r, 21);
    t.replied_at = OptInt(r, 22);
    t.closed_at = OptInt(r, 23);
    t.reply = r.Str(24);
    t.rectification = r.Str(25);
    t.finding = r.Str(26);
    t.extended_days = static_cast<int>(r.Int(27));
    t.created_by = r.Int(28);
    t.version = static_cast<int>(r.Int(29));
    t.created_at = r.Int(30);
    t.updated_at = r.Int(31);
    return t;
}

Result<std::vector<Ticket>> Tickets(const storage::Rows& rows) {
    std::vector<Ticket> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Ticket t, FromRow(r));
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

Result<int64_t> InsertTicket(storage::Connection& c, const Ticket& t) {
    const auto& s = Sealer();
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne(
            "INSERT INTO servicedesk_tickets (ticket_no, channel, external_ref, complainant_name, complainant_phone, "
            "complainant_id_number, phone_index, id_index, filer_subject, anonymous, category, title, content, "
            "unit_id, officer_police_no, received_at, state, parent_id, query_code_hash, created_by, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {V(t.ticket_no),
             V(t.channel),
             V(t.external_ref),
             V(s.Seal(t.complainant_name)),
             V(s.Seal(t.complainant_phone)),
             V(s.Seal(t.complainant_id_number)),
             V(t.phone_index),
             V(t.id_index),
             V(t.filer_subject),
             V(t.anonymous),
             V(t.category),
             V(t.title),
             V(t.content),
             OptV(t.unit_id),
             V(t.officer_police_no),
             V(t.received_at),
             V(t.state),
             OptV(t.parent_id),
             V(t.query_code_hash),
             t.created_by ? V(t.created_by) : Null(),
             V(t.created_at),
             V(t.updated_at)}));
    return row.Int(0);
}

Result<Ticket> GetTicket(storage::Connection& c, int64_t id, const std::optional<std::vector<int64_t>>& unit_scope) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + kFrom + " WHERE t.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("ticket");
    JW_ASSIGN_OR_RETURN(Ticket t, FromRow(rows[0]));
    if (unit_scope) {
        bool in = false;
        for (int64_t u : *unit_scope) in = in || (t.unit_id && *t.unit_id == u);
        if (!in) return Status::NotFound("ticket");  // the same answer as an unknown id
    }
    return t;
}

Result<std::optional<Ticket>> FindByNumber(storage::Connection& c, const std::string& ticket_no) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string("SELECT ") + kColumns + kFrom + " WHERE t.ticket_no = ?", {V(ticket_no)}));
    if (rows.empty()) return std::optional<Ticket>{};
    JW_ASSIGN_OR_RETURN(Ticket t, FromRow(rows[0]));
    return std::optional<Ticket>(std::move(t));
}

Result<std::pair<std::vector<Ticket>, int64_t>> ListTickets(storage::Connection& c, const TicketFilter& f) {
    std::string where = " WHERE 1 = 1";
    storage::Params p;
    auto eq = [&](const char* col, const std::string& v) {
        if (v.empty()) return;
        where += std::string(" AND ") + col + " = ?";
        p.push_back(V(v));
    };
    eq("t.state", f.state);
    eq("t.channel", f.channel);
    eq("t.category", f.category);
    eq("t.ticket_no", f.ticket_no);
    eq("t.filer_subject", f.filer_subject);
    if (f.unit_id) {
        where += " AND t.unit_id = ?";
        p.push_back(V(*f.unit_id));
    }
    if (f.from) {
        where += " AND t.received_at >= ?";
        p.push_back(V(*f.from));
    }
    if (f.to) {
        where += " AND t.received_at < ?";
        p.push_back(V(*f.to));
    }
    if (f.unit_scope) {
        if (f.unit_scope->empty()) return std::pair<std::vector<Ticket>, int64_t>{{}, 0};
        where += " AND " + storage::InFilter(c.dialect(), "t.unit_id", *f.unit_scope, p);
    }
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM servicedesk_tickets t" + where, p));
    storage::Params lp = p;
    lp.push_back(V(f.page_size));
    lp.push_back(V(int64_t(f.page - 1) * f.page_size));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + kFrom + where +
                                               " ORDER BY t.received_at DESC, t.id DESC LIMIT ? OFFSET ?",
                                           lp));
    JW_ASSIGN_OR_RETURN(auto items, Tickets(rows));
    return std::pair{std::move(items), total.Int(0)};
}

Status UpdateTicket(storage::Connection& c, const Ticket& t, int expected_version, int64_t now) {
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("UPDATE servicedesk_tickets SET state = ?, parent_id = ?, unit_id = ?, officer_police_no = ?, "
                "assigned_at = ?, replied_at = ?, closed_at = ?, reply = ?, rectification = ?, finding = ?, "
                "extended_days = ?, query_code_hash = ?, version = version + 1, updated_at = ? WHERE id = ? AND "
                "version = ? RETURNING id",
                {V(t.state), OptV(t.parent_id), OptV(t.unit_id), V(t.officer_police_no), OptV(t.assigned_at),
                 OptV(t.replied_at), OptV(t.closed_at), V(t.reply), V(t.rectification), V(t.finding),
                 V(t.extended_days), V(t.query_code_hash), V(now), V(t.id), V(expected_version)}));
    if (rows.empty()) return Status::Conflict("version");
    return Status::Ok();
}

Result<std::string> NextTicketNo(storage::Connection& c, const std::string& yyyymmdd) {
    const std::string prefix = "FW" + yyyymmdd;
    JW_ASSIGN_OR_RETURN(
        auto r, c.QueryOne("SELECT COUNT(*) FROM servicedesk_tickets WHERE ticket_no LIKE ?", {V(prefix + "%")}));
    const std::string seq = std::to_string(r.Int(0) + 1);
    return prefix + std::string(seq.size() < 4 ? 4 - seq.size() : 0, '0') + seq;
}

Status AddEvent(storage::Connection& c, const TicketEvent& e) {
    return c.Exec(
        "INSERT INTO servicedesk_events (ticket_id, at, user_id, action, from_state, to_state, note) VALUES (?, ?, ?, "
        "?, ?, ?, ?)",
        {V(e.ticket_id), V(e.at), OptV(e.user_id), V(e.action), V(e.from_state), V(e.to_state), V(e.note)});
}

Result<std::vector<TicketEvent>> ListEvents(storage::Connection& c, int64_t ticket_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT e.id, e.ticket_id, e.at, e.user_id, COALESCE(u.name, ''), e.action, "
                                           "e.from_state, e.to_state, e.note FROM servicedesk_events e LEFT JOIN "
                                           "users u ON u.id = e.user_id WHERE e.ticket_id = ? ORDER BY e.id",
                                           {V(ticket_id)}));
    std::vector<TicketEvent> out;
    for (const auto& r : rows)
        out.push_back({r.Int(0), r.Int(1), r.Int(2), OptInt(r, 3), r.Str(4), r.Str(5), r.Str(6), r.Str(7), r.Str(8)});
    return out;
}

Status InsertCallback(storage::Connection& c, const Callback& cb) {
    JW_ASSIGN_OR_RETURN(
        auto seen, c.QueryOne("SELECT COUNT(*) FROM servicedesk_callbacks WHERE ticket_id = ?", {V(cb.ticket_id)}));
    if (seen.Int(0) > 0) return Status::Conflict("callback_recorded");
    Status s =
        c.Exec("INSERT INTO servicedesk_callbacks (ticket_id, at, user_id, result, comment) VALUES (?, ?, ?, ?, ?)",
               {V(cb.ticket_id), V(cb.at), V(cb.user_id), V(cb.result), V(cb.comment)});
    if (s.code() == ErrorCode::kConflict) return Status::Conflict("callback_recorded");
    return s;
}

Result<std::optional<Callback>> GetCallback(storage::Connection& c, int64_t ticket_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT ticket_id, at, user_id, result, comment FROM servicedesk_callbacks "
                                           "WHERE ticket_id = ?",
                                           {V(ticket_id)}));
    if (rows.empty()) return std::optional<Callback>{};
    return std::optional<Callback>(
        Callback{rows[0].Int(0), rows[0].Int(1), rows[0].Int(2), rows[0].Str(3), rows[0].Str(4)});
}

Result<std::vector<Ticket>> DuplicateCandidates(storage::Connection& c, const std::string& phone_index,
                                                const std::string& id_index, std::optional<int64_t> unit_id,
                                                const std::string& officer, int64_t since, int64_t until,
                                                int64_t exclude) {
    std::string match;
    storage::Params p{V(since), V(until), V(exclude)};
    auto any = [&](const std::string& cond) { match += (match.empty() ? "" : " OR ") + cond; };
    if (!phone_index.empty()) {
        any("t.phone_index = ?");
        p.push_back(V(phone_index));
    }
    if (!id_index.empty()) {
        any("t.id_index = ?");
        p.push_back(V(id_index));
    }
    if (unit_id && !officer.empty()) {
        any("(t.unit_id = ? AND t.officer_police_no = ?)");
        p.push_back(V(*unit_id));
        p.push_back(V(officer));
    }
    if (match.empty()) return std::vector<Ticket>{};
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + kFrom +
                                               " WHERE t.received_at >= ? AND t.received_at <= ? AND t.id <> ? AND "
                                               "t.parent_id IS NULL AND (" +
                                               match + ") ORDER BY t.received_at, t.id",
                                           p));
    return Tickets(rows);
}

Result<std::vector<int64_t>> JoinedTo(storage::Connection& c, int64_t parent_id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT id FROM servicedesk_tickets WHERE parent_id = ? ORDER BY id", {V(parent_id)}));
    std::vector<int64_t> out;
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

Status AddAttachment(storage::Connection& c, int64_t ticket_id, const std::string& media_id) {
    return c.Exec("INSERT INTO servicedesk_attachments (ticket_id, media_id) VALUES (?, ?)",
                  {V(ticket_id), V(media_id)});
}

Result<std::vector<std::string>> ListAttachments(storage::Connection& c, int64_t ticket_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT media_id FROM servicedesk_attachments WHERE ticket_id = ? ORDER BY "
                                           "media_id",
                                           {V(ticket_id)}));
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.Str(0));
    return out;
}

Result<std::vector<Ticket>> OpenTickets(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + kFrom +
                                           " WHERE t.state IN ('registered', 'assigned') ORDER BY t.id"));
    return Tickets(rows);
}

Result<bool> MarkReminderSent(storage::Connection& c, const std::string& key, int64_t ticket_id, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto seen,
                        c.QueryOne("SELECT COUNT(*) FROM servicedesk_reminders_sent WHERE reminder_key = ?", {V(key)}));
    if (seen.Int(0) > 0) return false;
    JW_RETURN_IF_ERROR(
        c.Exec("INSERT INTO servicedesk_reminders_sent (reminder_key, ticket_id, sent_at) VALUES (?, ?, ?)",
               {V(key), V(ticket_id), V(now)}));
    return true;
}

Result<std::vector<int64_t>> UsersWith(storage::Connection& c, const std::string& permission,
                                       std::optional<int64_t> unit_id) {
    std::string sql =
        "SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN role_permissions rp ON "
        "rp.role_code = ur.role_code WHERE rp.permission = ? AND u.status = 'active'";
    storage::Params p{V(permission)};
    if (unit_id) {
        sql += " AND u.unit_id = ?";
        p.push_back(V(*unit_id));
    }
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY u.id", p));
    std::vector<int64_t> out;
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

Result<std::string> UnitName(storage::Connection& c, int64_t unit_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT name FROM units WHERE id = ?", {V(unit_id)}));
    if (rows.empty()) return Status::Invalid("unit_id", "not_found");
    return rows[0].Str(0);
}

}  // namespace jw::servicedesk::repo
