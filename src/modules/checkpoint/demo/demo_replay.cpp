#include "checkpoint/demo/demo_replay.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <queue>
#include <thread>

#include "checkpoint/demo/demo_geography.hpp"
#include "checkpoint/demo/demo_http_client.hpp"
#include "checkpoint/demo/demo_passes.hpp"
#include "checkpoint/viid/viid_codec.hpp"
#include "common/civil_time.hpp"
#include "common/json_util.hpp"

namespace jw::checkpoint {
namespace {

using analytics::PassRecord;

std::atomic<bool> g_stop{false};
extern "C" void OnSignal(int) { g_stop = true; }

constexpr const char* kDemoClientId = "51990100002000000001";
constexpr const char* kDemoClientPassword = "Viid@2026demo";
constexpr int64_t kHistory = 3600;  // trips are started this far back, so traffic is at full rate at once

struct Later {
    bool operator()(const PassRecord& a, const PassRecord& b) const { return a.time > b.time; }
};

// Live traffic on the demo county's roads: trips between random nodes started at a steady rate, each
// driving the road graph (demo::Drive), so a plate's consecutive passes are physically possible. Plates come
// from a range of the local fleet the seeded history does not use, cycling slowly, so a plate is never on two
// trips at once at the default rates.
class LiveTraffic {
  public:
    LiveTraffic(double rate, int64_t now) : county_(demo::DemoCounty()) {
        std::vector<PassRecord> sample;
        for (int i = 0; i < 500; ++i) StartTrip(now, &sample);
        trips_per_s_ = rate / (static_cast<double>(sample.size()) / 500);
        clock_ = now - kHistory;
        Advance(now - 1);  // passes up to a second ago are history; the first tick sends the last second
    }
    // Starts the trips due up to `now` and returns the passes whose time is ≤ now, in time order.
    std::vector<PassRecord> Advance(int64_t now) {
        for (; clock_ < now; ++clock_) {
            carry_ += trips_per_s_;
            std::vector<PassRecord> passes;
            for (; carry_ >= 1; carry_ -= 1) StartTrip(clock_, &passes);
            for (auto& p : passes)
                if (p.time >= now - 1) queue_.push(std::move(p));  // older passes are history before the replay
        }
        std::vector<PassRecord> due;
        while (!queue_.empty() && queue_.top().time <= now) {
            due.push_back(queue_.top());
            queue_.pop();
        }
        return due;
    }

  private:
    void StartTrip(int64_t start, std::vector<PassRecord>* out) {
        const auto nodes = static_cast<uint64_t>(county_.nodes.size());
        const int from = static_cast<int>(Next() % nodes);
        int to = static_cast<int>(Next() % nodes);
        if (to == from) to = (to + 1) % static_cast<int>(nodes);
        uint8_t colour = 0;
        const std::string plate = demo::LocalPlate(100000 + static_cast<uint32_t>(trips_++ % 230000), &colour);
        const double pace = 0.85 + 0.3 * static_cast<double>(Next() % 1000) / 1000;
        demo::Drive(county_, from, demo::Route(county_, from, to), start + static_cast<int64_t>(Next() % 60), pace,
                    plate, colour, static_cast<uint32_t>(Next()), out);
    }
    uint64_t Next() {
        state_ += 0x9e3779b97f4a7c15ULL;
        uint64_t x = state_;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }

