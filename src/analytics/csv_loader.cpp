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

bool PlateFastPath::Canonical(std::string_view p) const {
    // A 7-character ordinary plate already in normal form: a 3-byte province, an office letter, five serial
    // characters, all ASCII upper case or digits (no separators, no full-width forms, no suffix character).
    if (p.size() != 9) return false;
    const auto office = static_cast<unsigned char>(p[3]);
    if (office < 'A' || office > 'Z' || office == 'I') return false;
    for (size_t i = 4; i < 9; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        const bool serial = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O');
        if (!serial) return false;
    }
    const uint32_t prefix = uint32_t{static_cast<unsigned char>(p[0])} << 16 |
                            uint32_t{static_cast<unsigned char>(p[1])} << 8 | static_cast<unsigned char>(p[2]);
    for (size_t i = 0; i < known_; ++i) {
        if (provinces_[i] == prefix) return true;
    }
    return false;
}

void PlateFastPath::Learn(std::string_view accepted) {
    // Called with a plate CheckPlate accepted unchanged by NormalisePlate: if it has the fast path's shape, its
    // first three bytes are a valid province.
    if (accepted.size() != 9 || known_ == kMaxProvinces) return;
    const uint32_t prefix = uint32_t{static_cast<unsigned char>(accepted[0])} << 16 |
                            uint32_t{static_cast<unsigned char>(accepted[1])} << 8 |
                            static_cast<unsigned char>(accepted[2]);
    for (size_t i = 0; i < known_; ++i) {
        if (provinces_[i] == prefix) return;
    }
    provinces_[known_++] = prefix;
}

Result<PassRecord> ParsePassFields(std::span<const std::string_view> f) {
    PlateFastPath none;
    return ParsePassFields(f, none);
}

Result<PassRecord> ParsePassFields(std::span<const std::string_view> f, PlateFastPath& plates) {
    if (f.size() != 7) return Bad("row", "expected 7 fields, got " + std::to_string(f.size()));
    PassRecord p;
    if (plates.Canonical(f[0])) {
        p.plate = std::string(f[0]);
    } else {
        p.plate = NormalisePlate(f[0]);
        Status st = CheckPlate(p.plate, "plate_no");
        if (!st.ok()) return st;
        if (p.plate == f[0]) plates.Learn(p.plate);
    }
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
    PlateFastPath plates;
    return LoadRecords(
        in, kPassFields, report, options,
        [&](const CsvRecord& rec) {
            auto p = ParsePassFields(rec.fields, plates);
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
