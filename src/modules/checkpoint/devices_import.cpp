// CSV import of checkpoints and devices (all or nothing, errors by line).
#include <map>
#include <vector>

#include "checkpoint/devices_repository.hpp"

namespace jw::checkpoint {
namespace {

constexpr size_t kMaxRows = 10000;
const std::vector<std::string> kColumns = {"id",       "kind",       "name",        "longitude",
                                           "latitude", "place_code", "tollgate_id", "category"};

// RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. Each record keeps the line
// number it starts on.
struct Record {
    int line = 0;
    std::vector<std::string> cells;
};

std::vector<Record> SplitCsv(std::string_view text) {
    std::vector<Record> out;
    Record rec{1, {}};
    std::string cell;
    bool quoted = false, any = false;
    int line = 1;
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                if (ch == '\n') ++line;
                cell += ch;
            }
            continue;
        }
        if (ch == '"') {
            quoted = true;
            any = true;
        } else if (ch == ',') {
            rec.cells.push_back(std::move(cell));
            cell.clear();
            any = true;
        } else if (ch == '\r') {
            continue;
        } else if (ch == '\n') {
            rec.cells.push_back(std::move(cell));
            cell.clear();
            if (any || rec.cells.size() > 1 || !rec.cells[0].empty()) out.push_back(std::move(rec));
            rec = Record{++line, {}};
            any = false;
        } else {
            cell += ch;
            any = true;
        }
    }
    if (any || !cell.empty()) {
        rec.cells.push_back(std::move(cell));
        out.push_back(std::move(rec));
    }
    return out;
}

std::string Trim(std::string s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// The first problem of a row as "<column>: <problem>".
std::string FirstProblem(const Status& s) {
    if (s.fields().empty()) return s.message();
    const auto& [k, v] = *s.fields().begin();
    return k + ": " + v;
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
    if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
    auto records = SplitCsv(csv);
    if (records.empty()) return Status::Invalid("csv", "required");
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < records[0].cells.size(); ++i) col[Trim(records[0].cells[i])] = i;
    for (const auto& name : kColumns) {
        if (!col.count(name)) return Status::Invalid("csv", "missing column " + name);
    }
    if (records.size() - 1 > kMaxRows) return Status::Invalid("csv", "too_many");
    if (records.size() == 1) return Status::Invalid("csv", "required");

    std::map<std::string, std::string> bad;
    ImportSummary sum;
    // Tollgates first, so an APE may name a checkpoint further down the same file.
    for (int pass = 0; pass < 2; ++pass) {
        for (size_t r = 1; r < records.size(); ++r) {
            const auto& rec = records[r];
            auto cell = [&](const std::string& name) {
                const size_t i = col[name];
                return i < rec.cells.size() ? Trim(rec.cells[i]) : std::string();
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
                bad.emplace(key, "longitude: bad_format");
                continue;
            }
            if (!ParseCoordinate(cell("latitude"), &d.latitude)) {
                bad.emplace(key, "latitude: bad_format");
                continue;
            }
            // Keep what an import does not carry (unit, place, lanes, enabled) on an existing device.
            JW_ASSIGN_OR_RETURN(
                auto existing,
                c.Query("SELECT unit_id, place, lane_count, enabled FROM checkpoint_devices WHERE id = ?",
                        {storage::V(d.id)}));
            if (!existing.empty()) {
                if (!existing[0].IsNull(0)) d.unit_id = existing[0].Int(0);
                d.place = existing[0].Str(1);
                d.lane_count = static_cast<int>(existing[0].Int(2));
                d.enabled = existing[0].Bool(3);
            }
            if (Status s = UpsertDevice(c, d, now); !s.ok()) {
                if (s.code() != ErrorCode::kInvalidArgument) return s;
                bad.emplace(key, FirstProblem(s));
                continue;
            }
            ++(existing.empty() ? sum.created : sum.updated);
        }
    }
    if (!bad.empty()) {
        std::string message = "import rejected: " + std::to_string(bad.size()) + " bad lines";
        return Status(ErrorCode::kInvalidArgument, std::move(message), std::move(bad));
    }
    return sum;
}

}  // namespace jw::checkpoint