    const demo::County& county_;
    uint64_t state_ = 0x5199010000000001ULL;
    uint64_t trips_ = 0;
    double trips_per_s_ = 1, carry_ = 0;
    int64_t clock_ = 0;
    std::priority_queue<PassRecord, std::vector<PassRecord>, Later> queue_;
};

// A planted watch-list plate passing its usual checkpoint (always the same one per plate, so the live passes
// never look like a cloned plate): red, orange, red, blue, … every 30 s, the first at once.
PassRecord WatchPass(int64_t n, int64_t now) {
    const auto& p = demo::Planted();
    const auto& county = demo::DemoCounty();
    static const int kOrder[] = {0, 1, 0, 2};
    const int which = kOrder[n % 4];
    const std::string* plates[] = {&p.watch_red, &p.watch_orange, &p.watch_blue};
    const int roads[] = {8, 6, 5};  // X101 (城关镇→青石镇), S205 (城关镇→南山乡), S205 (北坝镇→城关镇)
    const demo::Road& rd = county.roads[roads[which]];
    PassRecord r;
    r.plate = *plates[which];
    r.plate_color = demo::kBlue;
    r.checkpoint_id = county.checkpoints[rd.a == demo::kTown ? rd.checkpoint_a : rd.checkpoint_b].id;
    r.time = now;
    r.direction = 1;
    r.lane = 1;
    r.speed = 38;
    return r;
}

Json VehicleObject(const PassRecord& r, uint64_t serial) {
    const auto& county = demo::DemoCounty();
    std::string ape, road;
    for (const auto& cp : county.checkpoints)
        if (cp.id == r.checkpoint_id) ape = cp.ape_id, road = county.roads[cp.road].name;
    char seq[8];
    std::snprintf(seq, sizeof seq, "%05llu", static_cast<unsigned long long>(serial % 100000));
    // GA/T 1400 IDs: image = device (20) + "02" + time (14) + serial (5); object = image + "02" (vehicle) + serial.
    const std::string image_id = ape + "02" + viid::FormatViidTime(r.time) + seq;
    return Json{{"MotorVehicleID", image_id + "02" + seq},
                {"InfoKind", 1},
                {"SourceID", image_id},
                {"DeviceID", ape},
                {"TollgateID", r.checkpoint_id},
                {"LaneNo", r.lane},
                {"HasPlate", "1"},
                {"PlateClass", r.plate.size() > 9 ? "52" : "02"},
                {"PlateColor", std::to_string(r.plate_color)},
                {"PlateNo", r.plate},
                {"Speed", r.speed},
                {"Direction", std::to_string(r.direction)},
                {"PassTime", viid::FormatViidTime(r.time)},
                {"NameOfPassedRoad", road}};
}

class Session {
  public:
    Session(demo::HttpClient& http, std::string id, std::string password)
        : http_(http), id_(std::move(id)), password_(std::move(password)) {}

    // POST /VIID/System/Register: 401 with a Digest challenge, then again with the answer (RFC 7616).
    Status Register() {
        const std::string uri = "/VIID/System/Register";
        const std::string body = Json{{"RegisterObject", {{"DeviceID", id_}}}}.dump();
        JW_ASSIGN_OR_RETURN(auto first, http_.Send("POST", uri, Headers(), body));
        if (first.status != 401 || !first.headers.count("www-authenticate"))
            return Status::Internal(uri + ": HTTP " + std::to_string(first.status) + " " + first.body);
        const std::string cnonce = std::to_string(NowUnixMillis());
        JW_ASSIGN_OR_RETURN(auto auth, demo::DigestAuthorization(first.headers["www-authenticate"], id_, password_,
                                                                 "POST", uri, cnonce, 1));
        auto headers = Headers();
        headers["Authorization"] = auth;
        JW_ASSIGN_OR_RETURN(auto second, http_.Send("POST", uri, headers, body));
        JW_RETURN_IF_ERROR(Check(second, uri));
        // Every later call carries the session token Register issued (docs/adr/0016-viid-session-security.md).
        auto token = second.headers.find("x-viid-session");
        if (token == second.headers.end() || token->second.empty())
            return Status::Internal(uri + ": no X-VIID-Session in the reply");
        token_ = token->second;
        return Status::Ok();
    }
    Status System(const std::string& what) {
        const std::string uri = "/VIID/System/" + what;
        const std::string body = Json{{what + "Object", {{"DeviceID", id_}}}}.dump();
        JW_ASSIGN_OR_RETURN(auto r, http_.Send("POST", uri, Headers(), body));
        return Check(r, uri);
    }
    // Posts a list envelope; returns how many objects were answered with StatusCode 0.
    Result<size_t> PostVehicles(const std::vector<PassRecord>& passes) {
        Json list = Json::array();
        for (const auto& p : passes) list.push_back(VehicleObject(p, ++serial_));
        const std::string body = Json{{"MotorVehicleListObject", {{"MotorVehicleObject", std::move(list)}}}}.dump();
        JW_ASSIGN_OR_RETURN(auto r, http_.Send("POST", "/VIID/MotorVehicles", Headers(), body));
        if (r.status != 200)
            return Status::Internal("/VIID/MotorVehicles: HTTP " + std::to_string(r.status) + " " + r.body);
        auto j = Json::parse(r.body, nullptr, false);
        size_t ok = 0;
        const Json* items = j.is_object() ? viid::Field(j, "ResponseStatusListObject") : nullptr;
        if (items) items = viid::Field(*items, "ResponseStatusObject");
        if (items && items->is_array())
            for (const auto& item : *items)
                if (auto code = viid::TextField(item, "StatusCode"); code && *code == "0") ++ok;
        return ok;
    }

