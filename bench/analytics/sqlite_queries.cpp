#include "sqlite_queries.hpp"

#include <cmath>

#include "common/civil_time.hpp"
#include "sqlite_db.hpp"

namespace jw::bench {
namespace {

int64_t T(const Json& v) { return *ParseChinaTime(v.get<std::string>()); }

Json Point(const std::string& cp, int64_t t) { return {{"checkpoint_id", cp}, {"pass_time", FormatChinaTime(t)}}; }

// "cp IN (…)" list of the known checkpoints of a JSON array (unknown ids cannot match).
std::string CpList(const SqliteCatalog& cat, const Json& ids) {
    std::string s = "(-1";
    for (const auto& id : ids) {
        auto it = cat.cp_no.find(id.get<std::string>());
        if (it != cat.cp_no.end()) s += "," + std::to_string(it->second);
    }
    return s + ")";
}

Result<Json> Trajectory(sqlite3* db, const Json& q) {
    SqlStmt st(db,
               "SELECT c.id, p.t FROM passes p JOIN checkpoints c ON c.no = p.cp "
               "WHERE p.plate = ?1 AND p.t >= ?2 AND p.t < ?3 ORDER BY p.t, p.cp");
    st.Bind(1, q["plate"].get<std::string>()).Bind(2, T(q["from"])).Bind(3, T(q["to"]));
    Json out = Json::array();
    while (st.Step()) out.push_back(Point(st.Text(0), st.Int(1)));
    if (!st.status().ok()) return st.status();
    return Json{{"passes", out}};
}

Result<Json> Companion(sqlite3* db, const Json& q) {
    // Target passes numbered in trajectory order; hits = (target pass, companion plate) pairs; the score is
    // Σ log10(N / n_i) exactly as queries.hpp defines it.
    SqlStmt st(db,
               "WITH tgt AS (SELECT cp, t, row_number() OVER (ORDER BY t, cp) AS i FROM passes "
               "             WHERE plate = ?1 AND t >= ?2 AND t < ?3), "
               "hits AS (SELECT DISTINCT tgt.i AS i, tgt.cp AS cp, p.plate AS plate FROM tgt "
               "         JOIN passes p ON p.cp = tgt.cp AND p.t BETWEEN tgt.t - ?4 AND tgt.t + ?4 "
               "         WHERE p.plate <> ?1), "
               "ni AS (SELECT i, count(*) AS n FROM hits GROUP BY i), "
               "tot AS (SELECT count(DISTINCT plate) AS n FROM hits) "
               "SELECT h.plate, count(DISTINCT h.cp) AS cps, count(*) AS co, "
               "       sum(log10(CAST(tot.n AS REAL) / ni.n)) AS score "
               "FROM hits h JOIN ni ON ni.i = h.i CROSS JOIN tot GROUP BY h.plate HAVING cps >= ?5 "
               "ORDER BY score DESC, cps DESC, co DESC, h.plate");
    st.Bind(1, q["plate"].get<std::string>()).Bind(2, T(q["from"])).Bind(3, T(q["to"]));
    st.Bind(4, q["window_s"].get<int64_t>()).Bind(5, q["min_checkpoints"].get<int64_t>());
    Json out = Json::array();
    while (st.Step()) {
        out.push_back({{"plate", st.Text(0)},
                       {"checkpoints", st.Int(1)},
                       {"co_passes", st.Int(2)},
                       {"score", std::round(st.Real(3) * 1e6) / 1e6}});
    }
    if (!st.status().ok()) return st.status();
    return Json{{"companions", out}};
}

Result<Json> Collision(sqlite3* db, const SqliteCatalog& cat, const Json& q) {
    std::string sql = "SELECT plate, count(*) AS m FROM (";
    const auto& conds = q["conditions"];
    for (size_t k = 0; k < conds.size(); ++k) {
        if (k) sql += " UNION ALL ";
        sql += "SELECT DISTINCT plate FROM passes WHERE cp IN " + CpList(cat, conds[k]["checkpoints"]) +
               " AND t >= " + std::to_string(T(conds[k]["from"])) + " AND t < " + std::to_string(T(conds[k]["to"]));
    }
    sql += ") GROUP BY plate HAVING m >= ?1 ORDER BY m DESC, plate";
    SqlStmt st(db, sql);
    st.Bind(1, q["min_match"].get<int64_t>());
    Json out = Json::array();
    while (st.Step()) out.push_back({{"plate", st.Text(0)}, {"matched", st.Int(1)}});
    if (!st.status().ok()) return st.status();
    return Json{{"plates", out}};
}

Result<Json> FirstSeen(sqlite3* db, const SqliteCatalog& cat, const Json& q) {
    const std::string filter = q.contains("checkpoints") ? " AND cp IN " + CpList(cat, q["checkpoints"]) : "";
    SqlStmt st(
        db,
        "SELECT f.plate, f.t, c.id FROM (SELECT plate, t, cp, "
        "  row_number() OVER (PARTITION BY plate ORDER BY t, cp) AS rn FROM passes "
        "  WHERE t >= ?1 AND t < ?2" +
            filter +
            ") f JOIN checkpoints c ON c.no = f.cp "
            "WHERE f.rn = 1 AND NOT EXISTS (SELECT 1 FROM passes b WHERE b.plate = f.plate AND b.t >= ?3 AND b.t < ?1) "
            "ORDER BY f.t, f.plate");
    const int64_t from = T(q["from"]);
    st.Bind(1, from).Bind(2, T(q["to"])).Bind(3, from - q["lookback_days"].get<int64_t>() * 86400);
    Json out = Json::array();
    while (st.Step()) {
        out.push_back(
            {{"plate", st.Text(0)}, {"first_pass_time", FormatChinaTime(st.Int(1))}, {"checkpoint_id", st.Text(2)}});
    }
    if (!st.status().ok()) return st.status();
    return Json{{"plates", out}, {"count", out.size()}};
}

Result<Json> Cloned(sqlite3* db, const Json& q) {
    SqlStmt st(db,
               "WITH s AS (SELECT plate, cp, t, lead(cp) OVER w AS cp2, lead(t) OVER w AS t2 FROM passes "
               "           WHERE t >= ?1 AND t < ?2 WINDOW w AS (PARTITION BY plate ORDER BY t, cp)), "
               "d AS (SELECT s.plate, a.id AS ida, s.t, b.id AS idb, s.t2, 2 * 6371.0 * asin(min(1.0, sqrt("
               "        power(sin(radians(b.lat - a.lat) / 2), 2) + "
               "        cos(radians(a.lat)) * cos(radians(b.lat)) * power(sin(radians(b.lon - a.lon) / 2), 2)))) AS km "
               "      FROM s JOIN checkpoints a ON a.no = s.cp JOIN checkpoints b ON b.no = s.cp2 "
               "      WHERE s.cp2 IS NOT NULL AND s.cp2 <> s.cp AND a.lat IS NOT NULL AND b.lat IS NOT NULL) "
               "SELECT plate, ida, t, idb, t2, km FROM d "
               "WHERE km > 0 AND (t2 = t OR km * 3600.0 / (t2 - t) > ?3) ORDER BY plate, t, ida, idb");
    st.Bind(1, T(q["from"])).Bind(2, T(q["to"])).Bind(3, q["max_speed_kmh"].get<double>());
    Json out = Json::array();
    while (st.Step()) {
        const int64_t t = st.Int(2), t2 = st.Int(4);
        const double km = st.Real(5);
        Json speed = t2 == t ? Json(nullptr) : Json(std::round(km / ((t2 - t) / 3600.0) * 1000) / 1000);
        out.push_back({{"plate", st.Text(0)},
                       {"a", Point(st.Text(1), t)},
                       {"b", Point(st.Text(3), t2)},
                       {"distance_km", std::round(km * 1000) / 1000},
                       {"speed_kmh", speed}});
    }
    if (!st.status().ok()) return st.status();
    return Json{{"suspects", out}};
}

int SecondsOfDay(const Json& hhmm) {
    const std::string s = hhmm.get<std::string>();
    return std::stoi(s.substr(0, 2)) * 3600 + std::stoi(s.substr(3, 2)) * 60;
}

Result<Json> Night(sqlite3* db, const Json& q) {
    const int s = SecondsOfDay(q["night_start"]), e = SecondsOfDay(q["night_end"]);
    const std::string is_night = s < e ? "tod >= " + std::to_string(s) + " AND tod < " + std::to_string(e)
                                       : "tod >= " + std::to_string(s) + " OR tod < " + std::to_string(e);
    // A night belongs to the date it starts: after midnight, the previous China date.
    const std::string back = s < e ? "0" : "(nt = 1 AND tod < " + std::to_string(e) + ")";
    SqlStmt st(db,
               "SELECT plate, count(DISTINCT CASE WHEN nt = 1 THEN day - " + back +
                   " END) AS nights, "
                   "       sum(nt) AS np, count(*) - sum(nt) AS dp FROM ("
                   "  SELECT plate, tod, day, CASE WHEN " +
                   is_night +
                   " THEN 1 ELSE 0 END AS nt FROM ("
                   "    SELECT plate, (t + 28800) % 86400 AS tod, (t + 28800) / 86400 AS day FROM passes "
                   "    WHERE t >= ?1 AND t < ?2)) "
                   "GROUP BY plate HAVING nights >= ?3 AND np >= ?4 * (np + dp) ORDER BY nights DESC, np DESC, plate");
    st.Bind(1, T(q["from"])).Bind(2, T(q["to"])).Bind(3, q["min_nights"].get<int64_t>());
    st.Bind(4, q["min_night_share"].get<double>());
    Json out = Json::array();
    while (st.Step()) {
        out.push_back(
            {{"plate", st.Text(0)}, {"nights", st.Int(1)}, {"night_passes", st.Int(2)}, {"day_passes", st.Int(3)}});
    }
    if (!st.status().ok()) return st.status();
    return Json{{"plates", out}};
}

}  // namespace

Result<Json> SqliteQuery(sqlite3* db, const SqliteCatalog& cat, const Json& q) {
    const std::string kind = q["q"].get<std::string>();
    if (kind == "trajectory") return Trajectory(db, q);
    if (kind == "companion") return Companion(db, q);
    if (kind == "collision") return Collision(db, cat, q);
    if (kind == "first_seen") return FirstSeen(db, cat, q);
    if (kind == "cloned") return Cloned(db, q);
    if (kind == "night") return Night(db, q);
    return Status::Invalid("q", "unknown_query");
}

}  // namespace jw::bench
