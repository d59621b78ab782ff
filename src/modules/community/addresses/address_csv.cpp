#include "community/addresses/address_csv.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "common/csv.hpp"
#include "common/csv_reader.hpp"

namespace jw::community {
namespace {

const std::vector<std::string> kColumns = {"address_id", "full_name", "longitude", "latitude",  "grid_id",
                                           "level",      "parent_id", "township",  "community", "road",
                                           "house_no",   "building",  "unit",      "room"};

std::string Coord(const std::optional<double>& v) {
    if (!v) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", *v);
    return buf;
}

bool CodeOk(std::string_view s) {
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-')) return false;
    }
    return true;
}

Result<std::optional<double>> Number(const CsvReader& r, const CsvRecord& rec, size_t i, const std::string& name,
                                     double lo, double hi) {
    const std::string s(rec[i]);
    if (s.empty()) return std::optional<double>{};
    size_t used = 0;
    double v = 0;
    try {
        v = std::stod(s, &used);
    } catch (...) {
        used = 0;
    }
    if (used != s.size()) return CsvInvalid(name, "not_a_number", r.Where(rec, i));
    if (v < lo || v > hi) return CsvInvalid(name, "out_of_range", r.Where(rec, i));
    return std::optional<double>(v);
}

}  // namespace

Result<std::vector<Address>> ParseAddressesCsv(std::string_view text) {
    CsvOptions opt;
    opt.name = "file";
    opt.trim = true;
    CsvReader reader(text, opt);
    CsvRecord rec;
    JW_ASSIGN_OR_RETURN(bool any, reader.Next(&rec));
    if (!any) return Status::Invalid("file", "empty (a header row is required)");
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < rec.size(); ++i) {
        const std::string name(rec[i]);
        if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end())
            return CsvInvalid(name.empty() ? "file" : name, "unknown_column", reader.Where(rec, i));
        if (!col.emplace(name, i).second) return CsvInvalid(name, "duplicate_column", reader.Where(rec, i));
    }
    for (const char* need : {"address_id", "full_name"}) {
        if (!col.count(need)) return CsvInvalid(need, "missing_column", reader.Where(rec, 0));
    }
    std::vector<Address> out;
    std::set<std::string> seen;
    while (true) {
        JW_ASSIGN_OR_RETURN(bool more, reader.Next(&rec));
        if (!more) break;
        auto get = [&](const char* name) -> std::string {
            auto it = col.find(name);
            return it == col.end() || it->second >= rec.size() ? "" : std::string(rec[it->second]);
        };
        auto where = [&](const char* name) {
            auto it = col.find(name);
            return reader.Where(rec, it == col.end() ? 0 : it->second);
        };
        Address a;
        a.code = get("address_id");
        a.full_name = get("full_name");
        if (a.code.empty()) return CsvInvalid("address_id", "required", where("address_id"));
        if (a.code.size() > 64) return CsvInvalid("address_id", "too_long", where("address_id"));
        if (!CodeOk(a.code)) return CsvInvalid("address_id", "bad_code", where("address_id"));
        if (!seen.insert(a.code).second) return CsvInvalid("address_id", "duplicate", where("address_id"));
        if (a.full_name.empty()) return CsvInvalid("full_name", "required", where("full_name"));
        if (a.full_name.size() > 400) return CsvInvalid("full_name", "too_long", where("full_name"));
        a.parent_code = get("parent_id");
        a.township = get("township");
        a.community = get("community");
        a.road = get("road");
        a.house_no = get("house_no");
        a.building = get("building");
        a.unit = get("unit");
        a.room = get("room");
        for (const char* f : {"township", "community", "road", "house_no", "building", "unit", "room", "parent_id"}) {
            if (get(f).size() > 100) return CsvInvalid(f, "too_long", where(f));
        }
        a.level = get("level");
        if (a.level.empty()) {
            a.level = "county";
            const std::pair<const std::string*, const char*> order[] = {
                {&a.township, "township"}, {&a.community, "community"}, {&a.road, "road"}, {&a.house_no, "house"},
                {&a.building, "building"}, {&a.unit, "unit"},           {&a.room, "room"}};
            for (const auto& [v, name] : order)
                if (!v->empty()) a.level = name;
        } else if (std::find(std::begin(kLevels), std::end(kLevels), a.level) == std::end(kLevels)) {
            return CsvInvalid("level", "unknown_level", where("level"));
        }
        if (auto it = col.find("longitude"); it != col.end() && it->second < rec.size()) {
            JW_ASSIGN_OR_RETURN(a.longitude, Number(reader, rec, it->second, "longitude", -180, 180));
        }
        if (auto it = col.find("latitude"); it != col.end() && it->second < rec.size()) {
            JW_ASSIGN_OR_RETURN(a.latitude, Number(reader, rec, it->second, "latitude", -90, 90));
        }
        if (a.longitude.has_value() != a.latitude.has_value())
            return CsvInvalid(a.longitude ? "latitude" : "longitude", "both_or_neither",
                              where(a.longitude ? "latitude" : "longitude"));
        if (const std::string g = get("grid_id"); !g.empty()) {
            if (g.size() > 64) return CsvInvalid("grid_id", "too_long", where("grid_id"));
            a.grid_id = g;
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::string AddressesToCsv(const std::vector<Address>& addresses) {
    std::string out;
    for (size_t i = 0; i < kColumns.size(); ++i) out += (i ? "," : "") + kColumns[i];
    out += "\n";
    for (const Address& a : addresses) {
        const std::string cells[] = {a.code,
                                     a.full_name,
                                     Coord(a.longitude),
                                     Coord(a.latitude),
                                     a.grid_id.value_or(""),
                                     a.level,
                                     a.parent_code,
                                     a.township,
                                     a.community,
                                     a.road,
                                     a.house_no,
                                     a.building,
                                     a.unit,
                                     a.room};
        for (size_t i = 0; i < std::size(cells); ++i) out += (i ? "," : "") + CsvField(cells[i]);
        out += "\n";
    }
    return out;
}

}  // namespace jw::community
