// SQL of the checkpoint registry: devices (tollgates and APEs), lanes, and the hub sync.
#include "checkpoint/devices/devices_repository.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "auth/auth_repository.hpp"
#include "common/validators.hpp"

namespace jw::checkpoint {
namespace {

using storage::Null;
using storage::V;

const char* kDeviceColumns =
    "d.id, d.kind, d.name, d.longitude, d.latitude, d.place_code, d.place, d.tollgate_id, d.category, "
    "d.lane_count, d.unit_id, d.enabled, d.last_seen, COALESCE(u.name, '')";

bool IsDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

double ParseDouble(const storage::Value& v) {
    if (!v || v->empty()) return NAN;
    try {
        return std::stod(*v);
    } catch (...) {
        return NAN;
    }
}

storage::Value Coordinate(double v) {
    if (std::isnan(v)) return Null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7f", v);
    return V(std::string(buf));
}

DeviceView FromRow(const storage::Row& r, int64_t offline_after_s, int64_t now) {
    DeviceView v;
    Device& d = v.device;
    d.id = r.Str(0);
    d.kind = r.Str(1);
    d.name = r.Str(2);
    d.longitude = ParseDouble(r.Opt(3));
    d.latitude = ParseDouble(r.Opt(4));
    d.place_code = r.Str(5);
    d.place = r.Str(6);
    d.tollgate_id = r.Str(7);
    d.category = r.Str(8);
    d.lane_count = static_cast<int>(r.Int(9));
    if (!r.IsNull(10)) d.unit_id = r.Int(10);
    d.enabled = r.Bool(11);
    if (!r.IsNull(12)) d.last_seen = r.Int(12);
    v.unit_name = r.Str(13);
    v.status = DeviceStatus(d, offline_after_s, now);
    return v;
}

// WHERE clause and parameters of a filter (the devices table is aliased d).
std::string Where(const DeviceFilter& f, int64_t offline_after_s, int64_t now, storage::Params* p) {
    std::string w = " WHERE 1 = 1";
    if (!f.kind.empty()) {
        w += " AND d.kind = ?";
        p->push_back(V(f.kind));
    }
    if (f.status == "disabled") {
        w += " AND d.enabled = 0";
    } else if (f.status == "online") {
        w += " AND d.enabled = 1 AND d.last_seen >= ?";
        p->push_back(V(now - offline_after_s));
    } else if (f.status == "offline") {
        w += " AND d.enabled = 1 AND (d.last_seen IS NULL OR d.last_seen < ?)";
        p->push_back(V(now - offline_after_s));
    }
    if (f.unit_id) {
        w += " AND d.unit_id = ?";
        p->push_back(V(*f.unit_id));
    }
    if (!f.text.empty()) {
        w += " AND (d.name LIKE ? OR d.id LIKE ? OR d.place LIKE ?)";
        const std::string like = "%" + f.text + "%";
        p->insert(p->end(), {V(like), V(like), V(like)});
    }
    return w;
}

Status Validate(storage::Connection& c, const Device& d) {
    std::map<std::string, std::string> bad;
    auto note = [&bad](const Status& s) {
        for (const auto& [k, v] : s.fields()) bad.emplace(k, v);
    };
    if (d.id.empty())
        bad.emplace("id", "required");
    else
        note(CheckDeviceId(d.id, "id"));
    if (d.kind.empty())
        bad.emplace("kind", "required");
    else if (d.kind != "tollgate" && d.kind != "ape")
        bad.emplace("kind", "unknown_value");
    if (d.name.empty())
        bad.emplace("name", "required");
    else if (d.name.size() > 300)
        bad.emplace("name", "too_long");
    if (std::isnan(d.longitude) != std::isnan(d.latitude)) {
        bad.emplace(std::isnan(d.longitude) ? "longitude" : "latitude", "required");
    }
    // WGS-84 within China's extent (73°E–136°E, 3°N–54°N): catches swapped or mistyped coordinates.
    if (!std::isnan(d.longitude) && (d.longitude < 73 || d.longitude > 136)) bad.emplace("longitude", "out_of_range");
    if (!std::isnan(d.latitude) && (d.latitude < 3 || d.latitude > 54)) bad.emplace("latitude", "out_of_range");
    if (!d.place_code.empty()) note(CheckRegionCode(d.place_code, "place_code"));
    if (d.place.size() > 300) bad.emplace("place", "too_long");
    // GA/T 1400 TollgateCat: 10 national, 20 inter-province, 30 inter-city, 31 urban, 40 inter-county, 99 other.
    static const std::set<std::string> kCategories = {"10", "20", "30", "31", "40", "99"};
    if (!d.category.empty() && (d.kind != "tollgate" || !kCategories.count(d.category))) {
        bad.emplace("category", "unknown_value");
    }
    if (d.lane_count < 0 || d.lane_count > 99) bad.emplace("lane_count", "out_of_range");
    if (!d.tollgate_id.empty()) {
        if (d.kind != "ape") {
            bad.emplace("tollgate_id", "invalid");
        } else if (auto s = CheckDeviceId(d.tollgate_id, "tollgate_id"); !s.ok()) {
            note(s);
        } else {
            JW_ASSIGN_OR_RETURN(
                auto rows,
                c.Query("SELECT 1 FROM checkpoint_devices WHERE id = ? AND kind = 'tollgate'", {V(d.tollgate_id)}));
            if (rows.empty()) bad.emplace("tollgate_id", "not_found");
        }
    }
    if (d.unit_id) {
        auto unit = auth::repo::GetUnit(c, *d.unit_id);  // auth's table, through auth's repository
        if (!unit.ok() && unit.status().code() != ErrorCode::kNotFound) return unit.status();
        if (!unit.ok())
            bad.emplace("unit_id", "not_found");
        else if (unit->dissolved_at)
            bad.emplace("unit_id", "dissolved");
    }
    if (bad.empty()) return Status::Ok();
    return Status(ErrorCode::kInvalidArgument, "invalid_input", std::move(bad));
}

}  // namespace

Status CheckDeviceId(std::string_view id, std::string_view field) {
    const std::string f(field);
    if (id.size() != 20) return Status::Invalid(f, "bad_length");
    if (!IsDigits(id)) return Status::Invalid(f, "bad_characters");
    if (!CheckRegionCode(id.substr(0, 6), field).ok()) return Status::Invalid(f, "bad_region");
    return Status::Ok();
}

std::string DeviceStatus(const Device& d, int64_t offline_after_s, int64_t now) {
    if (!d.enabled) return "disabled";
    return d.last_seen && *d.last_seen >= now - offline_after_s ? "online" : "offline";
}

Status UpsertDevice(storage::Connection& c, const Device& d, int64_t now) {
    JW_RETURN_IF_ERROR(Validate(c, d));
    JW_ASSIGN_OR_RETURN(auto existing, c.Query("SELECT kind FROM checkpoint_devices WHERE id = ?", {V(d.id)}));
    const storage::Value unit = d.unit_id ? V(*d.unit_id) : Null();
    if (existing.empty()) {
        return c.Exec(
            "INSERT INTO checkpoint_devices (id, kind, name, longitude, latitude, place_code, place, tollgate_id, "
            "category, lane_count, unit_id, enabled, last_seen, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {V(d.id), V(d.kind), V(d.name), Coordinate(d.longitude), Coordinate(d.latitude), V(d.place_code),
             V(d.place), V(d.tollgate_id), V(d.category), V(d.lane_count), unit, V(d.enabled),
             d.last_seen ? V(*d.last_seen) : Null(), V(now), V(now)});
    }
    if (existing[0].Str(0) != d.kind) return Status::Invalid("kind", "invalid");
    // last_seen belongs to the health job: an update never moves it back.
    return c.Exec(
        "UPDATE checkpoint_devices SET name = ?, longitude = ?, latitude = ?, place_code = ?, place = ?, "
        "tollgate_id = ?, category = ?, lane_count = ?, unit_id = ?, enabled = ?, updated_at = ? WHERE id = ?",
        {V(d.name), Coordinate(d.longitude), Coordinate(d.latitude), V(d.place_code), V(d.place), V(d.tollgate_id),
         V(d.category), V(d.lane_count), unit, V(d.enabled), V(now), V(d.id)});
}

