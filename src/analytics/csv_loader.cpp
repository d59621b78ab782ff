#include "analytics/csv_loader.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <span>

#include "common/civil_time.hpp"
#include "common/csv_reader.hpp"
#include "common/validators.hpp"

namespace jw::analytics {
namespace {

constexpr std::string_view kPassFields[] = {"plate_no",  "plate_color", "checkpoint_id", "pass_time",
                                            "direction", "lane_no",     "speed"};
constexpr std::string_view kCheckpointFields[] = {"checkpoint_id", "name", "longitude", "latitude"};
constexpr size_t kBlockBytes = size_t{1} << 20;

// Spaces around fields were always allowed in this format; a line of only spaces is blank.
CsvOptions ReaderOptions(size_t first_line = 1, bool final = true) {
    return CsvOptions{.name = "csv", .trim = true, .first_line = first_line, .final = final};
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

}  // namespace

std::string DescribeRowError(const Status& st, const CsvReader& reader, const CsvRecord& rec,
                             std::span<const std::string_view> names) {
    std::string msg;
    for (const auto& [f, p] : st.fields()) {
        msg += (msg.empty() ? "" : "; ") + f + ": " + p;
        for (size_t i = 0; i < names.size() && i < rec.size(); ++i)
            if (names[i] == f) msg += " (column " + std::to_string(reader.PositionOf(rec, i).column) + ")";
    }
    return msg.empty() ? st.message() : msg;
}

std::string DescribePassError(const Status& st, const CsvReader& reader, const CsvRecord& rec) {
    return DescribeRowError(st, reader, rec, kPassFields);
}

namespace {

// Reads `in` a block at a time through the shared CSV reader (a record cut by a block's end is carried into
// the next block), checks the header, hands each record to `parse` and calls `flush` every batch_rows good rows.
template <typename Parse, typename Flush>
Status LoadRecords(std::istream& in, std::span<const std::string_view> header, LoadReport* report,
                   const LoadOptions& options, Parse parse, Flush flush) {
    const auto t0 = std::chrono::steady_clock::now();
    auto reject = [&](uint64_t line, std::string message) {
        ++report->rows_rejected;
        if (report->errors.size() < options.max_errors) report->errors.push_back({line, std::move(message)});
    };
    const auto bad_header = [&] {
        std::string h;
        for (auto f : header) h += (h.empty() ? "" : ",") + std::string(f);
        return Status::Invalid("header", "expected \"" + h + "\"");
    };
    std::string buf;
    size_t line = 1, pending = 0;
    bool header_seen = false, final = false;
    CsvRecord rec;
    while (!final) {
        const size_t kept = buf.size();
        buf.resize(kept + kBlockBytes);
        in.read(buf.data() + kept, static_cast<std::streamsize>(kBlockBytes));
        buf.resize(kept + static_cast<size_t>(in.gcount()));
        final = !in;
        CsvReader reader(buf, ReaderOptions(line, final));
        for (;;) {
            auto more = reader.Next(&rec);
            if (!more.ok()) {
                if (!header_seen) return bad_header();
                const CsvError& e = reader.last_error();
                reject(e.at.line, "column " + std::to_string(e.at.column) + ": " + e.problem);
                continue;
            }
            if (!*more) break;
            if (!header_seen) {
                if (!std::equal(rec.fields.begin(), rec.fields.end(), header.begin(), header.end()))
                    return bad_header();
                header_seen = true;
                continue;
            }
            Status st = parse(rec);
            if (!st.ok()) {
                reject(rec.line, DescribeRowError(st, reader, rec, header));
                continue;
            }
            if (++pending == options.batch_rows) {
                JW_RETURN_IF_ERROR(flush());
                report->rows_loaded += pending;
                pending = 0;
            }
        }
        line = reader.line();
        buf.erase(0, reader.consumed());
    }
    if (!header_seen) return bad_header();
    if (pending > 0) {
        JW_RETURN_IF_ERROR(flush());
        report->rows_loaded += pending;
    }
    report->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return Status::Ok();
}

}  // namespace

Result<PassRecord> ParsePassLine(std::string_view line) {
    CsvReader reader(line, ReaderOptions());
    CsvRecord rec;
    JW_ASSIGN_OR_RETURN(const bool any, reader.Next(&rec));
    if (!any) return Bad("row", "expected 7 fields, got 0");
    return ParsePassFields(rec.fields);
}

Result<PassRecord> ParsePassFields(std::span<const std::string_view> f) {
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
    return LoadRecords(
        in, kPassFields, report, options,
        [&](const CsvRecord& rec) {
            auto p = ParsePassFields(rec.fields);
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
    return LoadRecords(
        in, kCheckpointFields, report, options,
        [&](const CsvRecord& rec) {
            const auto& f = rec.fields;
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
