#include "analytics/csv_loader.hpp"

#include <charconv>
#include <chrono>
#include <cmath>

#include "common/civil_time.hpp"
#include "common/validators.hpp"

namespace jw::analytics {
namespace {

constexpr std::string_view kPassHeader = "plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed";
constexpr std::string_view kCheckpointHeader = "checkpoint_id,name,longitude,latitude";

std::vector<std::string_view> Split(std::string_view line) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        size_t comma = line.find(',', start);
        out.push_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    for (auto& f : out) {
        while (!f.empty() && (f.front() == ' ' || f.front() == '\t')) f.remove_prefix(1);
        while (!f.empty() && (f.back() == ' ' || f.back() == '\t')) f.remove_suffix(1);
    }
    return out;
}

std::string_view StripLine(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

bool ParseSmallInt(std::string_view f, int max, int* out) {
    int v = 0;
    auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
    if (ec != std::errc() || p != f.data() + f.size() || v < 0 || v > max) return false;
    *out = v;
    return true;
}

bool ParseDouble(std::string_view f, double* out) {
    if (f.empty()) return false;
    auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), *out);
    return ec == std::errc() && p == f.data() + f.size() && std::isfinite(*out);
}

Status Bad(std::string_view field, std::string_view problem) {
    return Status::Invalid(std::string(field), std::string(problem));
}

template <typename Parse, typename Flush>
Status LoadLines(std::istream& in, std::string_view header, LoadReport* report, const LoadOptions& options,
                 Parse parse, Flush flush) {
    const auto t0 = std::chrono::steady_clock::now();
    std::string line;
    uint64_t line_no = 1;
    std::string_view first;
    if (std::getline(in, line)) {
        first = StripLine(line);
        if (first.substr(0, 3) == "\xEF\xBB\xBF") first.remove_prefix(3);  // UTF-8 BOM
    }
    if (first != header) return Status::Invalid("header", "expected \"" + std::string(header) + "\"");
    size_t pending = 0;
    while (std::getline(in, line)) {
        ++line_no;
        std::string_view l = StripLine(line);
        if (l.empty()) continue;
        Status st = parse(l);
        if (!st.ok()) {
            ++report->rows_rejected;
            if (report->errors.size() < options.max_errors) {
                std::string msg;
                for (const auto& [f, p] : st.fields()) msg += (msg.empty() ? "" : "; ") + f + ": " + p;
                report->errors.push_back({line_no, msg.empty() ? st.message() : msg});
            }
            continue;
        }
        if (++pending == options.batch_rows) {
            JW_RETURN_IF_ERROR(flush());
            report->rows_loaded += pending;
            pending = 0;
        }
    }
    if (pending > 0) {
        JW_RETURN_IF_ERROR(flush());
        report->rows_loaded += pending;
    }
    report->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return Status::Ok();
}

}  // namespace

Result<PassRecord> ParsePassLine(std::string_view line) {
    const auto f = Split(line);
    if (f.size() != 7) return Bad("row", "expected 7 fields, got " + std::to_string(f.size()));
    PassRecord p;
    p.plate = NormalisePlate(f[0]);
    Status st = CheckPlate(p.plate, "plate_no");
    if (!st.ok()) return st;
    int v = 0;
    if (!ParseSmallInt(f[1], 255, &v)) return Bad("plate_color", "bad_number");
    p.plate_color = static_cast<uint8_t>(v);
    if (f[2].empty() || f[2].size() > 64) return Bad("checkpoint_id", "bad_length");
    p.checkpoint_id = std::string(f[2]);
    auto t = ParseChinaTime(f[3]);
    if (!t) return Bad("pass_time", "bad_time");
    if (*t < 0 || *t > int64_t{UINT32_MAX}) return Bad("pass_time", "out_of_range");
    p.time = *t;
    if (!ParseSmallInt(f[4], 255, &v)) return Bad("direction", "bad_number");
    p.direction = static_cast<uint8_t>(v);
    if (!ParseSmallInt(f[5], 255, &v)) return Bad("lane_no", "bad_number");
    p.lane = static_cast<uint8_t>(v);
    double speed = 0;
    if (!ParseDouble(f[6], &speed) || speed < 0 || speed > 999) return Bad("speed", "bad_number");
    p.speed = static_cast<uint16_t>(std::lround(speed));
    return p;
}

Status LoadPassesCsv(Store& store, std::istream& in, LoadReport* report, const LoadOptions& options) {
    std::vector<PassRecord> batch;
    batch.reserve(options.batch_rows);
    return LoadLines(
        in, kPassHeader, report, options,
        [&](std::string_view line) {
            auto p = ParsePassLine(line);
            if (!p.ok()) return p.status();
            batch.push_back(std::move(p).value());
            return Status::Ok();
        },
        [&]() {
            Status st = store.Append(batch);
            batch.clear();
            return st;
        });
}

Status LoadCheckpointsCsv(Store& store, std::istream& in, LoadReport* report, const LoadOptions& options) {
    std::vector<Checkpoint> batch;
    return LoadLines(
        in, kCheckpointHeader, report, options,
        [&](std::string_view line) {
            const auto f = Split(line);
            if (f.size() != 4) return Bad("row", "expected 4 fields, got " + std::to_string(f.size()));
            Checkpoint c;
            if (f[0].empty() || f[0].size() > 64) return Bad("checkpoint_id", "bad_length");
            c.id = std::string(f[0]);
            c.name = std::string(f[1]);
            if (!ParseDouble(f[2], &c.longitude) || c.longitude < -180 || c.longitude > 180) {
                return Bad("longitude", "bad_number");
            }
            if (!ParseDouble(f[3], &c.latitude) || c.latitude < -90 || c.latitude > 90) {
                return Bad("latitude", "bad_number");
            }
            batch.push_back(std::move(c));
            return Status::Ok();
        },
        [&]() {
            Status st = store.UpsertCheckpoints(batch);
            batch.clear();
            return st;
        });
}

}  // namespace jw::analytics
