#include "community/people/people_csv.hpp"

#include <map>
#include <set>

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
    std::set<std::string> seen;
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

Result<PeopleImportReport> ImportPeopleCsv(storage::Connection& tx, std::string_view text, const auth::Principal& actor,
                                           int64_t now) {
    ParsedPeople parsed = ParsePeopleCsv(text);
    PeopleImportReport report;
    report.errors = std::move(parsed.errors);
    // Residences: one query for the distinct codes.
    std::set<std::string> codes;
    for (const auto& p : parsed.rows)
        if (p.residence_address_id) codes.insert(*p.residence_address_id);
    std::set<std::string> known;
    for (const auto& code : codes) {
        JW_ASSIGN_OR_RETURN(bool ok, AddressExists(tx, code));
        if (ok) known.insert(code);
    }
    for (size_t i = 0; i < parsed.rows.size(); ++i)
        if (parsed.rows[i].residence_address_id && !known.count(*parsed.rows[i].residence_address_id) &&
            report.errors.size() < kMaxErrors)
            report.errors.push_back({parsed.lines[i], "residence_address_id", "unknown_address"});
    report.rows = static_cast<int64_t>(parsed.rows.size());
    if (!report.errors.empty()) {
        std::sort(report.errors.begin(), report.errors.end(),
                  [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
        return report;
    }
    // New identities go in many rows per statement; a row whose identity is registered already (before or earlier
    // in this batch's statement) is then resolved one by one, filling only its empty fields (ResolvePerson).
    constexpr size_t kBatch = 2000;
    for (size_t start = 0; start < parsed.rows.size(); start += kBatch) {
        const size_t end = std::min(parsed.rows.size(), start + kBatch);
        std::vector<Person> people;
        std::vector<std::string> indexes;
        for (size_t i = start; i < end; ++i) {
            const PersonInput& in = parsed.rows[i];
            people.push_back(NewPerson(in, actor, now));
            indexes.push_back(IdentityIndex({in.id_kind, in.nationality, in.id_number}));
        }
        JW_ASSIGN_OR_RETURN(auto inserted, InsertPeopleBulk(tx, people, indexes, true));
        const std::set<std::string> fresh(inserted.begin(), inserted.end());
        report.created += static_cast<int64_t>(fresh.size());
        for (size_t i = start; i < end; ++i) {
            if (fresh.count(indexes[i - start])) continue;
            JW_ASSIGN_OR_RETURN(ResolveResult r, ResolvePerson(tx, parsed.rows[i], actor, now));
            ++(r.created ? report.created : report.existing);
        }
    }
    return report;
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
