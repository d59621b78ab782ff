#include "community/houses/places_csv.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "common/civil_time.hpp"
#include "common/csv.hpp"
#include "common/csv_reader.hpp"

namespace jw::community {
namespace {

// Reads the header and the rows into column → text maps.
struct Table {
    std::vector<std::pair<size_t, std::map<std::string, std::string>>> rows;
};

Result<Table> ReadTable(std::string_view text, const std::set<std::string>& columns,
                        const std::set<std::string>& required, const std::set<std::string>& ignored) {
    CsvOptions opt;
    opt.name = "file";
    opt.trim = true;
    CsvReader reader(text, opt);
    CsvRecord rec;
    JW_ASSIGN_OR_RETURN(bool any, reader.Next(&rec));
    if (!any) return Status::Invalid("file", "empty (a header row is required)");
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (size_t i = 0; i < rec.size(); ++i) {
        std::string name(rec[i]);
        if (i == 0 && name.starts_with("\xEF\xBB\xBF")) name = name.substr(3);  // a spreadsheet's BOM
        if (!columns.count(name) && !ignored.count(name))
            return CsvInvalid(name, "unknown_column", reader.Where(rec, i));
        if (!seen.insert(name).second) return CsvInvalid(name, "duplicate_column", reader.Where(rec, i));
        names.push_back(name);
    }
    for (const auto& r : required)
        if (!seen.count(r)) return CsvInvalid(r, "missing_column", "line 1");
    Table t;
    while (true) {
        JW_ASSIGN_OR_RETURN(bool more, reader.Next(&rec));
        if (!more) break;
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < rec.size() && i < names.size(); ++i) {
            if (ignored.count(names[i])) continue;
            row[names[i]] = std::string(rec[i]);
            if (required.count(names[i]) && rec[i].empty())
                return CsvInvalid(names[i], "required", reader.Where(rec, i));
        }
        for (const auto& r : required)
            if (!row.count(r)) return CsvInvalid(r, "required", "line " + std::to_string(rec.line));
        t.rows.push_back({rec.line, std::move(row)});
    }
    return t;
}

Result<std::optional<int64_t>> IdCell(const std::map<std::string, std::string>& row, const std::string& name,
                                      size_t line) {
    auto it = row.find(name);
    if (it == row.end() || it->second.empty()) return std::optional<int64_t>();
    int64_t v = 0;
    for (char ch : it->second) {
        if (ch < '0' || ch > '9' || v > INT64_MAX / 10 - 9)
            return CsvInvalid(name, "not_a_number", "line " + std::to_string(line));
        v = v * 10 + (ch - '0');
    }
    if (v < 1) return CsvInvalid(name, "not_a_number", "line " + std::to_string(line));
    return std::optional<int64_t>(v);
}

std::string Cell(const std::map<std::string, std::string>& row, const std::string& name) {
    auto it = row.find(name);
    return it == row.end() ? "" : it->second;
}

std::string OptId(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }

}  // namespace

Status AtLine(const Status& s, size_t line) {
    return Status(s.code(), "line " + std::to_string(line) + ": " + s.message(), s.fields());
}

Result<std::vector<CsvRow<HouseInput>>> ParseHousesCsv(std::string_view text) {
    JW_ASSIGN_OR_RETURN(
        Table t, ReadTable(text, {"address_id", "use", "owner_person_id", "area_m2", "notes"}, {"address_id", "use"},
                           {"id", "address_name", "checked_at", "tenants_current", "tenants_unreported"}));
    std::vector<CsvRow<HouseInput>> out;
    for (auto& [line, row] : t.rows) {
        HouseInput h;
        h.address_id = Cell(row, "address_id");
        h.use = Cell(row, "use");
        JW_ASSIGN_OR_RETURN(h.owner_person_id, IdCell(row, "owner_person_id", line));
        if (const std::string a = Cell(row, "area_m2"); !a.empty()) {
            char* end = nullptr;
            const double v = std::strtod(a.c_str(), &end);
            if (end != a.c_str() + a.size())
                return CsvInvalid("area_m2", "not_a_number", "line " + std::to_string(line));
            h.area_m2 = v;
        }
        h.notes = Cell(row, "notes");
        out.push_back({line, std::move(h)});
    }
    return out;
}

std::string HousesToCsv(const std::vector<House>& houses) {
    std::string out = "id,address_id,address_name,use,owner_person_id,area_m2,notes,checked_at\n";
    for (const House& h : houses) {
        char area[32] = "";
        if (h.area_m2) std::snprintf(area, sizeof area, "%.2f", *h.area_m2);
        out += std::to_string(h.id) + "," + CsvField(h.address_id) + "," + CsvField(h.address_name) + "," + h.use +
               "," + OptId(h.owner_person_id) + "," + area + "," + CsvField(h.notes) + "," +
               (h.checked_at ? FormatUtcIso(*h.checked_at) : "") + "\n";
    }
    return out;
}

Result<std::vector<CsvRow<OrgInput>>> ParseOrgsCsv(std::string_view text) {
    JW_ASSIGN_OR_RETURN(Table t, ReadTable(text,
                                           {"name", "address_id", "kind", "credit_code", "phone", "legal_rep_person_id",
                                            "security_contact_person_id"},
                                           {"name", "address_id", "kind"}, {"id", "address_name"}));
    std::vector<CsvRow<OrgInput>> out;
    for (auto& [line, row] : t.rows) {
        OrgInput o;
        o.name = Cell(row, "name");
        o.address_id = Cell(row, "address_id");
        o.kind = Cell(row, "kind");
        o.credit_code = Cell(row, "credit_code");
        o.phone = Cell(row, "phone");
        JW_ASSIGN_OR_RETURN(o.legal_rep_person_id, IdCell(row, "legal_rep_person_id", line));
        JW_ASSIGN_OR_RETURN(o.security_contact_person_id, IdCell(row, "security_contact_person_id", line));
        out.push_back({line, std::move(o)});
    }
    return out;
}

std::string OrgsToCsv(const std::vector<Org>& orgs) {
    std::string out =
        "id,name,credit_code,address_id,address_name,kind,phone,legal_rep_person_id,security_contact_person_id\n";
    for (const Org& o : orgs)
        out += std::to_string(o.id) + "," + CsvField(o.name) + "," + o.credit_code + "," + CsvField(o.address_id) +
               "," + CsvField(o.address_name) + "," + o.kind + "," + CsvField(o.phone) + "," +
               OptId(o.legal_rep_person_id) + "," + OptId(o.security_contact_person_id) + "\n";
    return out;
}

}  // namespace jw::community
