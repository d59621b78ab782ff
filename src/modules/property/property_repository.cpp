#include "property/property_repository.hpp"

#include <cstdlib>

#include "common/json_util.hpp"
#include "property/keys.hpp"
#include "storage/in_list.hpp"

namespace jw::property::repo {

using storage::Null;
using storage::V;

namespace {

storage::Value Opt(const std::optional<int64_t>& v) { return v ? V(*v) : Null(); }
std::optional<int64_t> OptInt(const storage::Row& r, size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

constexpr const char* kItemColumns =
    "i.id, i.code, i.case_id, i.seizure_event_id, i.unit_id, i.store_id, i.place_id, i.bag_id, i.measure, i.category, "
    "i.description, i.quantity, i.quantity_unit, i.value_fen, i.owner_person_id, i.owner_name, i.seized_by, "
    "i.seized_at, i.seized_place, i.legal_basis, i.document_no, i.state, i.out_purpose, i.out_holder, "
    "i.expected_return_at, i.review_due, i.review_basis, i.hold_reason, i.disposal_state, i.held_by_org, "
    "i.created_by, i.created_at, i.updated_at, i.version, c.case_no, COALESCE(s.name, ''), COALESCE(p.code, '')";
constexpr const char* kItemFrom =
    " FROM property_items i JOIN cases c ON c.id = i.case_id LEFT JOIN property_stores s ON s.id = i.store_id "
    "LEFT JOIN property_places p ON p.id = i.place_id";

Result<Item> ItemFromRow(const storage::Row& r) {
    Item i;
    i.id = r.Int(0);
    i.code = r.Str(1);
    i.case_id = r.Int(2);
    i.seizure_event_id = r.Int(3);
    i.unit_id = r.Int(4);
    i.store_id = OptInt(r, 5);
    i.place_id = OptInt(r, 6);
    i.bag_id = OptInt(r, 7);
    i.measure = r.Str(8);
    i.category = r.Str(9);
    i.description = r.Str(10);
    i.quantity = std::strtod(r.Str(11).c_str(), nullptr);
    i.quantity_unit = r.Str(12);
    i.value_fen = r.Int(13);
    i.owner_person_id = OptInt(r, 14);
    if (!r.Str(15).empty()) {
        JW_ASSIGN_OR_RETURN(i.owner_name, Sealer().Open(r.Str(15)));
    }
    i.seized_by = r.Str(16);
    i.seized_at = r.Int(17);
    i.seized_place = r.Str(18);
    i.legal_basis = r.Str(19);
    i.document_no = r.Str(20);
    i.state = r.Str(21);
    i.out_purpose = r.Str(22);
    i.out_holder = r.Str(23);
    i.expected_return_at = r.Int(24);
    i.review_due = r.Str(25);
    i.review_basis = r.Str(26);
    i.hold_reason = r.Str(27);
    i.disposal_state = r.Str(28);
    i.held_by_org = r.Str(29);
    i.created_by = r.Int(30);
    i.created_at = r.Int(31);
    i.updated_at = r.Int(32);
    i.version = r.Int(33);
    i.case_no = r.Str(34);
    i.store_name = r.Str(35);
    i.place_code = r.Str(36);
    return i;
}

Store StoreFromRow(const storage::Row& r) { return Store{r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Str(4)}; }

Place PlaceFromRow(const storage::Row& r) {
    return Place{r.Int(0), r.Int(1), OptInt(r, 2), r.Str(3), r.Str(4), r.Str(5), static_cast<int>(r.Int(6))};
}

std::string Quantity(double q) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", q);
    return buf;
}

}  // namespace

Result<int64_t> InsertStore(storage::Connection& c, const Store& s, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("INSERT INTO property_stores (unit_id, name, kind, created_at) VALUES "
                                             "(?, ?, ?, ?) RETURNING id",
                                             {V(s.unit_id), V(s.name), V(s.kind), V(now)}));
    return row.Int(0);
}

Result<std::vector<Store>> ListStores(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT s.id, s.unit_id, u.name, s.name, s.kind FROM property_stores s "
                                           "JOIN units u ON u.id = s.unit_id ORDER BY s.id"));
    std::vector<Store> out;
    for (const auto& r : rows) out.push_back(StoreFromRow(r));
    return out;
}

Result<Store> GetStore(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT s.id, s.unit_id, u.name, s.name, s.kind FROM property_stores s "
                                           "JOIN units u ON u.id = s.unit_id WHERE s.id = ?",
                                           {V(id)}));
    if (rows.empty()) return Status::NotFound("store");
    return StoreFromRow(rows[0]);
}

