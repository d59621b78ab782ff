#include "community/people/people_csv.hpp"

#include <map>
#include <set>
#include <unordered_set>

#include "common/csv.hpp"
#include "common/csv_reader.hpp"
#include "common/validators.hpp"
#include "community/people/people_json.hpp"
#include "community/people/people_repository.hpp"
#include "community/people/people_service.hpp"
#include "community/people/person_identity.hpp"

namespace jw::community {
namespace {

using storage::V;

const std::vector<std::string> kColumns = {
    "id_kind",       "id_number",     "nationality",          "name",     "sex",    "birth_date",
    "ethnicity",     "hukou_address", "residence_address_id", "category", "phones", "permit_no",
    "permit_expires"};
constexpr size_t kMaxErrors = 100;

std::vector<std::string> SplitPhones(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : s) {
        if (ch == ';') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else if (ch != ' ') {
            cur += ch;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

}  // namespace

Json ReportJson(const PeopleImportReport& r) {
    Json errors = Json::array();
    for (const auto& e : r.errors) errors.push_back({{"line", e.line}, {"field", e.field}, {"problem", e.problem}});
    return {{"kind", "people"}, {"rows", r.rows}, {"created", r.created}, {"existing", r.existing}, {"errors", errors}};
}

ParsedPeople ParsePeopleCsv(std::string_view text) {
    ParsedPeople out;
    CsvOptions opt;
    opt.name = "file";
    opt.trim = true;
    CsvReader reader(text, opt);
    CsvRecord rec;
    auto problem = [&](size_t line, std::string field, std::string p) {
        if (out.errors.size() < kMaxErrors) out.errors.push_back({line, std::move(field), std::move(p)});
    };
    auto header = reader.Next(&rec);
    if (!header.ok() || !*header) {
        problem(1, "file", header.ok() ? "empty" : header.status().fields().begin()->second);
        return out;
    }
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < rec.size(); ++i) {
        std::string name(rec[i]);
        if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end())
            problem(rec.line, name, "unknown_column");
        else if (!col.emplace(name, i).second)
            problem(rec.line, name, "duplicate_column");
    }
    for (const char* req : {"id_number", "name"})
        if (!col.count(req)) problem(rec.line, req, "missing_column");
    if (!out.errors.empty()) return out;
    std::unordered_set<std::string> seen;  // a million identities: hashing, not a tree of string compares
    seen.reserve(text.size() / 64);
    for (;;) {
        auto next = reader.Next(&rec);
        if (!next.ok()) {
            problem(reader.last_error().at.line, "file", reader.last_error().problem);
            if (reader.last_error().problem == "too_many_records") break;
            continue;
        }
        if (!*next) break;
        auto get = [&](const char* name) -> std::string {
            auto it = col.find(name);
            return it == col.end() || it->second >= rec.size() ? "" : std::string(rec[it->second]);
        };
        PersonInput in;
        in.id_kind = get("id_kind");
        if (in.id_kind.empty()) in.id_kind = "resident_id";
        in.id_number = get("id_number");
        in.nationality = get("nationality");
        in.name = get("name");
        in.sex = get("sex");
        in.birth_date = get("birth_date");
        in.ethnicity = get("ethnicity");
        in.hukou_address = get("hukou_address");
        if (auto r = get("residence_address_id"); !r.empty()) in.residence_address_id = r;
        in.category = get("category");
        in.phones = SplitPhones(get("phones"));
        in.permit_no = get("permit_no");
        if (auto p = get("permit_expires"); !p.empty()) in.permit_expires = p;
        Status s = NormalisePersonInput(in);
        if (!s.ok()) {
            for (const auto& [field, p] : s.fields()) problem(rec.line, field, p);
            continue;
        }
        if (!seen.insert(in.id_kind + "|" + in.nationality + "|" + in.id_number).second) {
            problem(rec.line, "id_number", "duplicate");
            continue;
        }
        out.rows.push_back(std::move(in));
        out.lines.push_back(rec.line);
    }
    return out;
}

Status ExportPeopleCsv(storage::Connection& c, bool masked, bool spreadsheet,
                       const std::function<void(const std::string&)>& out) {
    std::string header = "person_id";
    for (const auto& name : kColumns) header += "," + name;
    header += ",status\n";
    out(header);
    int64_t after = 0;
    for (;;) {
        JW_ASSIGN_OR_RETURN(
            auto rows, c.Query(std::string(kPersonSelect) + " WHERE p.id > ? ORDER BY p.id LIMIT 2000", {V(after)}));
        if (rows.empty()) return Status::Ok();
        std::string chunk;
        for (const auto& r : rows) {
            JW_ASSIGN_OR_RETURN(Person p, PersonFromRow(r));
            after = p.id;
            std::string phones;
            for (const auto& ph : p.phones) phones += (phones.empty() ? "" : ";") + (masked ? MaskPhone(ph) : ph);
            const Json m = masked ? MaskedPersonJson(p, "") : Json();
            auto pick = [&](const char* key, const std::string& clear) {
                return masked ? m[key].get<std::string>() : clear;
            };
            const std::vector<std::string> cells = {std::to_string(p.id),
                                                    p.id_kind,
                                                    pick("id_number", p.id_number),
                                                    p.nationality,
                                                    pick("name", p.name),
                                                    p.sex,
                                                    pick("birth_date", p.birth_date),
                                                    p.ethnicity,
                                                    pick("hukou_address", p.hukou_address),
                                                    p.residence_address_id.value_or(""),
                                                    p.category,
                                                    phones,
                                                    pick("permit_no", p.permit_no),
                                                    p.permit_expires.value_or(""),
                                                    p.status};
            for (size_t i = 0; i < cells.size(); ++i)
                chunk += (i ? "," : "") + (spreadsheet ? CsvCell(cells[i]) : CsvField(cells[i]));
            chunk += "\n";
        }
        out(chunk);
    }
}

}  // namespace jw::community
