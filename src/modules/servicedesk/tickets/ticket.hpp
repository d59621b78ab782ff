#pragma once
// A service ticket (服务监督工单) and what the centre records about it. Plain data; rules in the services.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jw::servicedesk {

// States of a ticket (workflow.hpp says who moves it):
//   registered → assigned → replied → awaiting_callback → closed, with
//   replied → rectifying (rectification required) → rectified → awaiting_callback (verified), replied → assigned
//   (returned), and joined (a duplicate folded into another ticket; split takes it back to registered).
struct Ticket {
    int64_t id = 0;
    std::string ticket_no;
    std::string channel;
    std::string external_ref;
    // Open (unsealed) values; the repository seals and opens them.
    std::string complainant_name, complainant_phone, complainant_id_number;
    std::string phone_index, id_index, filer_subject;
    bool anonymous = false;
    std::string category;
    std::string title, content;
    std::optional<int64_t> unit_id;
    std::string unit_name;
    std::string officer_police_no;
    int64_t received_at = 0;
    std::string state;
    std::optional<int64_t> parent_id;
    std::string query_code_hash;
    std::optional<int64_t> assigned_at, replied_at, closed_at;
    std::string reply, rectification, finding;
    int extended_days = 0;
    int64_t created_by = 0;
    int version = 1;
    int64_t created_at = 0, updated_at = 0;
};

struct TicketEvent {
    int64_t id = 0;
    int64_t ticket_id = 0;
    int64_t at = 0;
    std::optional<int64_t> user_id;
    std::string user_name;
    std::string action, from_state, to_state, note;
};

struct Callback {
    int64_t ticket_id = 0;
    int64_t at = 0;
    int64_t user_id = 0;
    std::string result;  // satisfied | basically | unsatisfied
    std::string comment;
};

struct TicketFilter {
    std::string state, channel, category, ticket_no;
    std::optional<int64_t> unit_id;
    std::optional<int64_t> from, to;                 // received_at in [from, to)
    std::optional<std::vector<int64_t>> unit_scope;  // nullopt = every unit
    std::string filer_subject;                       // "" = any (the public's own list sets it)
    int page = 1, page_size = 20;
};

}  // namespace jw::servicedesk