Result<std::set<std::string>> LoadCheckpointIds(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT id FROM checkpoint_devices WHERE kind = 'tollgate' AND enabled = 1"));
    std::set<std::string> ids;
    for (const auto& r : rows) ids.insert(r.Str(0));
    return ids;
}

Status SyncCheckpointsToHub(storage::Connection& c, PassHub& hub) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, name, longitude, latitude, enabled FROM checkpoint_devices "
                                           "WHERE kind = 'tollgate' ORDER BY id"));
    std::set<std::string> ids;
    std::vector<analytics::Checkpoint> table;
    for (const auto& r : rows) {
        analytics::Checkpoint cp;
        cp.id = r.Str(0);
        cp.name = r.Str(1);
        cp.longitude = ParseDouble(r.Opt(2));
        cp.latitude = ParseDouble(r.Opt(3));
        if (r.Bool(4)) ids.insert(cp.id);
        table.push_back(std::move(cp));
    }
    // Only what changed goes to the engine's durable log (names and coordinates of disabled checkpoints stay,
    // so past passes keep their place on the map).
    const auto snap = hub.Snapshot();
    std::vector<analytics::Checkpoint> changed;
    for (auto& cp : table) {
        const auto idx = snap.checkpoints().Find(cp.id);
        if (idx) {
            const auto& old = snap.checkpoints().list[*idx];
            const bool same_pos = (std::isnan(old.longitude) && std::isnan(cp.longitude)) ||
                                  (old.longitude == cp.longitude && old.latitude == cp.latitude);
            if (old.name == cp.name && same_pos) continue;
        }
        changed.push_back(std::move(cp));
    }
    if (!changed.empty()) JW_RETURN_IF_ERROR(hub.store().UpsertCheckpoints(changed));
    hub.SetKnownCheckpoints(std::move(ids));
    return Status::Ok();
}

