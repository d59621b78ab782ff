#pragma once
// All SQL of the property module's own tables (schema/001_property.sql), and the two reads of the cases tables it
// needs (a case's seizure events, for intake and the entry rate). owner_name is sealed at rest here (keys.hpp).
// Functions run on the caller's connection; stateless; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "property/property.hpp"
#include "storage/database.hpp"

namespace jw::property::repo {

Result<int64_t> InsertStore(storage::Connection& c, const Store& s, int64_t now);
Result<std::vector<Store>> ListStores(storage::Connection& c);
Result<Store> GetStore(storage::Connection& c, int64_t id);  // NotFound "store"
Result<int64_t> InsertPlace(storage::Connection& c, const Place& p);
Result<std::vector<Place>> ListPlaces(storage::Connection& c, int64_t store_id);
Result<Place> GetPlace(storage::Connection& c, int64_t id);  // NotFound "place"
// Items at `place_id` or anywhere under it (a room's shelves and positions).
Result<int64_t> CountItemsAt(storage::Connection& c, int64_t place_id);

Result<int64_t> InsertItem(storage::Connection& c, const Item& item);
// NotFound "item".
Result<Item> GetItem(storage::Connection& c, int64_t id);
Result<std::optional<Item>> FindItemByCode(storage::Connection& c, const std::string& code);
// Writes the mutable columns (store/place/bag, state, out_*, review, hold, disposal, held_by_org) when the row's
// version is `item.version`, and moves the version on. Conflict "stale_item" {version: stale} otherwise.
Status UpdateItem(storage::Connection& c, Item& item, int64_t now);

struct ItemFilter {
    std::optional<int64_t> case_id, store_id, place_id, bag_id;
    std::optional<std::string> state, category;
    std::optional<std::string> due_before;  // review_due <= this date (work list)
    std::optional<std::string> disposal_state;
    std::optional<std::vector<int64_t>> units;  // the actor's scope: item unit or store unit in it; nullopt = all
    bool exclude_finished = false;              // drop disposed and handed_over
    int page = 1, page_size = 20;
};
Result<std::pair<std::vector<Item>, int64_t>> ListItems(storage::Connection& c, const ItemFilter& f);

Result<int64_t> InsertBag(storage::Connection& c, const Bag& b, int64_t by, int64_t now);
Result<std::optional<Bag>> FindBagByCode(storage::Connection& c, const std::string& code);
Result<Bag> GetBag(storage::Connection& c, int64_t id);  // NotFound "bag"

// Label prints: counts one more print of `code`; returns the count after it (1 = the first print).
Result<int64_t> CountPrint(storage::Connection& c, const std::string& code, int64_t by, int64_t now);

// The seizure events ("seized") of the cases module: {event id, case id, case unit, at, item words}.
struct Seizure {
    int64_t event_id = 0, case_id = 0, unit_id = 0, at = 0;
    std::string case_no, case_type, item, unit_name;
    int64_t items = 0;  // property items registered against it
};
Result<std::optional<Seizure>> GetSeizure(storage::Connection& c, int64_t event_id);
// Seizures recorded between [from, to) (event time), with their item counts.
Result<std::vector<Seizure>> ListSeizures(storage::Connection& c, int64_t from, int64_t to);

// Disposals.
struct Disposal {
    int64_t id = 0, item_id = 0;
    std::string kind, reason, recipient, state;  // requested | approved | rejected | done
    int64_t requested_by = 0, requested_at = 0;
    std::optional<int64_t> decided_by, decided_at, done_at;
};
Result<int64_t> InsertDisposal(storage::Connection& c, const Disposal& d);
Result<std::optional<Disposal>> OpenDisposal(storage::Connection& c, int64_t item_id);  // requested or approved
Result<std::optional<Disposal>> LastDisposal(storage::Connection& c, int64_t item_id);
Status UpdateDisposal(storage::Connection& c, const Disposal& d);

// Reminders sent (exactly once per item, stage and review date).
Result<bool> ReminderSent(storage::Connection& c, int64_t item_id, const std::string& stage, const std::string& due);
Status InsertReminder(storage::Connection& c, int64_t item_id, const std::string& stage, const std::string& due,
                      int64_t now, const std::string& recipients_json);
// Active users with `role` in `unit_id`.
Result<std::vector<int64_t>> UsersWithRole(storage::Connection& c, int64_t unit_id, const std::string& role);
// The unit's parent, if any.
Result<std::optional<int64_t>> ParentUnit(storage::Connection& c, int64_t unit_id);

}  // namespace jw::property::repo
