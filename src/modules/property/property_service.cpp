#include "property/property_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "cases/case_service.hpp"
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "common/json_util.hpp"
#include "community/people/people_service.hpp"
#include "media/media_store.hpp"
#include "property/keys.hpp"
#include "property/labels.hpp"

namespace jw::property {

namespace {

Status Refuse(const std::string& message, const std::string& field, const std::string& problem) {
    return Status(ErrorCode::kConflict, message, {{field, problem}});
}

bool SeesAny(const auth::Principal& actor, int64_t unit) { return actor.all_units || actor.SeesUnit(unit); }

std::string PlaceText(const Store& s, const Place& p) { return s.name + " / " + p.code; }

Result<std::string> WhereNow(storage::Connection& c, const Item& item) {
    if (item.state == "out") return "出库：" + item.out_holder;
    if (item.state == "handed_over") return item.held_by_org;
    if (!item.store_id || !item.place_id) return std::string();
    JW_ASSIGN_OR_RETURN(Store s, repo::GetStore(c, *item.store_id));
    JW_ASSIGN_OR_RETURN(Place p, repo::GetPlace(c, *item.place_id));
    return PlaceText(s, p);
}

CustodyEvent EventFor(const auth::Principal& actor, const Item& before, const std::string& kind, const Movement& m,
                      int64_t now) {
    CustodyEvent e;
    e.item_id = before.id;
    e.kind = kind;
    e.at = now;
    e.actor_id = actor.user_id;
    e.actor_unit_id = actor.unit_id;
    e.from_state = before.state;
    e.reason = m.reason;
    e.approved_by = m.approved_by;
    e.receiver = m.receiver;
    e.signature_media_id = m.signature_media_id;
    e.photos = m.photos;
    e.batch = m.batch;
    return e;
}

// The photos and the signature of a movement belong to its event (media owner "property_event").
Status AttachMedia(storage::Connection& c, const auth::Principal& actor, const CustodyEvent& e) {
    for (size_t i = 0; i < e.photos.size(); ++i)
        JW_RETURN_IF_ERROR(
            media::Attach(c, e.photos[i], "property_event", e.id, actor.user_id, "photos[" + std::to_string(i) + "]"));
    if (!e.signature_media_id.empty())
        JW_RETURN_IF_ERROR(
            media::Attach(c, e.signature_media_id, "property_event", e.id, actor.user_id, "signature_media_id"));
    return Status::Ok();
}

// Saves the item and appends its event (with the state after the change) in the caller's transaction.
Status Record(storage::Connection& c, const auth::Principal& actor, Item& item, CustodyEvent e, int64_t now) {
    e.to_state = item.state;
    JW_RETURN_IF_ERROR(repo::UpdateItem(c, item, now));
    JW_RETURN_IF_ERROR(AppendEvent(c, ChainKey(), e));
    return AttachMedia(c, actor, e);
}

bool Finished(const Item& item) { return item.state == "disposed" || item.state == "handed_over"; }

Result<std::pair<Store, Place>> PlaceInScope(storage::Connection& c, const auth::Principal& actor, int64_t place_id) {
    auto place = repo::GetPlace(c, place_id);
    if (!place.ok()) return Status::NotFound("place");
    JW_ASSIGN_OR_RETURN(Store store, repo::GetStore(c, place->store_id));
    if (!SeesAny(actor, store.unit_id)) return Status::NotFound("place");
    return std::make_pair(store, *place);
}

Status CheckRoom(storage::Connection& c, const Place& p) {
    if (p.capacity <= 0) return Status::Ok();
    JW_ASSIGN_OR_RETURN(int64_t n, repo::CountItemsAt(c, p.id));
    if (n >= p.capacity) return Refuse("place_full", "place", "full");
    return Status::Ok();
}

}  // namespace

Result<bool> HoldsBureauStore(storage::Connection& c, const auth::Principal& actor) {
    if (!actor.Can("property.custody")) return false;
    JW_ASSIGN_OR_RETURN(auto stores, repo::ListStores(c));
    for (const auto& s : stores)
        if (s.kind == "bureau" && SeesAny(actor, s.unit_id)) return true;
    return false;
}

Result<bool> MaySee(storage::Connection& c, const auth::Principal& actor, const Item& item) {
    if (SeesAny(actor, item.unit_id)) return true;
    JW_ASSIGN_OR_RETURN(const bool county, HoldsBureauStore(c, actor));
    return MaySee(c, actor, item, county);
}

Result<bool> MaySee(storage::Connection& c, const auth::Principal& actor, const Item& item, bool county) {
    if (SeesAny(actor, item.unit_id)) return true;
    // 第一百八十八条 集中保管: the custodians of a bureau store receive the items of every unit of the county.
    if (county) return true;
    if (item.store_id) {
        JW_ASSIGN_OR_RETURN(Store s, repo::GetStore(c, *item.store_id));
        if (SeesAny(actor, s.unit_id)) return true;
    }
    return false;
}

Result<Item> LoadItem(storage::Connection& c, const auth::Principal& actor, int64_t item_id) {
    auto item = repo::GetItem(c, item_id);
    if (!item.ok()) return item.status();
    JW_ASSIGN_OR_RETURN(bool ok, MaySee(c, actor, *item));
    if (!ok) return Status::NotFound("item");
    return item;
}

std::vector<std::string> AllowedActions(const auth::Principal& actor, const Item& item) {
    std::vector<std::string> out;
    const bool custody = actor.Can("property.custody");
    if (item.state == "registered" && custody) out.push_back("check_in");
    if (item.state == "in_store" && custody) out.push_back("move");
    if (item.state == "in_store" && actor.Can("property.take")) out.push_back("check_out");
    if (item.state == "out" && custody) out.push_back("return_in");
    if (!Finished(item) && actor.Can("property.dispose.request") && item.disposal_state != "requested" &&
        item.disposal_state != "approved")
        out.push_back("request_disposal");
    if (item.disposal_state == "requested" && actor.Can("property.dispose.approve")) out.push_back("decide_disposal");
    if (item.disposal_state == "approved" && custody && item.state != "out") out.push_back("complete_disposal");
    return out;
}

Result<Scanned> Scan(storage::Connection& c, const auth::Principal& actor, const std::string& text) {
    auto code = CodeFromScan(text);
    if (!code) return Status::NotFound("code");
    Scanned out;
    if (code->rfind("JWP", 0) == 0) {
        JW_ASSIGN_OR_RETURN(auto item, repo::FindItemByCode(c, *code));
        if (!item) return Status::NotFound("code");
        JW_ASSIGN_OR_RETURN(bool ok, MaySee(c, actor, *item));
        if (!ok) return Status::NotFound("code");
        out.actions = AllowedActions(actor, *item);
        out.item = std::move(item);
        return out;
    }
    JW_ASSIGN_OR_RETURN(auto bag, repo::FindBagByCode(c, *code));
    if (!bag || !SeesAny(actor, bag->unit_id)) return Status::NotFound("code");
    repo::ItemFilter f;
    f.bag_id = bag->id;
    f.page_size = 200;
    JW_ASSIGN_OR_RETURN(auto items, repo::ListItems(c, f));
    out.bag = bag;
    out.bag_items = std::move(items.first);
    return out;
}

Result<Item> Intake(storage::Connection& c, const auth::Principal& actor, const IntakeInput& in, int64_t now) {
    auto k = cases::LoadCase(c, actor, in.case_id);
    if (!k.ok()) return Status::Invalid("case_id", "not_found");
    JW_ASSIGN_OR_RETURN(auto seizure, repo::GetSeizure(c, in.seizure_event_id));
    if (!seizure || seizure->case_id != in.case_id) return Status::Invalid("seizure_event_id", "not_of_case");
    std::map<std::string, std::string> problems;
    const CategoryRule* rule = FindCategory(in.category);
    if (rule == nullptr) problems["category"] = "bad_value";
    if (std::find(Measures().begin(), Measures().end(), in.measure) == Measures().end())
        problems["measure"] = "bad_value";
    if (in.description.empty()) problems["description"] = "required";
    if (!(in.quantity > 0)) problems["quantity"] = "must_be_positive";
    if (in.quantity_unit.empty()) problems["quantity_unit"] = "required";
    if (in.value_fen < 0) problems["value_fen"] = "negative";
    if (in.seized_by.empty()) problems["seized_by"] = "required";
    if (in.seized_at <= 0)
        problems["seized_at"] = "required";
    else if (in.seized_at > now + 300)
        problems["seized_at"] = "in_future";
    if (in.seized_place.empty()) problems["seized_place"] = "required";
    if (in.legal_basis.empty()) problems["legal_basis"] = "required";
    if (in.document_no.empty()) problems["document_no"] = "required";
    // 第一百九十二条: valuables, cash and vehicles are photographed at registration (categories.csv).
    if (rule && rule->photos_required && in.photos.empty()) problems["photos"] = "required";
    if (!problems.empty()) {
        const auto first = problems.begin();
        return Status(ErrorCode::kInvalidArgument, "invalid input: " + first->first, problems);
    }
    Item item;
    item.code = NewLabelCode("JWP");
    item.case_id = in.case_id;
    item.seizure_event_id = in.seizure_event_id;
    item.unit_id = k->unit_id;
    item.measure = in.measure;
    item.category = in.category;
    item.description = in.description;
    item.quantity = in.quantity;
    item.quantity_unit = in.quantity_unit;
    item.value_fen = in.value_fen;
    item.owner_name = in.owner_name;
    if (in.owner_person_id) {
        auto person = community::GetPerson(c, *in.owner_person_id);
        if (!person.ok()) return Status::Invalid("owner_person_id", "not_found");
        item.owner_person_id = person->id;
        if (item.owner_name.empty()) item.owner_name = person->name;
    }
    if (in.bag_id) {
        auto bag = repo::GetBag(c, *in.bag_id);
        if (!bag.ok() || bag->case_id != in.case_id) return Status::Invalid("bag_id", "not_of_case");
        item.bag_id = bag->id;
    }
    item.seized_by = in.seized_by;
    item.seized_at = in.seized_at;
    item.seized_place = in.seized_place;
    item.legal_basis = in.legal_basis;
    item.document_no = in.document_no;
    item.state = "registered";
    JW_ASSIGN_OR_RETURN(ReviewDate review, ComputeReviewDate(in.category, k->case_type, in.seized_at));
    item.review_due = review.due;
    item.review_basis = review.basis;
    item.created_by = actor.user_id;
    item.created_at = item.updated_at = now;
    JW_ASSIGN_OR_RETURN(item.id, repo::InsertItem(c, item));
    for (size_t i = 0; i < in.photos.size(); ++i)
        JW_RETURN_IF_ERROR(media::Attach(c, in.photos[i], "property_item", item.id, actor.user_id,
                                         "photos[" + std::to_string(i) + "]"));
    CustodyEvent e = EventFor(actor, item, "register", Movement{}, now);
    e.from_state = "";
    e.to_state = "registered";
    e.to_place = in.seized_place;
    e.reason = MeasureText(in.measure) + "，" + in.document_no;
    e.photos = in.photos;
    JW_RETURN_IF_ERROR(AppendEvent(c, ChainKey(), e));
    return repo::GetItem(c, item.id);
}

Result<Bag> CreateBag(storage::Connection& c, const auth::Principal& actor, int64_t case_id, const std::string& label,
                      int64_t now) {
    auto k = cases::LoadCase(c, actor, case_id);
    if (!k.ok()) return Status::Invalid("case_id", "not_found");
    if (label.empty()) return Status::Invalid("label", "required");
    Bag b{0, NewLabelCode("JWB"), case_id, k->unit_id, label};
    JW_ASSIGN_OR_RETURN(b.id, repo::InsertBag(c, b, actor.user_id, now));
    return b;
}

Result<Item> CheckIn(storage::Connection& c, const auth::Principal& actor, int64_t item_id, int64_t place_id,
                     const Movement& m, int64_t now) {
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(c, actor, item_id));
    if (item.state == "in_store") return Refuse("already_in_store", "state", "already_in");
    if (item.state != "registered" && item.state != "out") return Refuse("item_finished", "state", "finished");
    JW_ASSIGN_OR_RETURN(auto where, PlaceInScope(c, actor, place_id));
    auto& [store, place] = where;
    // Back from out: into the store it left, nowhere else (the custody record would jump otherwise).
    if (item.state == "out" && item.store_id && *item.store_id != store.id)
        return Refuse("wrong_store", "place", "wrong_store");
    JW_RETURN_IF_ERROR(CheckRoom(c, place));
    JW_ASSIGN_OR_RETURN(std::string from, WhereNow(c, item));
    CustodyEvent e = EventFor(actor, item, item.state == "out" ? "return_in" : "check_in", m, now);
    e.from_place = from.empty() ? item.seized_place : from;
    e.to_place = PlaceText(store, place);
    item.state = "in_store";
    item.store_id = store.id;
    item.place_id = place.id;
    item.out_purpose.clear();
    item.out_holder.clear();
    item.expected_return_at = 0;
    JW_RETURN_IF_ERROR(Record(c, actor, item, e, now));
    return repo::GetItem(c, item.id);
}