Result<std::pair<std::vector<DeviceView>, int64_t>> ListDevices(storage::Connection& c, const DeviceFilter& f,
                                                                int64_t offline_after_s, int64_t now) {
    storage::Params p;
    const std::string where = Where(f, offline_after_s, now, &p);
    JW_ASSIGN_OR_RETURN(auto count, c.QueryOne("SELECT COUNT(*) FROM checkpoint_devices d" + where, p));
    const int page_size = std::clamp(f.page_size, 1, 10000);
    const int64_t offset = int64_t{std::max(f.page, 1) - 1} * page_size;
    storage::Params q = p;
    q.push_back(V(int64_t{page_size}));
    q.push_back(V(offset));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kDeviceColumns +
                                               " FROM checkpoint_devices d LEFT JOIN units u ON u.id = d.unit_id" +
                                               where + " ORDER BY d.kind DESC, d.id LIMIT ? OFFSET ?",
                                           q));
    std::vector<DeviceView> out;
    for (const auto& r : rows) out.push_back(FromRow(r, offline_after_s, now));
    return std::make_pair(std::move(out), count.Int(0));
}

Result<DeviceView> GetDevice(storage::Connection& c, const std::string& id, int64_t offline_after_s, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kDeviceColumns +
                                               " FROM checkpoint_devices d LEFT JOIN units u ON u.id = d.unit_id "
                                               "WHERE d.id = ?",
                                           {V(id)}));
    if (rows.empty()) return Status::NotFound("device");
    DeviceView v = FromRow(rows[0], offline_after_s, now);
    JW_ASSIGN_OR_RETURN(auto lanes, c.Query("SELECT lane_no, direction, max_speed, ape_id FROM checkpoint_lanes "
                                            "WHERE tollgate_id = ? ORDER BY lane_no",
                                            {V(id)}));
    for (const auto& r : lanes) {
        v.lanes.push_back({static_cast<int>(r.Int(0)), r.Str(1), static_cast<int>(r.Int(2)), r.Str(3)});
    }
    return v;
}

Status ReplaceLanes(storage::Connection& c, const std::string& tollgate_id, const std::vector<Lane>& lanes) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query("SELECT 1 FROM checkpoint_devices WHERE id = ? AND kind = 'tollgate'", {V(tollgate_id)}));
    if (rows.empty()) return Status::NotFound("device");
    std::map<std::string, std::string> bad;
    std::set<int> seen;
    for (size_t i = 0; i < lanes.size(); ++i) {
        const std::string at = "lanes[" + std::to_string(i) + "].";
        const Lane& l = lanes[i];
        if (l.lane_no < 1 || l.lane_no > 99)
            bad.emplace(at + "lane_no", "out_of_range");
        else if (!seen.insert(l.lane_no).second)
            bad.emplace(at + "lane_no", "already_exists");
        if (l.max_speed < 0 || l.max_speed > 300) bad.emplace(at + "max_speed", "out_of_range");
        if (l.direction.size() > 20) bad.emplace(at + "direction", "too_long");
        if (!l.ape_id.empty()) {
            if (auto s = CheckDeviceId(l.ape_id, at + "ape_id"); !s.ok())
                bad.insert(s.fields().begin(), s.fields().end());
        }
    }
    if (!bad.empty()) return Status(ErrorCode::kInvalidArgument, "invalid_input", bad);
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM checkpoint_lanes WHERE tollgate_id = ?", {V(tollgate_id)}));
    for (const auto& l : lanes) {
        JW_RETURN_IF_ERROR(c.Exec(
            "INSERT INTO checkpoint_lanes (tollgate_id, lane_no, direction, max_speed, ape_id) VALUES (?, ?, ?, ?, ?)",
            {V(tollgate_id), V(l.lane_no), V(l.direction), V(l.max_speed), V(l.ape_id)}));
    }
    // With lane details the count follows them; without, the stated lane_count stands.
    if (lanes.empty()) return Status::Ok();
    return c.Exec("UPDATE checkpoint_devices SET lane_count = ? WHERE id = ?",
                  {V(static_cast<int64_t>(lanes.size())), V(tollgate_id)});
}

Status SetDeviceEnabled(storage::Connection& c, const std::string& id, bool enabled, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT 1 FROM checkpoint_devices WHERE id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("device");
    // Re-enabling starts a fresh health cycle: the next offline is reported again.
    return c.Exec("UPDATE checkpoint_devices SET enabled = ?, offline_reported = 0, updated_at = ? WHERE id = ?",
                  {V(enabled), V(now), V(id)});
}

}  // namespace jw::checkpoint
