#include "property/transfers/transfers.hpp"

#include <algorithm>
#include <cstdio>

#include "auth/external.hpp"
#include "cases/case_service.hpp"
#include "common/china_day.hpp"
#include "orgs/orgs_repository.hpp"
#include "property/custody/custody_chain.hpp"
#include "property/items/property_repository.hpp"
#include "property/items/property_service.hpp"
#include "property/keys.hpp"
#include "storage/in_list.hpp"

namespace jw::property {

using storage::Null;
using storage::V;

namespace {

bool IsReceiverKind(const std::string& kind) { return kind == "procuratorate" || kind == "court"; }

// Vehicles stay in the police yard: the list carries them with photos and their location.
bool StaysWithPolice(const Item& i) { return i.category == "vehicle"; }

Result<Transfer> Load(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT t.id, t.list_no, t.case_id, k.case_no, t.unit_id, t.receiver_org_id, "
                                "t.state, t.note, t.created_by, t.created_at, COALESCE(t.confirmed_at, 0) "
                                "FROM property_transfers t JOIN cases k ON k.id = t.case_id WHERE t.id = ?",
                                {V(id)}));
    if (rows.empty()) return Status::NotFound("transfer");
    const auto& r = rows[0];
    Transfer t;
    t.id = r.Int(0);
    t.list_no = r.Str(1);
    t.case_id = r.Int(2);
    t.case_no = r.Str(3);
    t.unit_id = r.Int(4);
    t.receiver_org_id = r.Int(5);
    t.state = r.Str(6);
    t.note = r.Str(7);
    t.created_by = r.Int(8);
    t.created_at = r.Int(9);
    t.confirmed_at = r.Int(10);
    auto org = orgs::repo::GetOrg(c, t.receiver_org_id);
    if (org.ok()) {
        t.receiver_name = org->name;
        t.receiver_kind = org->kind;
    }
    JW_ASSIGN_OR_RETURN(auto items, c.Query("SELECT item_id, stays_with_police, outcome, note FROM "
                                            "property_transfer_items WHERE transfer_id = ? ORDER BY item_id",
                                            {V(id)}));
    for (const auto& row : items) {
        TransferItem ti;
        JW_ASSIGN_OR_RETURN(ti.item, repo::GetItem(c, row.Int(0)));
        ti.stays_with_police = row.Bool(1);
        ti.outcome = row.Str(2);
        ti.note = row.Str(3);
        t.items.push_back(std::move(ti));
    }
    return t;
}

bool MaySeeTransfer(const auth::Principal& actor, const Transfer& t) {
    if (auth::IsExternal(actor)) return auth::SeesOrg(actor, t.receiver_org_id);
    return actor.all_units || actor.SeesUnit(t.unit_id);
}

}  // namespace

Result<std::vector<Receiver>> ListReceivers(storage::Connection& c) {
    std::vector<Receiver> out;
    for (const char* kind : {"procuratorate", "court"}) {
        orgs::OrgQuery q;
        q.kind = kind;
        q.status = "active";
        q.page_size = 200;
        JW_ASSIGN_OR_RETURN(auto page, orgs::repo::ListOrgs(c, q));
        for (const auto& o : page.first) out.push_back(Receiver{o.id, o.name, o.kind});
    }
    return out;
}

Result<Transfer> SendTransfer(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                              int64_t receiver_org_id, const std::vector<int64_t>& item_ids, const std::string& note,
                              int64_t now) {
    // 第一百八十八条 集中保管: a bureau store's custodian sends the lists of every unit's cases.
    auth::Principal reader = actor;
    JW_ASSIGN_OR_RETURN(const bool county, HoldsBureauStore(c, actor));
    if (county) reader.all_units = true;
    auto k = cases::LoadCase(c, reader, case_id);
    if (!k.ok()) return Status::Invalid("case_id", "not_found");
    auto org = orgs::repo::GetOrg(c, receiver_org_id);
    if (!org.ok() || !IsReceiverKind(org->kind) || org->status != "active")
        return Status::Invalid("receiver_org_id", "not_receiver");
    if (item_ids.empty()) return Status::Invalid("item_ids", "required");
    std::vector<Item> items;
    for (int64_t id : item_ids) {
        auto item = LoadItem(c, actor, id);
        if (!item.ok() || item->case_id != case_id) return Status::Invalid("item_ids", "not_of_case");
        if (item->state == "disposed" || item->state == "handed_over") return Status::Invalid("item_ids", "finished");
        JW_ASSIGN_OR_RETURN(auto open, c.Query("SELECT 1 FROM property_transfer_items ti JOIN property_transfers t ON "
                                               "t.id = ti.transfer_id WHERE ti.item_id = ? AND ti.outcome = ''",
                                               {V(id)}));
        if (!open.empty()) return Status(ErrorCode::kConflict, "transfer_open", {{"state", "transfer_open"}});
        items.push_back(std::move(item).value());
    }
    // 移送清单 number: the case number and a running count of its lists.
    JW_ASSIGN_OR_RETURN(auto n, c.QueryOne("SELECT COUNT(*) FROM property_transfers WHERE case_id = ?", {V(case_id)}));
    const std::string list_no = k->case_no + "-YS" + std::to_string(n.Int(0) + 1);
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO property_transfers (list_no, case_id, unit_id, receiver_org_id, "
                   "state, note, created_by, created_at) VALUES (?, ?, ?, ?, 'sent', ?, ?, ?) "
                   "RETURNING id",
                   {V(list_no), V(case_id), V(k->unit_id), V(receiver_org_id), V(note), V(actor.user_id), V(now)}));
    const int64_t transfer_id = row.Int(0);
    for (auto& item : items) {
        JW_RETURN_IF_ERROR(
            c.Exec("INSERT INTO property_transfer_items (transfer_id, item_id, stays_with_police) "
                   "VALUES (?, ?, ?)",
                   {V(transfer_id), V(item.id), V(StaysWithPolice(item))}));
        CustodyEvent e;
        e.item_id = item.id;
        e.kind = "handover";
        e.at = now;
        e.actor_id = actor.user_id;
        e.actor_unit_id = actor.unit_id;
        e.from_state = e.to_state = item.state;
        e.from_place = item.store_name + " " + item.place_code;
        e.to_place = org->name;
        e.receiver = org->name;
        e.reason =
            "移送清单 " + list_no + (StaysWithPolice(item) ? "（随案移送清单及照片，原物仍由公安机关保管）" : "");
        JW_RETURN_IF_ERROR(AppendEvent(c, ChainKey(), e));
    }
    return Load(c, transfer_id);
}