Result<Item> Move(storage::Connection& c, const auth::Principal& actor, int64_t item_id, int64_t place_id,
                  const Movement& m, int64_t now) {
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(c, actor, item_id));
    if (item.state != "in_store") return Refuse("not_in_store", "state", "not_in_store");
    JW_ASSIGN_OR_RETURN(auto where, PlaceInScope(c, actor, place_id));
    auto& [store, place] = where;
    if (!item.store_id || *item.store_id != store.id) return Refuse("wrong_store", "place", "wrong_store");
    JW_RETURN_IF_ERROR(CheckRoom(c, place));
    JW_ASSIGN_OR_RETURN(std::string from, WhereNow(c, item));
    CustodyEvent e = EventFor(actor, item, "move", m, now);
    e.from_place = from;
    e.to_place = PlaceText(store, place);
    item.place_id = place.id;
    JW_RETURN_IF_ERROR(Record(c, actor, item, e, now));
    return repo::GetItem(c, item.id);
}

Result<Item> CheckOut(storage::Connection& c, const auth::Principal& actor, int64_t item_id, const CheckOutInput& in,
                      int64_t now) {
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(c, actor, item_id));
    if (item.state == "out") return Refuse("already_out", "state", "already_out");
    if (item.state != "in_store") return Refuse("not_in_store", "state", "not_in_store");
    std::map<std::string, std::string> problems;
    if (std::find(OutPurposes().begin(), OutPurposes().end(), in.purpose) == OutPurposes().end())
        problems["purpose"] = "bad_value";
    if (in.holder.empty()) problems["holder"] = "required";
    if (in.expected_return_at <= 0)
        problems["expected_return_at"] = "required";
    else if (in.expected_return_at <= now)
        problems["expected_return_at"] = "in_past";
    // 第一百九十条第五款: 调用 needs the approval of the handling department's head.
    if (in.movement.approved_by.empty()) problems["approved_by"] = "required";
    if (!problems.empty())
        return Status(ErrorCode::kInvalidArgument, "invalid input: " + problems.begin()->first, problems);
    JW_ASSIGN_OR_RETURN(std::string from, WhereNow(c, item));
    CustodyEvent e = EventFor(actor, item, "check_out", in.movement, now);
    e.from_place = from;
    e.to_place = in.holder;
    if (e.receiver.empty()) e.receiver = in.holder;
    if (e.reason.empty()) e.reason = in.purpose;
    item.state = "out";
    item.out_purpose = in.purpose;
    item.out_holder = in.holder;
    item.expected_return_at = in.expected_return_at;
    JW_RETURN_IF_ERROR(Record(c, actor, item, e, now));
    return repo::GetItem(c, item.id);
}