Result<int64_t> InsertPlace(storage::Connection& c, const Place& p) {
    JW_ASSIGN_OR_RETURN(auto row,
                        c.QueryOne("INSERT INTO property_places (store_id, parent_id, level, code, name, "
                                   "capacity) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                   {V(p.store_id), Opt(p.parent_id), V(p.level), V(p.code), V(p.name), V(p.capacity)}));
    return row.Int(0);
}

Result<std::vector<Place>> ListPlaces(storage::Connection& c, int64_t store_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, store_id, parent_id, level, code, name, capacity FROM "
                                           "property_places WHERE store_id = ? ORDER BY code",
                                           {V(store_id)}));
    std::vector<Place> out;
    for (const auto& r : rows) out.push_back(PlaceFromRow(r));
    return out;
}

Result<Place> GetPlace(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, store_id, parent_id, level, code, name, capacity FROM "
                                           "property_places WHERE id = ?",
                                           {V(id)}));
    if (rows.empty()) return Status::NotFound("place");
    return PlaceFromRow(rows[0]);
}

Result<int64_t> CountItemsAt(storage::Connection& c, int64_t place_id) {
    // Three levels at most (room → shelf → position): the place, its children and grandchildren.
    JW_ASSIGN_OR_RETURN(auto row,
                        c.QueryOne("SELECT COUNT(*) FROM property_items WHERE state = 'in_store' AND (place_id = ? OR "
                                   "place_id IN (SELECT id FROM property_places WHERE parent_id = ?) OR place_id IN "
                                   "(SELECT id FROM property_places WHERE parent_id IN (SELECT id FROM "
                                   "property_places WHERE parent_id = ?)))",
                                   {V(place_id), V(place_id), V(place_id)}));
    return row.Int(0);
}

Result<int64_t> InsertItem(storage::Connection& c, const Item& i) {
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO property_items (code, case_id, seizure_event_id, unit_id, store_id, place_id, bag_id, "
                   "measure, category, description, quantity, quantity_unit, value_fen, owner_person_id, owner_name, "
                   "seized_by, seized_at, seized_place, legal_basis, document_no, state, review_due, review_basis, "
                   "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {V(i.code),
                    V(i.case_id),
                    V(i.seizure_event_id),
                    V(i.unit_id),
                    Opt(i.store_id),
                    Opt(i.place_id),
                    Opt(i.bag_id),
                    V(i.measure),
                    V(i.category),
                    V(i.description),
                    V(Quantity(i.quantity)),
                    V(i.quantity_unit),
                    V(i.value_fen),
                    Opt(i.owner_person_id),
                    V(i.owner_name.empty() ? std::string() : Sealer().Seal(i.owner_name)),
                    V(i.seized_by),
                    V(i.seized_at),
                    V(i.seized_place),
                    V(i.legal_basis),
                    V(i.document_no),
                    V(i.state),
                    V(i.review_due),
                    V(i.review_basis),
                    V(i.created_by),
                    V(i.created_at),
                    V(i.updated_at)}));
    return row.Int(0);
}

Result<Item> GetItem(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string("SELECT ") + kItemColumns + kItemFrom + " WHERE i.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("item");
    return ItemFromRow(rows[0]);
}

Result<std::optional<Item>> FindItemByCode(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string("SELECT ") + kItemColumns + kItemFrom + " WHERE i.code = ?", {V(code)}));
    if (rows.empty()) return std::optional<Item>();
    JW_ASSIGN_OR_RETURN(Item item, ItemFromRow(rows[0]));
    return std::optional<Item>(std::move(item));
}

Status UpdateItem(storage::Connection& c, Item& i, int64_t now) {
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("UPDATE property_items SET store_id = ?, place_id = ?, bag_id = ?, state = ?, out_purpose = ?, "
                "out_holder = ?, expected_return_at = ?, review_due = ?, review_basis = ?, hold_reason = ?, "
                "disposal_state = ?, held_by_org = ?, updated_at = ?, version = version + 1 WHERE id = ? AND "
                "version = ? RETURNING version",
                {Opt(i.store_id), Opt(i.place_id), Opt(i.bag_id), V(i.state), V(i.out_purpose), V(i.out_holder),
                 V(i.expected_return_at), V(i.review_due), V(i.review_basis), V(i.hold_reason), V(i.disposal_state),
                 V(i.held_by_org), V(now), V(i.id), V(i.version)}));
    if (rows.empty()) return Status(ErrorCode::kConflict, "stale_item", {{"version", "stale"}});
    i.version = rows[0].Int(0);
    i.updated_at = now;
    return Status::Ok();
}

