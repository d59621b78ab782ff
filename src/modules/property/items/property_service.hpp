#pragma once
// The rules of case-involved property (ADR 0054; 公安机关办理行政案件程序规定 第十一章 第一百八十七条至第一百九十七条).
// Every change of an item appends a custody event to its hash chain (custody_chain.hpp) in the caller's write
// transaction, so the item row and its history commit together. Errors name the field:
//   NotFound "item" / "case" / "place" / "store" — unknown, or outside the actor's scope (the same answer: a scan of
//     another unit's item reveals nothing);
//   InvalidArgument {field: problem};
//   Conflict with fields {state: already_out | already_in | not_out | not_in_store | finished | not_registered},
//     {place: wrong_store | not_a_position | full}, {disposal: …}.
// Scope: an item is visible to an actor who sees (Principal::SeesUnit) the case's unit or the unit of the store
// that holds it, and to the custodians (property.custody) of a bureau store, who receive the items of the whole
// county (第一百八十八条 集中保管). Stateless; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "common/status.hpp"
#include "property/custody/custody_chain.hpp"
#include "property/items/property_repository.hpp"
#include "property/property.hpp"
#include "storage/database.hpp"

namespace jw::property {

// Whether `actor` is a custodian of a bureau store (第一百八十八条 集中保管): the items and transfer lists of every
// unit of the county pass through their hands.
Result<bool> HoldsBureauStore(storage::Connection& c, const auth::Principal& actor);
// Whether `actor` may see `item` (the scope rule above). Needs the store's unit: read from the database.
Result<bool> MaySee(storage::Connection& c, const auth::Principal& actor, const Item& item);
// The same when HoldsBureauStore(actor) is already known: a loop over many items reads the stores once.
Result<bool> MaySee(storage::Connection& c, const auth::Principal& actor, const Item& item, bool county);
// The item if visible, NotFound "item" otherwise.
Result<Item> LoadItem(storage::Connection& c, const auth::Principal& actor, int64_t item_id);
// A scanned code: an item's or a bag's. NotFound "code" for an unknown code and for one outside the scope.
struct Scanned {
    std::optional<Item> item;
    std::optional<Bag> bag;
    std::vector<Item> bag_items;
    std::vector<std::string> actions;  // what the actor may do now: check_in, check_out, return_in, move, dispose…
};
Result<Scanned> Scan(storage::Connection& c, const auth::Principal& actor, const std::string& code);
// What may be done with the item in its state, given the actor's permissions.
std::vector<std::string> AllowedActions(const auth::Principal& actor, const Item& item);

// Registration from a seizure of the case (程序规定第一百八十九条 逐一编号登记). The case must be visible to the actor
// and the seizure event ("seized") must be of that case; photos are required for the categories that say so
// (categories.csv; 第一百九十二条 登记、拍照). Sets the label code, the review date (ComputeReviewDate) and the first
// event (register). Problems: case_id (not found), seizure_event_id (not_of_case), category/measure (bad_value),
// description (required, too_long), quantity (must_be_positive), quantity_unit (required), value_fen (negative),
// seized_by (required), seized_at (required, in_future), seized_place (required), legal_basis (required),
// document_no (required), photos (required), owner_person_id (not_found).
struct IntakeInput {
    int64_t case_id = 0;
    int64_t seizure_event_id = 0;
    std::string measure = "seize";
    std::string category, description;
    double quantity = 1;
    std::string quantity_unit;
    int64_t value_fen = 0;
    std::optional<int64_t> owner_person_id;
    std::string owner_name;
    std::string seized_by;
    int64_t seized_at = 0;
    std::string seized_place, legal_basis, document_no;
    std::vector<std::string> photos;  // media ids uploaded by the actor
    std::optional<int64_t> bag_id;
};
Result<Item> Intake(storage::Connection& c, const auth::Principal& actor, const IntakeInput& in, int64_t now);

// A bag or box for several items of one case, with its own label. Problems: case_id, label (required).
Result<Bag> CreateBag(storage::Connection& c, const auth::Principal& actor, int64_t case_id, const std::string& label,
                      int64_t now);

// Movements. `Movement` carries who else took part and the evidence of the moment.
struct Movement {
    std::string reason;
    std::string approved_by;
    std::string receiver;
    std::string signature_media_id;
    std::vector<std::string> photos;
    std::string batch;
};

// Into the store at position `place_id` (registered → in_store, the first check-in, 第一百九十条 移交), or back from
// out (out → in_store, return_in) — which must be into the store it left (Conflict {place: wrong_store}: refused
// with the reason). An item already in store: Conflict {state: already_in}. A place that is full: {place: full}.
Result<Item> CheckIn(storage::Connection& c, const auth::Principal& actor, int64_t item_id, int64_t place_id,
                     const Movement& m, int64_t now);
// Within its store (in_store only). Another store's place: Conflict {place: wrong_store}.
Result<Item> Move(storage::Connection& c, const auth::Principal& actor, int64_t item_id, int64_t place_id,
                  const Movement& m, int64_t now);
// Out for appraisal, interrogation, identification, court or other (第一百九十条第五款:
// 经办案部门负责人批准，办案人民警察
//可以调用涉案财物，并及时归还 — so the case officer takes it out himself, route permission property.take, the receiver
// signing; the custodian checks it back in):
// purpose (bad_value), holder (required), expected_return_at (required, in_past), approved_by (required).
// An item already out: Conflict {state: already_out}; not in store: {state: not_in_store}.
struct CheckOutInput {
    std::string purpose, holder;
    int64_t expected_return_at = 0;
    Movement movement;
};
Result<Item> CheckOut(storage::Connection& c, const auth::Principal& actor, int64_t item_id, const CheckOutInput& in,
                      int64_t now);

// Batch: the same movement for every item of a case or a bag, each recorded with one batch id; all or nothing
// (the first refusal names the item: fields {"items[<id>]": reason}).
struct BatchTarget {
    std::optional<int64_t> case_id, bag_id;
};
Result<std::vector<Item>> BatchCheckIn(storage::Connection& c, const auth::Principal& actor, const BatchTarget& t,
                                       int64_t place_id, Movement m, int64_t now);
Result<std::vector<Item>> BatchCheckOut(storage::Connection& c, const auth::Principal& actor, const BatchTarget& t,
                                        CheckOutInput in, int64_t now);

// Disposal (第一百九十六条 经原决定机关负责人批准). Request: kind (bad_value), reason (required); an item already
// finished: {state: finished}; a request open: {disposal: already_requested}. Decide (the approver permission of
// disposals.csv): approve or reject, {disposal: not_requested}. Complete (approved only, {disposal: not_approved}):
// the item leaves (state disposed). Hold: a reason and a new review date (after today), {disposal} cleared.
Result<Item> RequestDisposal(storage::Connection& c, const auth::Principal& actor, int64_t item_id,
                             const std::string& kind, const std::string& reason, const std::string& recipient,
                             int64_t now);
Result<Item> DecideDisposal(storage::Connection& c, const auth::Principal& actor, int64_t item_id, bool approve,
                            const std::string& note, int64_t now);
Result<Item> CompleteDisposal(storage::Connection& c, const auth::Principal& actor, int64_t item_id, const Movement& m,
                              int64_t now);
Result<Item> Hold(storage::Connection& c, const auth::Principal& actor, int64_t item_id, const std::string& reason,
                  const std::string& new_date, int64_t now);

// The custodian's work list: items not finished whose review date is within `days` of today (or past), in scope.
// Each is classed: overdue (review date past, not approved) | due | on_hold | approved | requested.
std::string WorkClass(const Item& item, const std::string& today);

// Supervision: the entry rate (第一百八十九条): seizures recorded in cases in [from, to) against items registered,
// per unit and month (China time); seizures without items listed. In scope (the case's unit).
struct EntryRateRow {
    int64_t unit_id = 0;
    std::string unit_name, month;  // YYYY-MM
    int64_t seizures = 0, with_items = 0;
};
struct EntryRate {
    std::vector<EntryRateRow> rows;
    int64_t seizures = 0, with_items = 0;
    std::vector<repo::Seizure> missing;
};
Result<EntryRate> ComputeEntryRate(storage::Connection& c, const auth::Principal& actor, int64_t from, int64_t to);

// Stocktake of a room (or any place): the codes scanned there against the items expected there (in store at the
// place or below it). Unknown codes are reported, never looked up further.
struct Stocktake {
    std::vector<Item> expected_missing;
    std::vector<Item> unexpected;      // known items found here but recorded elsewhere
    std::vector<std::string> unknown;  // codes that are no item
    int64_t expected = 0, found = 0;
};
Result<Stocktake> TakeStock(storage::Connection& c, const auth::Principal& actor, int64_t place_id,
                            const std::vector<std::string>& scanned);

}  // namespace jw::property