namespace {

Result<std::vector<Item>> BatchItems(storage::Connection& c, const auth::Principal& actor, const BatchTarget& t) {
    if (!t.case_id && !t.bag_id) return Status::Invalid("case_id", "required");
    repo::ItemFilter f;
    f.case_id = t.case_id;
    f.bag_id = t.bag_id;
    f.exclude_finished = true;
    f.page_size = 1000;
    JW_ASSIGN_OR_RETURN(auto items, repo::ListItems(c, f));
    JW_ASSIGN_OR_RETURN(const bool county, HoldsBureauStore(c, actor));
    std::vector<Item> out;
    for (auto& item : items.first) {
        JW_ASSIGN_OR_RETURN(bool ok, MaySee(c, actor, item, county));
        if (ok) out.push_back(std::move(item));
    }
    if (out.empty()) return Status::NotFound(t.bag_id ? "bag" : "case");
    return out;
}

Status NameItem(Status s, int64_t item_id) {
    if (s.ok()) return s;
    std::map<std::string, std::string> fields;
    for (const auto& [k, v] : s.fields()) fields["items[" + std::to_string(item_id) + "]." + k] = v;
    return Status(s.code(), s.message(), fields);
}

}  // namespace

Result<std::vector<Item>> BatchCheckIn(storage::Connection& c, const auth::Principal& actor, const BatchTarget& t,
                                       int64_t place_id, Movement m, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto items, BatchItems(c, actor, t));
    m.batch = "batch-" + RandomToken(6);
    std::vector<Item> out;
    for (const auto& item : items) {
        auto r = CheckIn(c, actor, item.id, place_id, m, now);
        if (!r.ok()) return NameItem(r.status(), item.id);
        out.push_back(std::move(r).value());
    }
    return out;
}