Result<std::pair<std::vector<Item>, int64_t>> ListItems(storage::Connection& c, const ItemFilter& f) {
    std::string where = " WHERE 1 = 1";
    storage::Params params;
    auto add = [&](const char* clause, storage::Value v) {
        where += clause;
        params.push_back(std::move(v));
    };
    if (f.case_id) add(" AND i.case_id = ?", V(*f.case_id));
    if (f.store_id) add(" AND i.store_id = ?", V(*f.store_id));
    if (f.place_id) add(" AND i.place_id = ?", V(*f.place_id));
    if (f.bag_id) add(" AND i.bag_id = ?", V(*f.bag_id));
    if (f.state) add(" AND i.state = ?", V(*f.state));
    if (f.category) add(" AND i.category = ?", V(*f.category));
    if (f.due_before) add(" AND i.review_due <= ?", V(*f.due_before));
    if (f.disposal_state) add(" AND i.disposal_state = ?", V(*f.disposal_state));
    if (f.exclude_finished) where += " AND i.state NOT IN ('disposed', 'handed_over')";
    if (f.units) {
        where += " AND (" + storage::InFilter(c.dialect(), "i.unit_id", *f.units, params) + " OR " +
                 storage::InFilter(c.dialect(), "s.unit_id", *f.units, params) + ")";
    }
    JW_ASSIGN_OR_RETURN(auto count, c.QueryOne(std::string("SELECT COUNT(*)") + kItemFrom + where, params));
    storage::Params page = params;
    page.push_back(V(static_cast<int64_t>(f.page_size)));
    page.push_back(V(static_cast<int64_t>((f.page - 1) * f.page_size)));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kItemColumns + kItemFrom + where +
                                               " ORDER BY i.review_due, i.id LIMIT ? OFFSET ?",
                                           page));
    std::vector<Item> out;
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Item item, ItemFromRow(r));
        out.push_back(std::move(item));
    }
    return std::make_pair(std::move(out), count.Int(0));
}

Result<int64_t> InsertBag(storage::Connection& c, const Bag& b, int64_t by, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("INSERT INTO property_bags (code, case_id, unit_id, label, created_by, "
                                             "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                             {V(b.code), V(b.case_id), V(b.unit_id), V(b.label), V(by), V(now)}));
    return row.Int(0);
}

Result<std::optional<Bag>> FindBagByCode(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query("SELECT id, code, case_id, unit_id, label FROM property_bags WHERE code = ?", {V(code)}));
    if (rows.empty()) return std::optional<Bag>();
    const auto& r = rows[0];
    return std::optional<Bag>(Bag{r.Int(0), r.Str(1), r.Int(2), r.Int(3), r.Str(4)});
}

Result<Bag> GetBag(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT id, code, case_id, unit_id, label FROM property_bags WHERE id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("bag");
    const auto& r = rows[0];
    return Bag{r.Int(0), r.Str(1), r.Int(2), r.Int(3), r.Str(4)};
}

Result<int64_t> CountPrint(storage::Connection& c, const std::string& code, int64_t by, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("UPDATE property_label_prints SET prints = prints + 1, last_printed_at = ?, "
                                           "last_printed_by = ? WHERE code = ? RETURNING prints",
                                           {V(now), V(by), V(code)}));
    if (!rows.empty()) return rows[0].Int(0);
    JW_RETURN_IF_ERROR(
        c.Exec("INSERT INTO property_label_prints (code, prints, last_printed_at, last_printed_by) "
               "VALUES (?, 1, ?, ?)",
               {V(code), V(now), V(by)}));
    return 1;
}

namespace {
constexpr const char* kSeizureSelect =
    "SELECT e.id, e.case_id, c.unit_id, e.at, c.case_no, c.case_type, e.data, u.name, (SELECT COUNT(*) FROM "
    "property_items i WHERE i.seizure_event_id = e.id) FROM case_events e JOIN cases c ON c.id = e.case_id JOIN "
    "units u ON u.id = c.unit_id WHERE e.action = 'seized'";

Seizure SeizureFromRow(const storage::Row& r) {
    Seizure s;
    s.event_id = r.Int(0);
    s.case_id = r.Int(1);
    s.unit_id = r.Int(2);
    s.at = r.Int(3);
    s.case_no = r.Str(4);
    s.case_type = r.Str(5);
    Json data = Json::parse(r.Str(6), nullptr, false);
    if (data.is_object() && data.contains("item") && data["item"].is_string()) s.item = data["item"].get<std::string>();
    s.unit_name = r.Str(7);
    s.items = r.Int(8);
    return s;
}
}  // namespace

