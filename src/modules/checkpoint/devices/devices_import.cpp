// CSV import of checkpoints and devices (all or nothing, errors by line).
#include <map>
#include <vector>

#include "checkpoint/devices/devices_repository.hpp"
#include "common/csv_reader.hpp"

namespace jw::checkpoint {
namespace {

constexpr size_t kMaxRows = 10000;
const std::vector<std::string> kColumns = {"id",       "kind",       "name",        "longitude",
                                           "latitude", "place_code", "tollgate_id", "category"};

// The first problem of a row as "<column>: <problem>", and where that column's cell is when the file has it.
std::string FirstProblem(const Status& s, const CsvRow& row, const std::map<std::string, size_t>& col) {
    if (s.fields().empty()) return s.message();
    const auto& [k, v] = *s.fields().begin();
    auto it = col.find(k);
    if (it == col.end() || it->second >= row.size()) return k + ": " + v;
    return k + ": " + v + " (" + row.Where(it->second) + ")";
}

bool ParseCoordinate(const std::string& text, double* out) {
    if (text.empty()) return true;
    try {
        size_t used = 0;
        *out = std::stod(text, &used);
        return used == text.size();
    } catch (...) {
        return false;
    }
}

}  // namespace

Result<ImportSummary> ImportDevicesCsv(storage::Connection& c, std::string_view csv, int64_t now) {
    // The header and at most kMaxRows rows; a syntax error (an unclosed quote…) refuses the file, naming where.
    JW_ASSIGN_OR_RETURN(const auto records,
                        ReadCsv(csv, CsvOptions{.name = "csv", .trim = true, .max_records = kMaxRows + 1}));
    if (records.empty()) return Status::Invalid("csv", "required");
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < records[0].size(); ++i) col[records[0][i]] = i;
    for (const auto& name : kColumns) {
        if (!col.count(name)) return Status::Invalid("csv", "missing column " + name);
    }
    if (records.size() == 1) return Status::Invalid("csv", "required");

    std::map<std::string, std::string> bad;
    ImportSummary sum;
    // Tollgates first, so an APE may name a checkpoint further down the same file.
    for (int pass = 0; pass < 2; ++pass) {
        for (size_t r = 1; r < records.size(); ++r) {
            const auto& rec = records[r];
            auto cell = [&](const std::string& name) {
                const size_t i = col[name];
                return i < rec.size() ? rec[i] : std::string();
            };
            const bool tollgate = cell("kind") != "ape";
            if ((pass == 0) != tollgate) continue;
            const std::string key = "line " + std::to_string(rec.line);
            Device d;
            d.id = cell("id");
            d.kind = cell("kind");
            d.name = cell("name");
            d.place_code = cell("place_code");
            d.tollgate_id = cell("tollgate_id");
            d.category = cell("category");
            if (!ParseCoordinate(cell("longitude"), &d.longitude)) {
                bad.emplace(key, "longitude: bad_format (" + rec.Where(col["longitude"]) + ")");
                continue;
            }
            if (!ParseCoordinate(cell("latitude"), &d.latitude)) {
                bad.emplace(key, "latitude: bad_format (" + rec.Where(col["latitude"]) + ")");
                continue;
            }
            // Keep what an import does not carry (unit, place, lanes, enabled) on an existing device.
            JW_ASSIGN_OR_RETURN(const auto existing, store::KeptFields(c, d.id));
            if (existing) {
                d.unit_id = existing->unit_id;
                d.place = existing->place;
                d.lane_count = existing->lane_count;
                d.enabled = existing->enabled;
            }
            if (Status s = UpsertDevice(c, d, now); !s.ok()) {
                if (s.code() != ErrorCode::kInvalidArgument) return s;
                bad.emplace(key, FirstProblem(s, rec, col));
                continue;
            }
            ++(existing ? sum.updated : sum.created);
        }
    }
    if (!bad.empty()) {
        return Status(ErrorCode::kInvalidArgument, "import_rejected", std::move(bad));  // one field per bad line
    }
    return sum;
}

}  // namespace jw::checkpoint
