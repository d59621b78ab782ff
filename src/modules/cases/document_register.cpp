#include "cases/document_register.hpp"

#include "cases/case_repository.hpp"
#include "common/china_day.hpp"

namespace jw::cases {

using storage::V;

namespace {

std::string Fill(std::string text, const std::string& name, const std::string& value) {
    for (size_t pos = text.find(name); pos != std::string::npos; pos = text.find(name, pos + value.size()))
        text.replace(pos, name.size(), value);
    return text;
}

// The first UTF-8 character of `name` (示范县公安局 → 示).
std::string FirstCharacter(const std::string& name) {
    if (name.empty()) return "";
    const auto lead = static_cast<unsigned char>(name[0]);
    const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return name.substr(0, std::min(n, name.size()));
}

IssuedNumber FromRow(const storage::Row& r) {
    return {r.Str(0), r.Int(1), static_cast<int>(r.Int(2)), r.Int(3), r.Str(4), r.Int(5), r.Int(6)};
}

}  // namespace

std::string FormatDocumentNumber(const std::string& scheme, const std::string& abbr, const std::string& kind, int year,
                                 int64_t seq) {
    std::string out = Fill(scheme, "{abbr}", abbr);
    out = Fill(out, "{kind}", kind);
    out = Fill(out, "{year}", std::to_string(year));
    return Fill(out, "{seq}", std::to_string(seq));
}

Result<std::pair<int64_t, std::string>> BureauOf(storage::Connection& c, int64_t unit_id) {
    int64_t id = unit_id;
    for (int depth = 0; depth < 16; ++depth) {
        JW_ASSIGN_OR_RETURN(storage::Row r, c.QueryOne("SELECT name, parent_id FROM units WHERE id = ?", {V(id)}));
        if (r.IsNull(1)) return std::make_pair(id, r.Str(0));
        id = r.Int(1);
    }
    return Status::Internal("unit tree deeper than 16 levels");
}

Result<std::optional<IssuedNumber>> FindIssuedNumber(storage::Connection& c, int64_t case_id,
                                                     const std::string& doc_type) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT doc_type, unit_id, year, seq, number, issued_at, issued_by FROM "
                                           "case_document_numbers WHERE case_id = ? AND doc_type = ?",
                                           {V(case_id), V(doc_type)}));
    if (rows.empty()) return std::optional<IssuedNumber>{};
    return std::optional<IssuedNumber>{FromRow(rows[0])};
}

Result<IssuedNumber> IssueNumber(storage::Connection& c, const Case& k, const std::string& doc_type, int64_t actor_id,
                                 int64_t now) {
    JW_ASSIGN_OR_RETURN(auto issued, FindIssuedNumber(c, k.id, doc_type));
    if (issued) return *issued;
    auto scheme = repo::Setting(c, "doc_scheme." + doc_type);
    if (!scheme.ok()) return Status::NotFound("doc_scheme");
    JW_ASSIGN_OR_RETURN(auto bureau, BureauOf(c, k.unit_id));
    auto abbr = repo::Setting(c, "doc_abbrev." + std::to_string(bureau.first));
    IssuedNumber n;
    n.doc_type = doc_type;
    n.unit_id = bureau.first;
    n.year = ChinaDateOf(now).year;
    // The register's key in the shared sequence table: one sequence per bureau, type and year.
    const std::string key = "doc/" + std::to_string(n.unit_id) + "/" + doc_type + "/" + std::to_string(n.year);
    JW_ASSIGN_OR_RETURN(n.seq, repo::NextSeq(c, key));
    n.number = FormatDocumentNumber(*scheme, abbr.ok() ? *abbr : FirstCharacter(bureau.second),
                                    k.case_type == kCriminal ? "刑" : "治", n.year, n.seq);
    n.issued_at = now;
    n.issued_by = actor_id;
    JW_RETURN_IF_ERROR(
        c.Exec("INSERT INTO case_document_numbers (case_id, doc_type, unit_id, year, seq, number, "
               "issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {V(k.id), V(doc_type), V(n.unit_id), V(static_cast<int64_t>(n.year)), V(n.seq), V(n.number),
                V(n.issued_at), V(n.issued_by)}));
    return n;
}

}  // namespace jw::cases
