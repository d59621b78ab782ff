#include "notify/outbox_groups.hpp"

#include <algorithm>
#include <map>

#include "common/civil_time.hpp"
#include "notify/outbox_internal.hpp"
#include "storage/in_list.hpp"

namespace jw::notify {

using storage::V;

namespace {

// A row's group: its key, or (written before keys) the row alone.
constexpr const char* kGroup = "CASE WHEN group_key = '' THEN 'n' || CAST(id AS TEXT) ELSE group_key END";
constexpr const char* kColumns =
    "id, user_id, kind, title, body, channel, created_at, delivered_at, read_at, code, params";

Notification FromRow(const storage::Row& r) {
    return {r.Int(0),
            r.Int(1),
            r.Str(2),
            r.Str(3),
            r.Str(4),
            r.Str(5),
            r.Int(6),
            r.Int(7),
            r.Int(8),
            r.Str(9),
            ParamsFrom(r.Str(10))};
}

// The group of the user's notification `id`, as kGroup makes it.
Result<std::string> GroupOf(storage::Connection& c, int64_t user_id, int64_t id) {
    auto r = c.Query(std::string("SELECT ") + kGroup +
                         " FROM notifications WHERE id = ? AND user_id = ? AND "
                         "channel = 'inapp'",
                     {V(id), V(user_id)});
    if (!r.ok()) return r.status();
    if (r->empty()) return Status::NotFound("notification");
    return (*r)[0].Str(0);
}

}  // namespace

Result<std::pair<std::vector<RepeatGroup>, int64_t>> ListCollapsed(storage::Connection& c, int64_t user_id,
                                                                   bool unread_only, int page, int page_size) {
    const std::string where =
        std::string(" WHERE user_id = ? AND channel = 'inapp'") + (unread_only ? " AND read_at = 0" : "");
    JW_ASSIGN_OR_RETURN(
        auto total,
        c.QueryOne(std::string("SELECT COUNT(DISTINCT ") + kGroup + ") FROM notifications" + where, {V(user_id)}));
    JW_ASSIGN_OR_RETURN(
        auto groups,
        c.Query(std::string("SELECT MAX(id), COUNT(*), SUM(CASE WHEN read_at = 0 THEN 1 ELSE 0 END) FROM "
                            "notifications") +
                    where + " GROUP BY " + kGroup + " ORDER BY MAX(id) DESC LIMIT ? OFFSET ?",
                {V(user_id), V(static_cast<int64_t>(page_size)), V(static_cast<int64_t>((page - 1) * page_size))}));
    std::vector<int64_t> ids;
    std::map<int64_t, std::pair<int64_t, int64_t>> counts;
    for (const auto& g : groups) {
        ids.push_back(g.Int(0));
        counts[g.Int(0)] = {g.Int(1), g.Int(2)};
    }
    JW_ASSIGN_OR_RETURN(
        auto rows,
        storage::QueryIn(c, std::string("SELECT ") + kColumns + " FROM notifications WHERE id IN @IDS@ ORDER BY id",
                         ids));
    std::vector<RepeatGroup> out;
    for (const auto& r : rows) {
        const auto& [count, unread] = counts[r.Int(0)];
        out.push_back({FromRow(r), count, unread});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.latest.id > b.latest.id; });
    return std::make_pair(std::move(out), total.Int(0));
}

Result<std::vector<Notification>> Repeats(storage::Connection& c, int64_t user_id, int64_t id, int limit) {
    JW_ASSIGN_OR_RETURN(std::string group, GroupOf(c, user_id, id));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns +
                                               " FROM notifications WHERE user_id = ? AND channel = 'inapp' AND " +
                                               kGroup + " = ? ORDER BY id DESC LIMIT ?",
                                           {V(user_id), V(group), V(static_cast<int64_t>(limit))}));
    std::vector<Notification> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Result<int64_t> MarkGroupRead(storage::Connection& c, int64_t user_id, int64_t id, int64_t now) {
    JW_ASSIGN_OR_RETURN(std::string group, GroupOf(c, user_id, id));
    JW_ASSIGN_OR_RETURN(auto n, c.QueryOne(std::string("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND "
                                                       "channel = 'inapp' AND read_at = 0 AND ") +
                                               kGroup + " = ?",
                                           {V(user_id), V(group)}));
    JW_RETURN_IF_ERROR(c.Exec(std::string("UPDATE notifications SET read_at = ? WHERE user_id = ? AND channel = "
                                          "'inapp' AND read_at = 0 AND ") +
                                  kGroup + " = ?",
                              {V(now), V(user_id), V(group)}));
    return n.Int(0);
}

Json RepeatGroupJson(const RepeatGroup& g, Lang lang) {
    Json j = NotificationJson(g.latest, lang);
    j["repeats"] = g.count;
    j["unread"] = g.unread;
    return j;
}

}  // namespace jw::notify