Result<std::vector<Item>> BatchCheckOut(storage::Connection& c, const auth::Principal& actor, const BatchTarget& t,
                                        CheckOutInput in, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto items, BatchItems(c, actor, t));
    in.movement.batch = "batch-" + RandomToken(6);
    std::vector<Item> out;
    for (const auto& item : items) {
        auto r = CheckOut(c, actor, item.id, in, now);
        if (!r.ok()) return NameItem(r.status(), item.id);
        out.push_back(std::move(r).value());
    }
    return out;
}

Result<Item> RequestDisposal(storage::Connection& c, const auth::Principal& actor, int64_t item_id,
                             const std::string& kind, const std::string& reason, const std::string& recipient,
                             int64_t now) {
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(c, actor, item_id));
    if (Finished(item)) return Refuse("item_finished", "state", "finished");
    if (FindDisposal(kind) == nullptr) return Status::Invalid("kind", "bad_value");
    if (reason.empty()) return Status::Invalid("reason", "required");
    if (kind == "return_owner" && recipient.empty()) return Status::Invalid("recipient", "required");
    JW_ASSIGN_OR_RETURN(auto open, repo::OpenDisposal(c, item.id));
    if (open) return Refuse("disposal_already_requested", "disposal", "already_requested");
    repo::Disposal d;
    d.item_id = item.id;
    d.kind = kind;
    d.reason = reason;
    d.recipient = recipient;
    d.state = "requested";
    d.requested_by = actor.user_id;
    d.requested_at = now;
    JW_RETURN_IF_ERROR(repo::InsertDisposal(c, d).status());
    Movement m;
    m.reason = FindDisposal(kind)->name_zh + "：" + reason;
    CustodyEvent e = EventFor(actor, item, "dispose_requested", m, now);
    item.disposal_state = "requested";
    item.hold_reason.clear();
    JW_RETURN_IF_ERROR(Record(c, actor, item, e, now));
    return repo::GetItem(c, item.id);
}

