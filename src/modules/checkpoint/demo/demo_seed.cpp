#include "checkpoint/demo/demo_seed.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

#include "alerts/alert.hpp"
#include "analytics/queries.hpp"
#include "analytics/store.hpp"
#include "checkpoint/demo/demo_geography.hpp"
#include "checkpoint/demo/demo_passes.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "checkpoint/devices/pass_seen.hpp"
#include "checkpoint/viid/viid_clients.hpp"
#include "checkpoint/watch/watch_hits.hpp"
#include "checkpoint/watch/watch_service.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

constexpr const char* kDemoClientId = "51990100002000000001";
constexpr const char* kDemoClientPassword = "Viid@2026demo";

Result<std::map<std::string, int64_t>> UnitIds(storage::Connection& c) {
    auto rows = c.Query("SELECT id, name FROM units");
    if (!rows.ok()) return rows.status();
    std::map<std::string, int64_t> out;
    for (const auto& r : *rows) out[r.Str(1)] = r.Int(0);
    return out;
}

Status RegisterCheckpoints(storage::Connection& c, const demo::County& county, int64_t now, DemoSeedReport* report) {
    JW_ASSIGN_OR_RETURN(auto units, UnitIds(c));
    for (const auto& cp : county.checkpoints) {
        Device d;
        d.id = cp.id;
        d.kind = "tollgate";
        d.name = cp.name;
        d.longitude = cp.longitude;
        d.latitude = cp.latitude;
        d.place_code = "519901";
        d.place = cp.place;
        d.category = cp.category;
        d.lane_count = cp.lanes;
        if (auto u = units.find(cp.station); u != units.end()) d.unit_id = u->second;
        JW_RETURN_IF_ERROR(UpsertDevice(c, d, now));
        Device ape = d;
        ape.id = cp.ape_id;
        ape.kind = "ape";
        ape.name = cp.name + "抓拍机";
        ape.category.clear();
        ape.tollgate_id = cp.id;
        JW_RETURN_IF_ERROR(UpsertDevice(c, ape, now));
        ++report->checkpoints;
    }
    return Status::Ok();
}

// Three active watch orders on the planted plates: applied for by the 城关派出所 officer (red, orange) and the
// command-centre analyst (blue), approved by the bureau leader; 城关派出所 and 指挥中心 are notified.
Status SeedWatchOrders(storage::Connection& c, int64_t now, DemoSeedReport* report) {
    JW_ASSIGN_OR_RETURN(auto units, UnitIds(c));
    std::map<std::string, Actor> users;
    auto rows = c.Query("SELECT id, unit_id, username FROM users WHERE username IN ('officer', 'analyst', 'leader')");
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) users[r.Str(2)] = Actor{r.Int(0), r.Int(1)};
    if (!users.count("officer") || !users.count("analyst") || !users.count("leader") || !units.count("城关派出所") ||
        !units.count("指挥中心")) {
        report->skipped.push_back("watch orders: demo users or units missing");
        return Status::Ok();
    }
    const auto& p = demo::Planted();
    struct Spec {
        const std::string* plate;
        const char* applicant;
        const char* reason;
        const char* case_no;
        int priority;
        const char* colour;
    };
    const Spec specs[] = {
        {&p.watch_red, "officer", "涉嫌抢劫案件嫌疑车辆，发现即拦截", "示公刑立字〔2026〕101号", 1, "red"},
        {&p.watch_orange, "officer", "涉嫌盗窃案件关联车辆，发现后跟踪报告", "示公刑立字〔2026〕117号", 2, "orange"},
        {&p.watch_blue, "analyst", "多次违法未处理车辆，发现后关注", "示公治立字〔2026〕045号", 3, "blue"},
    };
    for (const auto& s : specs) {
        OrderInput in;
        in.target = *s.plate;
        in.reason = s.reason;
        in.case_no = s.case_no;
        in.colour = s.colour;
        in.priority = s.priority;
        in.valid_from = now - 30 * analytics::kDaySeconds;
        in.valid_to = now + 180 * analytics::kDaySeconds;
        in.unit_ids = {units["城关派出所"], units["指挥中心"]};
        auto id = CreateOrder(c, alerts::Policy::Default(), in, users[s.applicant], now);
        if (!id.ok()) return id.status();
        JW_RETURN_IF_ERROR(ApproveOrder(c, *id, users["leader"], std::nullopt, now));
        report->watch_orders.push_back(*id);
    }
    return Status::Ok();
}

// The passes of the demo orders' plates in the last day, as watch-list hits (so the alert board and the orders'
// hits are not empty on first login; `jingwu demo replay` adds live ones).
std::vector<PassHit> RecentHits(const analytics::Snapshot& snap, const std::vector<int64_t>& orders, int64_t now) {
    const auto& p = demo::Planted();
    const std::string* plates[] = {&p.watch_red, &p.watch_orange, &p.watch_blue};
    std::vector<PassHit> hits;
    for (size_t i = 0; i < orders.size() && i < 3; ++i) {
        for (const auto& pt : analytics::Trajectory(snap, *plates[i], now - analytics::kDaySeconds, now + 1)) {
            PassHit h;
            h.pass.plate = *plates[i];
            h.pass.checkpoint_id = pt.checkpoint_id;
            h.pass.time = pt.time;
            h.order_id = orders[i];
            hits.push_back(std::move(h));
        }
    }
    return hits;
}

