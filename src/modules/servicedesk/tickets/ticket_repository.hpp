#pragma once
// All of the centre's SQL over its own tables (schema/001_servicedesk.sql), reading units and users by id only.
// Personal fields are sealed on the way in and opened on the way out (ticket_keys.hpp): callers see plain values
// and mask them for display. Errors: NotFound("ticket") for an unknown id or one outside `unit_scope`; Conflict
// "version" when an update's expected version is stale; the database's otherwise. Thread safety: the caller's
// connection.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "servicedesk/tickets/ticket.hpp"
#include "storage/database.hpp"

namespace jw::servicedesk::repo {

Result<int64_t> InsertTicket(storage::Connection& c, const Ticket& t);
Result<Ticket> GetTicket(storage::Connection& c, int64_t id,
                         const std::optional<std::vector<int64_t>>& unit_scope = std::nullopt);
Result<std::optional<Ticket>> FindByNumber(storage::Connection& c, const std::string& ticket_no);
Result<std::pair<std::vector<Ticket>, int64_t>> ListTickets(storage::Connection& c, const TicketFilter& f);
// Writes the ticket's mutable fields (state, parent, unit, officer, times, reply, rectification, finding,
// extended_days, query_code_hash) when its version is `expected_version`, and bumps the version.
Status UpdateTicket(storage::Connection& c, const Ticket& t, int expected_version, int64_t now);
// The next ticket number of a day: "FW" + YYYYMMDD + 4-digit sequence.
Result<std::string> NextTicketNo(storage::Connection& c, const std::string& yyyymmdd);

Status AddEvent(storage::Connection& c, const TicketEvent& e);
Result<std::vector<TicketEvent>> ListEvents(storage::Connection& c, int64_t ticket_id);

// Conflict("callback_recorded") when the ticket already has its callback.
Status InsertCallback(storage::Connection& c, const Callback& cb);
Result<std::optional<Callback>> GetCallback(storage::Connection& c, int64_t ticket_id);

// Tickets received in [since, until] with the same phone or ID index, or (when `unit_id` and `officer` are given)
// about the same officer of the same unit; not joined themselves; oldest first; `exclude` left out.
Result<std::vector<Ticket>> DuplicateCandidates(storage::Connection& c, const std::string& phone_index,
                                                const std::string& id_index, std::optional<int64_t> unit_id,
                                                const std::string& officer, int64_t since, int64_t until,
                                                int64_t exclude);
Result<std::vector<int64_t>> JoinedTo(storage::Connection& c, int64_t parent_id);

Status AddAttachment(storage::Connection& c, int64_t ticket_id, const std::string& media_id);
Result<std::vector<std::string>> ListAttachments(storage::Connection& c, int64_t ticket_id);

// Open tickets with a running clock (registered, assigned), for the reminder job.
Result<std::vector<Ticket>> OpenTickets(storage::Connection& c);
// True when the key was new (and is now recorded).
Result<bool> MarkReminderSent(storage::Connection& c, const std::string& key, int64_t ticket_id, int64_t now);

// Users holding `permission` (through their roles), of `unit_id` when given.
Result<std::vector<int64_t>> UsersWith(storage::Connection& c, const std::string& permission,
                                       std::optional<int64_t> unit_id);
Result<std::string> UnitName(storage::Connection& c, int64_t unit_id);

}  // namespace jw::servicedesk::repo