Result<Transfer> GetTransfer(storage::Connection& c, const auth::Principal& actor, int64_t id) {
    auto t = Load(c, id);
    if (!t.ok()) return t.status();
    if (!MaySeeTransfer(actor, *t)) {
        JW_ASSIGN_OR_RETURN(const bool county, HoldsBureauStore(c, actor));
        if (auth::IsExternal(actor) || !county) return Status::NotFound("transfer");
    }
    return t;
}

Result<std::vector<Transfer>> ListTransfers(storage::Connection& c, const auth::Principal& actor) {
    std::string sql = "SELECT id FROM property_transfers";
    storage::Params params;
    if (auto orgs = auth::OrgFilter(actor)) {
        sql += " WHERE " + storage::InFilter(c.dialect(), "receiver_org_id", *orgs, params);
    } else if (!actor.all_units) {
        // A bureau store's custodian sends the lists of every unit (第一百八十八条 集中保管).
        JW_ASSIGN_OR_RETURN(const bool county, HoldsBureauStore(c, actor));
        if (!county) sql += " WHERE " + storage::InFilter(c.dialect(), "unit_id", actor.unit_scope, params);
    }
    sql += " ORDER BY id DESC LIMIT 200";
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
    std::vector<Transfer> out;
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Transfer t, Load(c, r.Int(0)));
        out.push_back(std::move(t));
    }
    return out;
}

Result<Transfer> ConfirmTransferItem(storage::Connection& c, const auth::Principal& actor, int64_t transfer_id,
                                     int64_t item_id, const std::string& outcome, const std::string& note,
                                     int64_t now) {
    JW_ASSIGN_OR_RETURN(Transfer t, GetTransfer(c, actor, transfer_id));
    // Only the receiving organisation confirms (a police account reads the list but does not answer for it).
    if (!auth::IsExternal(actor) || !auth::SeesOrg(actor, t.receiver_org_id)) return Status::Denied();
    if (outcome != "accepted" && outcome != "discrepancy") return Status::Invalid("outcome", "bad_value");
    if (outcome == "discrepancy" && note.empty()) return Status::Invalid("note", "required");
    auto it = std::find_if(t.items.begin(), t.items.end(), [&](const TransferItem& x) { return x.item.id == item_id; });
    if (it == t.items.end()) return Status::NotFound("item");
    if (!it->outcome.empty())
        return Status(ErrorCode::kConflict, "already_confirmed", {{"state", "already_confirmed"}});
    JW_RETURN_IF_ERROR(
        c.Exec("UPDATE property_transfer_items SET outcome = ?, note = ? WHERE transfer_id = ? AND "
               "item_id = ?",
               {V(outcome), V(note), V(transfer_id), V(item_id)}));
    Item item = it->item;
    CustodyEvent e;
    e.item_id = item.id;
    e.kind = outcome == "accepted" ? "handover_confirmed" : "handover_discrepancy";
    e.at = now;
    e.actor_id = actor.user_id;
    e.actor_unit_id = 0;  // an external account: its organisation is the receiver
    e.from_state = item.state;
    e.receiver = t.receiver_name + " " + actor.name;
    e.reason = "移送清单 " + t.list_no + (note.empty() ? "" : "：" + note);
    if (outcome == "accepted") {
        item.held_by_org = t.receiver_name;
        if (!it->stays_with_police) {
            e.from_place = item.store_name + " " + item.place_code;
            e.to_place = t.receiver_name;
            item.state = "handed_over";
            item.place_id.reset();
        }
    }
    e.to_state = item.state;
    JW_RETURN_IF_ERROR(repo::UpdateItem(c, item, now));
    JW_RETURN_IF_ERROR(AppendEvent(c, ChainKey(), e));
    JW_ASSIGN_OR_RETURN(auto open, c.QueryOne("SELECT COUNT(*) FROM property_transfer_items WHERE transfer_id = ? AND "
                                              "outcome = ''",
                                              {V(transfer_id)}));
    if (open.Int(0) == 0)
        JW_RETURN_IF_ERROR(
            c.Exec("UPDATE property_transfers SET state = 'confirmed', confirmed_by = ?, confirmed_at = ? "
                   "WHERE id = ?",
                   {V(actor.user_id), V(now), V(transfer_id)}));
    return Load(c, transfer_id);
}

}  // namespace jw::property