Status AppendPasses(const demo::County& county, const std::string& pass_dir, int64_t now,
                    const DemoSeedOptions& options, DemoSeedReport* report, std::vector<PassHit>* recent,
                    std::map<std::string, int64_t>* last_passes) {
    const auto t0 = std::chrono::steady_clock::now();
    analytics::StoreOptions so;
    so.sync = options.sync;
    so.snapshot_log_bytes = 0;  // one snapshot at the end (Compact) instead of several on the way
    auto store = analytics::Store::Open(pass_dir, so);
    if (!store.ok()) return store.status();
    analytics::Store& s = **store;
    std::vector<analytics::Checkpoint> cps;
    for (const auto& cp : county.checkpoints) cps.push_back({cp.id, cp.name, cp.longitude, cp.latitude});
    JW_RETURN_IF_ERROR(s.UpsertCheckpoints(cps));
    if (s.GetSnapshot().pass_count() > 0) {
        report->skipped.push_back("passes: the engine already holds passes");
        return Status::Ok();
    }
    demo::PassOptions po;
    po.now = now;
    po.days = options.pass_days;
    po.passes_per_day = options.passes_per_day;
    auto n =
        demo::GeneratePasses(county, po, [&](std::vector<analytics::PassRecord>& batch) { return s.Append(batch); });
    if (!n.ok()) return n.status();
    JW_RETURN_IF_ERROR(s.Compact());
    *recent = RecentHits(s.GetSnapshot(), report->watch_orders, now);
    *last_passes = LastPasses(s.GetSnapshot(), now, analytics::kDaySeconds);
    report->passes = *n;
    report->pass_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return Status::Ok();
}

int EnvInt(const char* name, int fallback, int lo, int hi) {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0') return fallback;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*end != '\0' || n < lo || n > hi) {
        std::cerr << "warning: " << name << "=" << v << " ignored (expected " << lo << "–" << hi << ")\n";
        return fallback;
    }
    return static_cast<int>(n);
}

}  // namespace

Result<DemoSeedReport> SeedDemoWith(storage::Connection& c, const std::string& pass_dir, const std::string& key,
                                    int64_t now, const DemoSeedOptions& options) {
    const demo::County& county = demo::DemoCounty();
    DemoSeedReport report;
    JW_RETURN_IF_ERROR(RegisterCheckpoints(c, county, now, &report));
    JW_RETURN_IF_ERROR(SaveBaseMap(c, demo::BaseMapGeoJson(county), now));
    report.base_map = true;
    // The video-network platform serves the command centre: it receives the watch orders notifying it.
    JW_ASSIGN_OR_RETURN(auto units, UnitIds(c));
    const std::optional<int64_t> centre =
        units.count("指挥中心") ? std::optional<int64_t>(units["指挥中心"]) : std::nullopt;
    JW_RETURN_IF_ERROR(AddViidClient(c, key, kDemoClientId, kDemoClientPassword, "示范县视频专网平台", now, centre));
    report.viid_client = true;
    JW_RETURN_IF_ERROR(SeedWatchOrders(c, now, &report));
    std::vector<PassHit> recent;
    std::map<std::string, int64_t> last_passes;
    JW_RETURN_IF_ERROR(AppendPasses(county, pass_dir, now, options, &report, &recent, &last_passes));
    JW_RETURN_IF_ERROR(RecordHits(c, recent, now));
    // Health consistent with the passes (issue 13): each checkpoint and its capture device last seen at its last
    // pass, so the device list does not say "never reported" beside a day of statistics.
    JW_ASSIGN_OR_RETURN(auto seen, WithCaptureDevices(c, std::move(last_passes)));
    JW_RETURN_IF_ERROR(RecordSeen(c, seen).status());
    report.recent_hits = recent.size();
    return report;
}

Status SeedDemo(storage::Connection& c, const std::string& pass_dir, const std::string& key, int64_t now) {
    DemoSeedOptions options;
    options.pass_days = EnvInt("JINGWU_DEMO_PASS_DAYS", 30, 1, 366);
    options.passes_per_day = EnvInt("JINGWU_DEMO_PASSES_PER_DAY", 200000, 1000, 1000000);
    auto r = SeedDemoWith(c, pass_dir, key, now, options);
    if (!r.ok()) return r.status();
    char line[160];
    std::snprintf(line, sizeof line, "demo checkpoints: %d, watch orders: %zu, passes: %llu over %d days in %.1f s\n",
                  r->checkpoints, r->watch_orders.size(), static_cast<unsigned long long>(r->passes), options.pass_days,
                  r->pass_seconds);
    std::cout << line;
    for (const auto& s : r->skipped) std::cerr << "warning: demo skipped " << s << "\n";
    return Status::Ok();
}

}  // namespace jw::checkpoint
