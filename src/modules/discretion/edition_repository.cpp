#include "discretion/edition_repository.hpp"

namespace jw::discretion::repo {
namespace {

using storage::V;

constexpr const char* kEditionColumns =
    "e.id, e.code, e.version, e.title, e.sample, e.status, e.based_on, e.content_hash, e.created_by, e.created_at, "
    "e.submitted_by, e.submitted_at, e.reviewed_by, e.reviewed_at, e.published_at, e.review_note, "
    "(SELECT COUNT(*) FROM discretion_circumstances c WHERE c.edition_id = e.id)";

Edition EditionFrom(const storage::Row& r) {
    Edition e;
    e.id = r.Int(0);
    e.code = r.Str(1);
    e.version = static_cast<int>(r.Int(2));
    e.title = r.Str(3);
    e.sample = r.Bool(4);
    e.status = r.Str(5);
    if (!r.IsNull(6)) e.based_on = r.Int(6);
    e.content_hash = r.Str(7);
    e.created_by = r.Int(8);
    e.created_at = r.Int(9);
    e.submitted_by = r.Int(10);
    e.submitted_at = r.Int(11);
    e.reviewed_by = r.Int(12);
    e.reviewed_at = r.Int(13);
    e.published_at = r.Int(14);
    e.review_note = r.Str(15);
    e.circumstance_count = r.Int(16);
    return e;
}

constexpr const char* kCircumstanceColumns =
    "id, law, article, paragraph, kind, seq, description, base_detention, base_fine, pick, add_fine";

Circumstance CircumstanceFrom(const storage::Row& r) {
    Circumstance c;
    c.id = r.Str(0);
    c.tier = {r.Str(1), static_cast<int>(r.Int(2)), static_cast<int>(r.Int(3)), r.Str(4), static_cast<int>(r.Int(5))};
    c.description = r.Str(6);
    c.base_detention = static_cast<int>(r.Int(7));
    c.base_fine = r.Int(8);
    c.pick = r.Str(9);
    if (!r.IsNull(10)) c.add_fine = r.Bool(10);
    return c;
}

void AppendCircumstance(storage::Params* p, int64_t edition, const Circumstance& c) {
    p->insert(p->end(), {V(edition), V(c.id), V(c.tier.law), V(c.tier.article), V(c.tier.paragraph), V(c.tier.kind),
                         V(c.tier.seq), V(c.description), V(c.base_detention), V(c.base_fine), V(c.pick),
                         c.add_fine ? V(*c.add_fine) : storage::Null()});
}

}  // namespace

Result<int64_t> InsertEdition(storage::Connection& c, const Edition& e) {
    JW_ASSIGN_OR_RETURN(
        storage::Row row,
        c.QueryOne("INSERT INTO discretion_editions (code, version, title, sample, status, based_on, content_hash, "
                   "created_by, created_at, submitted_by, submitted_at, reviewed_by, reviewed_at, published_at, "
                   "review_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {V(e.code), V(e.version), V(e.title), V(e.sample), V(e.status),
                    e.based_on ? V(*e.based_on) : storage::Null(), V(e.content_hash), V(e.created_by), V(e.created_at),
                    V(e.submitted_by), V(e.submitted_at), V(e.reviewed_by), V(e.reviewed_at), V(e.published_at),
                    V(e.review_note)}));
    return row.Int(0);
}

