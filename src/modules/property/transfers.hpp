#pragma once
// Transfer lists (移送清单) to a procuratorate or court (ADR 0054; 刑事诉讼法 随案移送): the police custodian sends the
// items of one case to an organisation (kit's registry, ADR 0051, kinds procuratorate | court); the receiver's staff
// (external roles procurator, judge) confirm item by item — accepted, or a discrepancy with a note. An accepted
// item continues its chain at the receiving agency (state handed_over, held_by_org the organisation); an item that
// stays with the police (vehicles: too big to move) is transferred as list and photos with its location — its state
// stays, held_by_org says to whom it now answers. A discrepancy leaves the item where it was, recorded on the list and
// in the chain. The list is confirmed when every item is answered.
// Scope: police callers see lists of their units' cases (or county-wide); an external caller only lists sent to its
// organisation (auth::SeesOrg) — and the items on them, nothing else.
// Errors: NotFound "transfer" / "item" / "organisation"; InvalidArgument naming receiver_org_id (not_receiver),
// item_ids (required, not_of_case, finished), outcome (bad_value), note (required for a discrepancy);
// Conflict {state: already_confirmed} for an item answered twice, {state: transfer_open} for an item on another open
// list. Writes in the caller's transaction. Stateless; thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "common/status.hpp"
#include "property/property.hpp"
#include "storage/database.hpp"

namespace jw::property {

struct TransferItem {
    Item item;
    bool stays_with_police = false;
    std::string outcome;  // "" | accepted | discrepancy
    std::string note;
};

struct Transfer {
    int64_t id = 0;
    std::string list_no;
    int64_t case_id = 0;
    std::string case_no;
    int64_t unit_id = 0;
    int64_t receiver_org_id = 0;
    std::string receiver_name, receiver_kind;
    std::string state;  // sent | confirmed
    std::string note;
    int64_t created_by = 0, created_at = 0;
    int64_t confirmed_at = 0;
    std::vector<TransferItem> items;
};

Result<Transfer> SendTransfer(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                              int64_t receiver_org_id, const std::vector<int64_t>& item_ids, const std::string& note,
                              int64_t now);
Result<Transfer> GetTransfer(storage::Connection& c, const auth::Principal& actor, int64_t id);
Result<std::vector<Transfer>> ListTransfers(storage::Connection& c, const auth::Principal& actor);
Result<Transfer> ConfirmTransferItem(storage::Connection& c, const auth::Principal& actor, int64_t transfer_id,
                                     int64_t item_id, const std::string& outcome, const std::string& note, int64_t now);
// The organisations a list may go to (procuratorates and courts, active): {id, name, kind}.
struct Receiver {
    int64_t id = 0;
    std::string name, kind;
};
Result<std::vector<Receiver>> ListReceivers(storage::Connection& c);

}  // namespace jw::property