Result<Item> DecideDisposal(storage::Connection& c, const auth::Principal& actor, int64_t item_id, bool approve,
                            const std::string& note, int64_t now) {
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(c, actor, item_id));
    JW_ASSIGN_OR_RETURN(auto open, repo::OpenDisposal(c, item.id));
    if (!open || open->state != "requested") return Refuse("disposal_not_requested", "disposal", "not_requested");
    // 第一百九十六条: 经原决定机关负责人批准 — the approver permission of the disposal kind (disposals.csv).
    if (!actor.Can(FindDisposal(open->kind)->approver_permission)) return Status::Denied();
    if (!approve && note.empty()) return Status::Invalid("note", "required");
    open->state = approve ? "approved" : "rejected";
    open->decided_by = actor.user_id;
    open->decided_at = now;
    JW_RETURN_IF_ERROR(repo::UpdateDisposal(c, *open));
    Movement m;
    m.reason = note;
    m.approved_by = actor.name;
    CustodyEvent e = EventFor(actor, item, approve ? "dispose_approved" : "dispose_rejected", m, now);
    item.disposal_state = approve ? "approved" : "";
    JW_RETURN_IF_ERROR(Record(c, actor, item, e, now));
    return repo::GetItem(c, item.id);
}

Result<Item> CompleteDisposal(storage::Connection& c, const auth::Principal& actor, int64_t item_id, const Movement& m,
                              int64_t now) {
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(c, actor, item_id));
    JW_ASSIGN_OR_RETURN(auto open, repo::OpenDisposal(c, item.id));
    if (!open || open->state != "approved") return Refuse("disposal_not_approved", "disposal", "not_approved");
    if (item.state == "out") return Refuse("item_out", "state", "already_out");
    JW_ASSIGN_OR_RETURN(std::string from, WhereNow(c, item));
    Movement done = m;
    if (done.receiver.empty()) done.receiver = open->recipient;
    if (done.reason.empty()) done.reason = FindDisposal(open->kind)->name_zh;
    CustodyEvent e = EventFor(actor, item, "dispose", done, now);
    e.from_place = from;
    e.to_place = done.receiver;
    open->state = "done";
    open->done_at = now;
    JW_RETURN_IF_ERROR(repo::UpdateDisposal(c, *open));
    item.state = "disposed";
    item.disposal_state = "done";
    item.place_id.reset();
    JW_RETURN_IF_ERROR(Record(c, actor, item, e, now));
    return repo::GetItem(c, item.id);
}