Result<Edition> GetEdition(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(
        storage::Rows rows,
        c.Query(std::string("SELECT ") + kEditionColumns + " FROM discretion_editions e WHERE e.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("edition");
    return EditionFrom(rows[0]);
}

Result<std::vector<Edition>> ListEditions(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(storage::Rows rows, c.Query(std::string("SELECT ") + kEditionColumns +
                                                    " FROM discretion_editions e ORDER BY e.id DESC"));
    std::vector<Edition> out;
    for (const auto& r : rows) out.push_back(EditionFrom(r));
    return out;
}

Result<std::optional<int64_t>> CurrentPublishedId(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(storage::Rows rows, c.Query("SELECT id FROM discretion_editions WHERE status = ? "
                                                    "ORDER BY published_at DESC, id DESC LIMIT 1",
                                                    {V(kPublished)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

Result<int> NextVersion(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(
        storage::Row row,
        c.QueryOne("SELECT COALESCE(MAX(version), 0) FROM discretion_editions WHERE code = ?", {V(code)}));
    return static_cast<int>(row.Int(0)) + 1;
}

Result<bool> CodeExists(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(storage::Rows rows, c.Query("SELECT 1 FROM discretion_editions WHERE code = ?", {V(code)}));
    return !rows.empty();
}

Status UpdateEdition(storage::Connection& c, const Edition& e) {
    return c.Exec(
        "UPDATE discretion_editions SET title = ?, sample = ?, status = ?, content_hash = ?, "
        "submitted_by = ?, submitted_at = ?, reviewed_by = ?, reviewed_at = ?, published_at = ?, "
        "review_note = ? WHERE id = ?",
        {V(e.title), V(e.sample), V(e.status), V(e.content_hash), V(e.submitted_by), V(e.submitted_at),
         V(e.reviewed_by), V(e.reviewed_at), V(e.published_at), V(e.review_note), V(e.id)});
}

Status InsertCircumstances(storage::Connection& c, int64_t edition, const std::vector<Circumstance>& rows) {
    constexpr size_t kBatch = 100;
    for (size_t start = 0; start < rows.size(); start += kBatch) {
        const size_t end = std::min(rows.size(), start + kBatch);
        std::string sql =
            std::string("INSERT INTO discretion_circumstances (edition_id, ") + kCircumstanceColumns + ") VALUES ";
        storage::Params params;
        for (size_t i = start; i < end; ++i) {
            sql += i == start ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            AppendCircumstance(&params, edition, rows[i]);
        }
        JW_RETURN_IF_ERROR(c.Exec(sql, params));
    }
    return Status::Ok();
}

Status ReplaceCircumstance(storage::Connection& c, int64_t edition, const Circumstance& row) {
    JW_RETURN_IF_ERROR(
        c.Exec("DELETE FROM discretion_circumstances WHERE edition_id = ? AND id = ?", {V(edition), V(row.id)}));
    return InsertCircumstances(c, edition, {row});
}

Result<bool> DeleteCircumstance(storage::Connection& c, int64_t edition, const std::string& id) {
    JW_ASSIGN_OR_RETURN(
        storage::Rows rows,
        c.Query("SELECT 1 FROM discretion_circumstances WHERE edition_id = ? AND id = ?", {V(edition), V(id)}));
    if (rows.empty()) return false;
    JW_RETURN_IF_ERROR(
        c.Exec("DELETE FROM discretion_circumstances WHERE edition_id = ? AND id = ?", {V(edition), V(id)}));
    return true;
}

Status InsertFactorPercents(storage::Connection& c, int64_t edition,
                            const std::map<std::pair<std::string, std::string>, int>& percents) {
    for (const auto& [key, percent] : percents) {
        JW_RETURN_IF_ERROR(
            c.Exec("INSERT INTO discretion_factor_percents (edition_id, law, code, percent) "
                   "VALUES (?, ?, ?, ?)",
                   {V(edition), V(key.first), V(key.second), V(percent)}));
    }
    return Status::Ok();
}

Status SetFactorPercent(storage::Connection& c, int64_t edition, const std::string& law, const std::string& code,
                        int percent) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM discretion_factor_percents WHERE edition_id = ? AND law = ? AND code = ?",
                              {V(edition), V(law), V(code)}));
    return InsertFactorPercents(c, edition, {{{law, code}, percent}});
}

Result<EditionContent> LoadContent(storage::Connection& c, int64_t edition) {
    EditionContent out;
    JW_ASSIGN_OR_RETURN(storage::Rows rows,
                        c.Query(std::string("SELECT ") + kCircumstanceColumns +
                                    " FROM discretion_circumstances WHERE edition_id = ? ORDER BY id",
                                {V(edition)}));
    out.circumstances.reserve(rows.size());
    for (const auto& r : rows) out.circumstances.push_back(CircumstanceFrom(r));
    JW_ASSIGN_OR_RETURN(
        storage::Rows factors,
        c.Query("SELECT law, code, percent FROM discretion_factor_percents WHERE edition_id = ?", {V(edition)}));
    for (const auto& r : factors) out.factor_percents[{r.Str(0), r.Str(1)}] = static_cast<int>(r.Int(2));
    return out;
}

Result<std::pair<std::vector<Circumstance>, int64_t>> ListCircumstances(storage::Connection& c, int64_t edition,
                                                                        const CircumstanceQuery& q) {
    std::string where = " FROM discretion_circumstances WHERE edition_id = ?";
    storage::Params params = {V(edition)};
    if (!q.q.empty()) {
        where += " AND (description LIKE ? OR id LIKE ?)";
        params.push_back(V("%" + q.q + "%"));
        params.push_back(V("%" + q.q + "%"));
    }
    if (!q.law.empty()) {
        where += " AND law = ?";
        params.push_back(V(q.law));
    }
    if (q.article > 0) {
        where += " AND article = ?";
        params.push_back(V(q.article));
    }
    JW_ASSIGN_OR_RETURN(storage::Row count, c.QueryOne("SELECT COUNT(*)" + where, params));
    params.push_back(V(q.page_size));
    params.push_back(V(static_cast<int64_t>(q.page - 1) * q.page_size));
    JW_ASSIGN_OR_RETURN(storage::Rows rows,
                        c.Query(std::string("SELECT ") + kCircumstanceColumns + where +
                                    " ORDER BY law, article, paragraph, kind, seq, id LIMIT ? OFFSET ?",
                                params));
    std::vector<Circumstance> out;
    for (const auto& r : rows) out.push_back(CircumstanceFrom(r));
    return std::make_pair(std::move(out), count.Int(0));
}

}  // namespace jw::discretion::repo
