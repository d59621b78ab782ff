#include "courier/supervision/supervision.hpp"

#include "common/sealed_fields.hpp"
#include "common/validators.hpp"
#include "courier/courier_keys.hpp"
#include "storage/in_list.hpp"

namespace jw::courier {
namespace {
using storage::V;

std::string Open(const std::string& s) {
    auto r = Sealer().Open(s);
    return r.ok() ? *r : "";
}

// " AND outlet_id IN (…)" for an area, its parameters appended; "" for every outlet.
std::string Area(storage::Connection& c, const std::optional<std::vector<int64_t>>& outlets, storage::Params& p) {
    if (!outlets) return "";
    return " AND " + storage::InFilter(c.dialect(), "outlet_id", *outlets, p);
}

Result<std::vector<int64_t>> Ids(storage::Connection& c, const std::string& where_col, const std::string& value,
                                 const std::string& from, const std::string& to,
                                 const std::optional<std::vector<int64_t>>& outlets) {
    storage::Params p{V(value), V(from), V(to)};
    const std::string area = Area(c, outlets, p);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM courier_records WHERE " + where_col +
                                               " = ? AND day >= ? AND day <= ?" + area + " ORDER BY id LIMIT 50",
                                           p));
    std::vector<int64_t> out;
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

}  // namespace

Result<std::vector<OutletDay>> OutletDays(storage::Connection& c, const std::string& from_day,
                                          const std::string& to_day,
                                          const std::optional<std::vector<int64_t>>& outlets) {
    storage::Params p{V(kLateSeconds), V(from_day), V(to_day)};
    const std::string area = Area(c, outlets, p);
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT r.outlet_id, o.name, co.name, o.township, r.day, COUNT(*), "
                                "SUM(CASE WHEN r.id_verified = 1 THEN 1 ELSE 0 END), "
                                "SUM(CASE WHEN r.uploaded_at > r.accepted_at + ? THEN 1 ELSE 0 END), "
                                "SUM(CASE WHEN r.status = 'refused' THEN 1 ELSE 0 END), "
                                "SUM(CASE WHEN r.status = 'held' THEN 1 ELSE 0 END) "
                                "FROM courier_records r JOIN courier_outlets o ON o.id = r.outlet_id "
                                "JOIN courier_companies co ON co.id = r.company_id WHERE r.day >= ? AND r.day <= ?" +
                                    (area.empty() ? "" : " AND r." + area.substr(5)) +
                                    " GROUP BY r.outlet_id, o.name, co.name, o.township, r.day "
                                    "ORDER BY r.day, r.outlet_id",
                                p));
    std::vector<OutletDay> out;
    for (const auto& r : rows) {
        OutletDay d;
        d.outlet_id = r.Int(0), d.outlet_name = r.Str(1), d.company_name = r.Str(2), d.township = r.Str(3);
        d.day = r.Str(4), d.total = r.Int(5), d.verified = r.Int(6), d.late = r.Int(7), d.refused = r.Int(8);
        d.held = r.Int(9);
        out.push_back(std::move(d));
    }
    return out;
}

Result<std::vector<Collision>> CollideWithin(storage::Connection& c, const std::string& from_day,
                                             const std::string& to_day, int min_count,
                                             const std::optional<std::vector<int64_t>>& outlets) {
    std::vector<Collision> out;
    storage::Params p{V(from_day), V(to_day)};
    const std::string area = Area(c, outlets, p);
    p.push_back(V(int64_t(min_count)));
    JW_ASSIGN_OR_RETURN(auto senders,
                        c.Query("SELECT sender_id_index, MIN(sender_id_sealed), COUNT(DISTINCT receiver_phone_index) "
                                "FROM courier_records WHERE day >= ? AND day <= ?" +
                                    area +
                                    " GROUP BY sender_id_index HAVING COUNT(DISTINCT receiver_phone_index) >= ? "
                                    "ORDER BY 3 DESC LIMIT 100",
                                p));
    for (const auto& r : senders) {
        Collision col{"one_sender_many_receivers", MaskIdNumber(Open(r.Str(1))), r.Int(2), {}};
        JW_ASSIGN_OR_RETURN(col.record_ids, Ids(c, "sender_id_index", r.Str(0), from_day, to_day, outlets));
        out.push_back(std::move(col));
    }
    JW_ASSIGN_OR_RETURN(auto addresses,
                        c.Query("SELECT receiver_address_index, MIN(receiver_address_sealed), "
                                "COUNT(DISTINCT sender_id_index) FROM courier_records WHERE day >= ? AND day <= ?" +
                                    area +
                                    " GROUP BY receiver_address_index HAVING COUNT(DISTINCT sender_id_index) >= ? "
                                    "ORDER BY 3 DESC LIMIT 100",
                                p));
    for (const auto& r : addresses) {
        std::string a = Open(r.Str(1));
        Collision col{"many_senders_one_address", a.substr(0, std::min<size_t>(a.size(), 18)) + "****", r.Int(2), {}};
        JW_ASSIGN_OR_RETURN(col.record_ids, Ids(c, "receiver_address_index", r.Str(0), from_day, to_day, outlets));
        out.push_back(std::move(col));
    }
    return out;
}

Result<std::vector<Collision>> CollideWithList(storage::Connection& c, const std::string& from_day,
                                               const std::string& to_day, const std::vector<std::string>& list,
                                               const std::optional<std::vector<int64_t>>& outlets) {
    std::vector<Collision> out;
    const auto& s = Sealer();
    for (const auto& item : list) {
        const bool is_id = CheckIdNumber(item).ok();
        if (is_id) {
            JW_ASSIGN_OR_RETURN(auto ids, Ids(c, "sender_id_index", s.BlindIndex("id", NormaliseIdNumber(item)),
                                              from_day, to_day, outlets));
            if (!ids.empty()) out.push_back({"listed", MaskIdNumber(item), int64_t(ids.size()), ids});
            continue;
        }
        const std::string idx = s.BlindIndex("phone", NormalisePhone(item));
        JW_ASSIGN_OR_RETURN(auto as_sender, Ids(c, "sender_phone_index", idx, from_day, to_day, outlets));
        JW_ASSIGN_OR_RETURN(auto as_receiver, Ids(c, "receiver_phone_index", idx, from_day, to_day, outlets));
        as_sender.insert(as_sender.end(), as_receiver.begin(), as_receiver.end());
        if (!as_sender.empty()) out.push_back({"listed", MaskPhone(item), int64_t(as_sender.size()), as_sender});
    }
    return out;
}

}  // namespace jw::courier