  private:
    std::map<std::string, std::string> Headers() const {
        std::map<std::string, std::string> h{{"Content-Type", viid::kContentType}, {"User-Identify", id_}};
        if (!token_.empty()) h["X-VIID-Session"] = token_;
        return h;
    }
    static Status Check(const demo::HttpResponse& r, const std::string& uri) {
        if (r.status != 200) return Status::Internal(uri + ": HTTP " + std::to_string(r.status) + " " + r.body);
        auto j = Json::parse(r.body, nullptr, false);
        const Json* inner = j.is_object() ? viid::Field(j, "ResponseStatusObject") : nullptr;
        auto code = inner ? viid::TextField(*inner, "StatusCode") : std::nullopt;
        if (code && *code != "0") return Status::Internal(uri + ": StatusCode " + *code + " " + r.body);
        return Status::Ok();
    }

    demo::HttpClient& http_;
    std::string id_, password_;
    std::string token_;
    uint64_t serial_ = 0;
};

}  // namespace

int RunDemoReplay(const ReplayOptions& options) {
    std::string host;
    int port = 0;
    if (Status s = demo::ParseHttpUrl(options.url, &host, &port); !s.ok()) {
        std::cerr << "error: --url " << options.url << ": expected http://host:port\n";
        return 2;
    }
    if (!(options.rate > 0 && options.rate <= 5000) || options.seconds < 0) {
        std::cerr << "error: --rate must be in (0, 5000] and --seconds ≥ 0\n";
        return 2;
    }
    const std::string id = options.client_id.empty() ? kDemoClientId : options.client_id;
    const std::string password = options.password.empty() ? kDemoClientPassword : options.password;
    demo::HttpClient http(host, port);
    Session session(http, id, password);
    if (Status s = session.Register(); !s.ok()) {
        std::cerr << "error: register as " << id << " at " << options.url << ": " << s.message() << "\n";
        return 1;
    }
    std::cout << "registered as " << id << " at " << options.url << "; streaming " << options.rate
              << " passes/s (Ctrl-C stops)" << std::endl;
    g_stop = false;
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);

    const auto start = std::chrono::steady_clock::now();
    LiveTraffic traffic(options.rate, NowUnix());
    uint64_t sent = 0, accepted = 0, watch = 0;
    int exit_code = 0;
    for (int64_t tick = 0; !g_stop; ++tick) {
        if (options.seconds > 0 && tick >= options.seconds) break;
        std::this_thread::sleep_until(start + std::chrono::seconds(tick));
        if (g_stop) break;
        const int64_t now = NowUnix();
        std::vector<PassRecord> due = traffic.Advance(now);
        if (tick % 30 == 0) {
            due.push_back(WatchPass(tick / 30, now));
            ++watch;
        }
        if (tick > 0 && tick % 30 == 0) {
            if (Status s = session.System("Keepalive"); !s.ok())
                std::cerr << "warning: keepalive: " << s.message() << "\n";
        }
        for (size_t i = 0; i < due.size(); i += 1000) {  // GA/T 1400 lists of at most 1000 objects per post
            std::vector<PassRecord> part(due.begin() + static_cast<ptrdiff_t>(i),
                                         due.begin() + static_cast<ptrdiff_t>(std::min(due.size(), i + 1000)));
            auto ok = session.PostVehicles(part);
            if (!ok.ok()) {
                std::cerr << "error: " << ok.status().message() << "\n";
                exit_code = 1;
                g_stop = true;
                break;
            }
            sent += part.size();
            accepted += *ok;
        }
        if (tick % 5 == 4 || (options.seconds > 0 && tick + 1 == options.seconds))
            std::cout << FormatChinaTime(now) << "  sent " << sent << "  accepted " << accepted
                      << "  watch-list passes " << watch << std::endl;
    }
    if (Status s = session.System("UnRegister"); !s.ok()) std::cerr << "warning: unregister: " << s.message() << "\n";
    std::cout << "stopped: sent " << sent << ", accepted " << accepted << std::endl;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return exit_code != 0 ? exit_code : (sent > 0 && accepted == 0 ? 1 : 0);
}

}  // namespace jw::checkpoint
