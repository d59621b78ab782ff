// What the public sees of a ticket (public_progress.hpp).
#include "servicedesk/public/public_progress.hpp"

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "servicedesk/assignment/time_limits.hpp"
#include "servicedesk/tickets/ticket_keys.hpp"
#include "servicedesk/tickets/ticket_repository.hpp"

namespace jw::servicedesk {
namespace {

using storage::V;

Status Record(storage::Connection& c, const std::string& client, const std::string& ticket_no, int64_t now, bool ok) {
    return c.Exec("INSERT INTO servicedesk_query_attempts (client, ticket_no, at, ok) VALUES (?, ?, ?, ?)",
                  {V(client), V(ticket_no), V(now), V(ok)});
}

}  // namespace

Result<Json> PublicProgressJson(storage::Connection& c, const Ticket& filed, int64_t now) {
    Ticket t = filed;
    if (t.parent_id) {
        JW_ASSIGN_OR_RETURN(t, repo::GetTicket(c, *t.parent_id));  // the handling the duplicate follows
    }
    JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(c, t.id));
    auto clocks = TicketClocks(t, events, ChinaDateOf(std::max(now, t.updated_at)));
    const timelimits::Clock* open = clocks.ok() ? OpenClock(*clocks) : nullptr;
    JW_ASSIGN_OR_RETURN(auto cb, repo::GetCallback(c, t.id));
    return Json{{"ticket_no", filed.ticket_no},
                {"category", filed.category},
                {"stage", t.state},
                {"joined", filed.parent_id.has_value()},
                {"received_on", FormatChinaDate(filed.received_at)},
                {"last_update", FormatUtcIso(std::max(t.updated_at, filed.updated_at))},
                {"deadline", open ? Json(open->due) : Json(nullptr)},
                {"basis", open ? Json(open->basis) : Json(nullptr)},
                {"called_back", cb.has_value()}};
}

Result<PublicQueryOutcome> PublicQuery(storage::Connection& c, const std::string& client, const std::string& ticket_no,
                                       const std::string& code, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto by_client,
                        c.QueryOne("SELECT COUNT(*) FROM servicedesk_query_attempts WHERE client = ? AND at > ? AND "
                                   "ok = 0",
                                   {V(client), V(now - kWindowSeconds)}));
    if (by_client.Int(0) >= kMaxFailures) return PublicQueryOutcome{PublicQueryResult::kRateLimited, nullptr};
    auto refuse = [&]() -> Result<PublicQueryOutcome> {
        JW_RETURN_IF_ERROR(Record(c, client, ticket_no, now, false));
        return PublicQueryOutcome{PublicQueryResult::kWrong, nullptr};
    };
    JW_ASSIGN_OR_RETURN(auto by_ticket,
                        c.QueryOne("SELECT COUNT(*) FROM servicedesk_query_attempts WHERE ticket_no = ? AND at > ? "
                                   "AND ok = 0",
                                   {V(ticket_no), V(now - kTicketWindowSeconds)}));
    if (by_ticket.Int(0) >= kMaxTicketFailures) return refuse();
    JW_ASSIGN_OR_RETURN(auto t, repo::FindByNumber(c, ticket_no));
    // An unknown number costs the same keyed hash as a known one.
    const std::string expected = t ? t->query_code_hash : QueryCodeHash("FW-none", "none");
    if (!t || !ConstantTimeEquals(expected, QueryCodeHash(ticket_no, code))) return refuse();
    JW_RETURN_IF_ERROR(Record(c, client, ticket_no, now, true));
    JW_ASSIGN_OR_RETURN(Json progress, PublicProgressJson(c, *t, now));
    return PublicQueryOutcome{PublicQueryResult::kOk, std::move(progress)};
}

Result<Json> OwnTickets(storage::Connection& c, const std::string& filer_subject, int64_t now) {
    Json items = Json::array();
    if (filer_subject.empty()) return items;
    TicketFilter f;
    f.filer_subject = filer_subject;
    f.page_size = 50;
    JW_ASSIGN_OR_RETURN(auto page, repo::ListTickets(c, f));
    for (const auto& t : page.first) {
        JW_ASSIGN_OR_RETURN(Json j, PublicProgressJson(c, t, now));
        j["title"] = t.title;  // the filer's own words, shown back to the filer only
        items.push_back(std::move(j));
    }
    return items;
}

}  // namespace jw::servicedesk
