#include "community/people/people_bulk.hpp"

#include "common/json_util.hpp"
#include "community/community_keys.hpp"
#include "community/people/people_repository.hpp"

namespace jw::community {
namespace {

using storage::V;

// The columns a registration writes (version and id take their defaults), in SealedRow's order after seq.
const std::vector<std::string> kColumns = {
    "id_kind",  "id_number",    "id_index",       "nationality",   "name",
    "sex",      "birth_date",   "ethnicity",      "hukou_address", "residence_code",
    "category", "phones",       "photo_media_id", "permit_no",     "permit_expires",
    "status",   "collected_by", "unit_id",        "created_at",    "updated_at"};

std::string ColumnList() {
    std::string out;
    for (const auto& c : kColumns) out += (out.empty() ? "" : ", ") + c;
    return out;
}

// The load table drops with the connection's temporary schema; the explicit names keep a leftover of this
// connection (never another's table) from surviving into the next import.
std::string TempTable(storage::Dialect d) {
    return d == storage::Dialect::kPostgres ? "pg_temp.jw_people_load" : "temp.jw_people_load";
}

storage::Value Opt(const std::optional<std::string>& s) { return s ? V(*s) : storage::Null(); }

}  // namespace

Result<PeopleLoad> PeopleLoad::Begin(storage::Connection& tx) {
    JW_RETURN_IF_ERROR(tx.Exec("DROP TABLE IF EXISTS " + TempTable(tx.dialect())));
    std::string columns;
    for (const auto& c : kColumns)
        columns +=
            ", " + c +
            (c == "collected_by" || c == "unit_id" || c == "created_at" || c == "updated_at" ? " BIGINT" : " TEXT");
    JW_RETURN_IF_ERROR(tx.Exec("CREATE TEMP TABLE jw_people_load (seq BIGINT NOT NULL" + columns + ")"));
    PeopleLoad load(tx);
    if (tx.dialect() == storage::Dialect::kSqlite) {
        constexpr int64_t kCacheKib = 256 * 1024;
        JW_ASSIGN_OR_RETURN(auto rows, tx.Query("PRAGMA cache_size"));
        const int64_t old = rows.empty() ? -2000 : rows[0].Int(0);  // negative: KiB; positive: pages (4 KiB)
        if ((old < 0 ? -old : old * 4) < kCacheKib) {
            JW_RETURN_IF_ERROR(tx.Exec("PRAGMA cache_size = -" + std::to_string(kCacheKib)));
            load.old_cache_ = std::to_string(old);
        }
    }
    return load;
}

PeopleLoad::~PeopleLoad() {
    if (!old_cache_.empty()) (void)tx_->Exec("PRAGMA cache_size = " + old_cache_);
}

storage::Params PeopleLoad::SealedRow(int64_t seq, const Person& p, const std::string& id_index) {
    storage::Params row = PersonRowValues(p, id_index);
    row.insert(row.begin(), V(seq));
    return row;
}

Result<std::unique_ptr<storage::BulkLoader>> PeopleLoad::Load() {
    std::vector<std::string> columns = {"seq"};
    columns.insert(columns.end(), kColumns.begin(), kColumns.end());
    return storage::BulkLoader::Start(*tx_, "jw_people_load", columns);
}

Result<std::vector<std::string>> PeopleLoad::Move() {
    // "WHERE seq >= 0" keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
    JW_ASSIGN_OR_RETURN(auto rows,
                        tx_->Query("INSERT INTO community_people (" + ColumnList() + ") SELECT " + ColumnList() +
                                   " FROM jw_people_load WHERE seq >= 0 ORDER BY seq ON CONFLICT "
                                   "(id_index) DO NOTHING RETURNING id_index"));
    JW_RETURN_IF_ERROR(tx_->Exec("DELETE FROM jw_people_load"));
    std::vector<std::string> inserted;
    inserted.reserve(rows.size());
    for (const auto& r : rows) inserted.push_back(r.Str(0));
    return inserted;
}

Status PeopleLoad::End() { return tx_->Exec("DROP TABLE " + TempTable(tx_->dialect())); }

}  // namespace jw::community
