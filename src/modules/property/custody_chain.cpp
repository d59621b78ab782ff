#include "property/custody_chain.hpp"

#include "common/crypto.hpp"
#include "common/json_util.hpp"

namespace jw::property {

using storage::V;

std::string CanonicalContent(const CustodyEvent& e) {
    Json photos = Json::array();
    for (const auto& p : e.photos) photos.push_back(p);
    return Json::array({e.item_id, e.seq, e.kind, e.at, e.actor_id, e.actor_unit_id, e.from_state, e.to_state,
                        e.from_place, e.to_place, e.reason, e.approved_by, e.receiver, e.signature_media_id, photos,
                        e.batch})
        .dump();
}

std::string ChainHash(const std::string& key, const CustodyEvent& e, const std::string& prev_hash) {
    return HmacSm3Hex(key, CanonicalContent(e) + "|" + prev_hash);
}

namespace {

constexpr const char* kColumns =
    "e.id, e.item_id, e.seq, e.kind, e.at, e.actor_id, e.actor_unit_id, e.from_state, e.to_state, e.from_place, "
    "e.to_place, e.reason, e.approved_by, e.receiver, e.signature_media_id, e.photos, e.batch, e.prev_hash, e.hash";

CustodyEvent FromRow(const storage::Row& r) {
    CustodyEvent e;
    e.id = r.Int(0);
    e.item_id = r.Int(1);
    e.seq = static_cast<int>(r.Int(2));
    e.kind = r.Str(3);
    e.at = r.Int(4);
    e.actor_id = r.Int(5);
    e.actor_unit_id = r.Int(6);
    e.from_state = r.Str(7);
    e.to_state = r.Str(8);
    e.from_place = r.Str(9);
    e.to_place = r.Str(10);
    e.reason = r.Str(11);
    e.approved_by = r.Str(12);
    e.receiver = r.Str(13);
    e.signature_media_id = r.Str(14);
    Json photos = Json::parse(r.Str(15), nullptr, false);
    if (photos.is_array())
        for (const auto& p : photos)
            if (p.is_string()) e.photos.push_back(p.get<std::string>());
    e.batch = r.Str(16);
    e.prev_hash = r.Str(17);
    e.hash = r.Str(18);
    return e;
}

}  // namespace

Status AppendEvent(storage::Connection& c, const std::string& key, CustodyEvent& e) {
    JW_ASSIGN_OR_RETURN(auto last, c.Query("SELECT seq, hash FROM property_events WHERE item_id = ? ORDER BY seq DESC "
                                           "LIMIT 1",
                                           {V(e.item_id)}));
    e.seq = last.empty() ? 1 : static_cast<int>(last[0].Int(0)) + 1;
    e.prev_hash = last.empty() ? "" : last[0].Str(1);
    e.hash = ChainHash(key, e, e.prev_hash);
    Json photos = Json::array();
    for (const auto& p : e.photos) photos.push_back(p);
    JW_ASSIGN_OR_RETURN(
        storage::Row row,
        c.QueryOne("INSERT INTO property_events (item_id, seq, kind, at, actor_id, actor_unit_id, "
                   "from_state, to_state, from_place, to_place, reason, approved_by, receiver, "
                   "signature_media_id, photos, batch, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, "
                   "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {V(e.item_id), V(e.seq), V(e.kind), V(e.at), V(e.actor_id), V(e.actor_unit_id), V(e.from_state),
                    V(e.to_state), V(e.from_place), V(e.to_place), V(e.reason), V(e.approved_by), V(e.receiver),
                    V(e.signature_media_id), V(photos.dump()), V(e.batch), V(e.prev_hash), V(e.hash)}));
    e.id = row.Int(0);
    return Status::Ok();
}

Result<std::vector<CustodyEvent>> ListEvents(storage::Connection& c, int64_t item_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns +
                                               ", COALESCE(u.name, '') FROM property_events e LEFT JOIN users u ON "
                                               "u.id = e.actor_id WHERE e.item_id = ? ORDER BY e.seq",
                                           {V(item_id)}));
    std::vector<CustodyEvent> out;
    for (const auto& r : rows) {
        out.push_back(FromRow(r));
        out.back().actor_name = r.Str(19);
    }
    return out;
}

Result<VerifyReport> VerifyChains(storage::Connection& c, const std::string& key, std::optional<int64_t> item_id) {
    VerifyReport report;
    std::string sql = "SELECT id, state FROM property_items";
    storage::Params params;
    if (item_id) {
        sql += " WHERE id = ?";
        params.push_back(V(*item_id));
    }
    sql += " ORDER BY id";
    JW_ASSIGN_OR_RETURN(auto items, c.Query(sql, params));
    for (const auto& item : items) {
        ++report.items;
        const int64_t id = item.Int(0);
        JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns +
                                                   " FROM property_events e WHERE e.item_id = ? ORDER BY e.seq",
                                               {V(id)}));
        std::string prev;
        int expected_seq = 1;
        auto broken = [&](int seq, const char* problem) {
            report.ok = false;
            report.item_id = id;
            report.seq = seq;
            report.problem = problem;
        };
        std::string last_state;
        for (const auto& r : rows) {
            const CustodyEvent e = FromRow(r);
            ++report.events;
            if (e.seq != expected_seq) {
                broken(expected_seq, "seq_gap");
                return report;
            }
            if (e.prev_hash != prev) {
                broken(e.seq, "prev_mismatch");
                return report;
            }
            if (!ConstantTimeEquals(ChainHash(key, e, e.prev_hash), e.hash)) {
                broken(e.seq, "hash_mismatch");
                return report;
            }
            prev = e.hash;
            last_state = e.to_state;
            ++expected_seq;
        }
        // The item row must stand where its chain left it (a state changed behind the chain's back).
        if (rows.empty() || last_state != item.Str(1)) {
            broken(expected_seq - 1, rows.empty() ? "seq_gap" : "state_mismatch");
            return report;
        }
    }
    return report;
}

}  // namespace jw::property