Result<std::optional<Seizure>> GetSeizure(storage::Connection& c, int64_t event_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kSeizureSelect) + " AND e.id = ?", {V(event_id)}));
    if (rows.empty()) return std::optional<Seizure>();
    return std::optional<Seizure>(SeizureFromRow(rows[0]));
}

Result<std::vector<Seizure>> ListSeizures(storage::Connection& c, int64_t from, int64_t to) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kSeizureSelect) + " AND e.at >= ? AND e.at < ? ORDER BY e.id",
                                           {V(from), V(to)}));
    std::vector<Seizure> out;
    for (const auto& r : rows) out.push_back(SeizureFromRow(r));
    return out;
}

namespace {
constexpr const char* kDisposalColumns =
    "SELECT id, item_id, kind, reason, recipient, state, requested_by, requested_at, decided_by, decided_at, done_at "
    "FROM property_disposals";
Disposal DisposalFromRow(const storage::Row& r) {
    Disposal d;
    d.id = r.Int(0);
    d.item_id = r.Int(1);
    d.kind = r.Str(2);
    d.reason = r.Str(3);
    d.recipient = r.Str(4);
    d.state = r.Str(5);
    d.requested_by = r.Int(6);
    d.requested_at = r.Int(7);
    d.decided_by = OptInt(r, 8);
    d.decided_at = OptInt(r, 9);
    d.done_at = OptInt(r, 10);
    return d;
}
}  // namespace

Result<int64_t> InsertDisposal(storage::Connection& c, const Disposal& d) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("INSERT INTO property_disposals (item_id, kind, reason, recipient, state, "
                                             "requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                             {V(d.item_id), V(d.kind), V(d.reason), V(d.recipient), V(d.state),
                                              V(d.requested_by), V(d.requested_at)}));
    return row.Int(0);
}

Result<std::optional<Disposal>> OpenDisposal(storage::Connection& c, int64_t item_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kDisposalColumns) +
                                               " WHERE item_id = ? AND state IN ('requested', 'approved') ORDER BY id "
                                               "DESC LIMIT 1",
                                           {V(item_id)}));
    if (rows.empty()) return std::optional<Disposal>();
    return std::optional<Disposal>(DisposalFromRow(rows[0]));
}

Result<std::optional<Disposal>> LastDisposal(storage::Connection& c, int64_t item_id) {
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query(std::string(kDisposalColumns) + " WHERE item_id = ? ORDER BY id DESC LIMIT 1", {V(item_id)}));
    if (rows.empty()) return std::optional<Disposal>();
    return std::optional<Disposal>(DisposalFromRow(rows[0]));
}

Status UpdateDisposal(storage::Connection& c, const Disposal& d) {
    return c.Exec("UPDATE property_disposals SET state = ?, decided_by = ?, decided_at = ?, done_at = ? WHERE id = ?",
                  {V(d.state), Opt(d.decided_by), Opt(d.decided_at), Opt(d.done_at), V(d.id)});
}

Result<bool> ReminderSent(storage::Connection& c, int64_t item_id, const std::string& stage, const std::string& due) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT 1 FROM property_reminders WHERE item_id = ? AND stage = ? AND "
                                           "review_due = ?",
                                           {V(item_id), V(stage), V(due)}));
    return !rows.empty();
}

Status InsertReminder(storage::Connection& c, int64_t item_id, const std::string& stage, const std::string& due,
                      int64_t now, const std::string& recipients_json) {
    return c.Exec(
        "INSERT INTO property_reminders (item_id, stage, review_due, sent_at, recipients) VALUES (?, ?, ?, "
        "?, ?)",
        {V(item_id), V(stage), V(due), V(now), V(recipients_json)});
}

Result<std::vector<int64_t>> UsersWithRole(storage::Connection& c, int64_t unit_id, const std::string& role) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE "
                                           "u.status = 'active' AND r.role_code = ? AND u.unit_id = ? ORDER BY u.id",
                                           {V(role), V(unit_id)}));
    std::vector<int64_t> out;
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

Result<std::optional<int64_t>> ParentUnit(storage::Connection& c, int64_t unit_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT parent_id FROM units WHERE id = ?", {V(unit_id)}));
    if (rows.empty() || rows[0].IsNull(0)) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

}  // namespace jw::property::repo