Result<Item> Hold(storage::Connection& c, const auth::Principal& actor, int64_t item_id, const std::string& reason,
                  const std::string& new_date, int64_t now) {
    JW_ASSIGN_OR_RETURN(Item item, LoadItem(c, actor, item_id));
    if (Finished(item)) return Refuse("item_finished", "state", "finished");
    if (reason.empty()) return Status::Invalid("reason", "required");
    auto d = ParseDate(new_date);
    if (!d || FormatDate(*d) != new_date) return Status::Invalid("review_due", "bad_date");
    if (new_date <= FormatChinaDate(now)) return Status::Invalid("review_due", "not_after_today");
    Movement m;
    m.reason = reason + "（处置审查日改为" + new_date + "）";
    CustodyEvent e = EventFor(actor, item, "hold", m, now);
    item.hold_reason = reason;
    item.review_due = new_date;
    item.review_basis = "暂缓处置：" + reason;
    item.disposal_state = "on_hold";
    JW_RETURN_IF_ERROR(Record(c, actor, item, e, now));
    return repo::GetItem(c, item.id);
}

std::string WorkClass(const Item& item, const std::string& today) {
    if (item.disposal_state == "approved") return "approved";
    if (item.disposal_state == "requested") return "requested";
    if (item.review_due < today) return "overdue";
    if (item.disposal_state == "on_hold") return "on_hold";
    return "due";
}

Result<EntryRate> ComputeEntryRate(storage::Connection& c, const auth::Principal& actor, int64_t from, int64_t to) {
    JW_ASSIGN_OR_RETURN(auto seizures, repo::ListSeizures(c, from, to));
    EntryRate out;
    std::map<std::pair<std::string, int64_t>, EntryRateRow> rows;  // (month, unit)
    for (auto& s : seizures) {
        if (!SeesAny(actor, s.unit_id)) continue;
        const std::string month = FormatChinaDate(s.at).substr(0, 7);
        auto& row = rows[{month, s.unit_id}];
        row.unit_id = s.unit_id;
        row.unit_name = s.unit_name;
        row.month = month;
        ++row.seizures;
        ++out.seizures;
        if (s.items > 0) {
            ++row.with_items;
            ++out.with_items;
        } else {
            out.missing.push_back(s);
        }
    }
    for (auto& [key, row] : rows) out.rows.push_back(row);
    return out;
}

Result<Stocktake> TakeStock(storage::Connection& c, const auth::Principal& actor, int64_t place_id,
                            const std::vector<std::string>& scanned) {
    JW_ASSIGN_OR_RETURN(auto where, PlaceInScope(c, actor, place_id));
    const Place& room = where.second;
    JW_ASSIGN_OR_RETURN(const bool county, HoldsBureauStore(c, actor));
    // The place and everything under it (room → shelf → position).
    JW_ASSIGN_OR_RETURN(auto places, repo::ListPlaces(c, room.store_id));
    std::set<int64_t> inside = {room.id};
    for (int depth = 0; depth < 3; ++depth)
        for (const auto& p : places)
            if (p.parent_id && inside.count(*p.parent_id)) inside.insert(p.id);
    repo::ItemFilter f;
    f.store_id = room.store_id;
    f.state = "in_store";
    f.page_size = 100000;
    JW_ASSIGN_OR_RETURN(auto stored, repo::ListItems(c, f));
    std::map<std::string, Item> expected;
    for (auto& item : stored.first)
        if (item.place_id && inside.count(*item.place_id)) expected.emplace(item.code, item);
    Stocktake out;
    out.expected = static_cast<int64_t>(expected.size());
    std::set<std::string> seen;
    for (const auto& text : scanned) {
        auto code = CodeFromScan(text);
        if (!code || code->rfind("JWP", 0) != 0) {
            out.unknown.push_back(text);
            continue;
        }
        if (!seen.insert(*code).second) continue;
        if (expected.count(*code)) {
            ++out.found;
            continue;
        }
        JW_ASSIGN_OR_RETURN(auto item, repo::FindItemByCode(c, *code));
        if (!item) {
            out.unknown.push_back(*code);
            continue;
        }
        JW_ASSIGN_OR_RETURN(bool visible, MaySee(c, actor, *item, county));
        if (!visible) {
            out.unknown.push_back(*code);  // another unit's item: reveal nothing about it
            continue;
        }
        out.unexpected.push_back(std::move(*item));
    }
    for (auto& [code, item] : expected)
        if (!seen.count(code)) out.expected_missing.push_back(item);
    return out;
}

}  // namespace jw::property
