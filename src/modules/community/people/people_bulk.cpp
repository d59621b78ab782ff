#include "community/people/people_bulk.hpp"

#include <unordered_set>

#include "common/json_util.hpp"
#include "community/community_keys.hpp"
#include "storage/in_list.hpp"

namespace jw::community {
namespace {

using storage::V;

// The columns a registration writes (version and id take their defaults), in SealedRow's order after seq.
const std::vector<std::string> kColumns = {
    "id_kind",  "id_number", "id_index",       "nationality", "name",      "sex",            "birth_date",
    "ethnicity", "hukou_address", "residence_code", "category", "phones", "photo_media_id", "permit_no",
    "permit_expires", "status", "collected_by", "unit_id", "created_at", "updated_at"};

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
    if (tx.dialect() == storage::Dialect::kPostgres) {
        JW_RETURN_IF_ERROR(tx.Exec("DROP TABLE IF EXISTS " + TempTable(tx.dialect())));
        std::string columns;
        for (const auto& c : kColumns)
            columns += ", " + c +
                       (c == "collected_by" || c == "unit_id" || c == "created_at" || c == "updated_at" ? " BIGINT"
                                                                                                         : " TEXT");
        JW_RETURN_IF_ERROR(tx.Exec("CREATE TEMP TABLE jw_people_load (seq BIGINT NOT NULL" + columns + ")"));
    }
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
    return {V(seq),
            V(p.id_kind),
            V(Sealer().Seal(p.id_number)),
            V(id_index),
            V(p.nationality),
            V(p.name),
            V(p.sex),
            V(p.birth_date),
            V(p.ethnicity),
            V(Sealer().Seal(p.hukou_address)),
            Opt(p.residence_address_id),
            V(p.category),
            V(p.phones.empty() ? std::string() : Sealer().Seal(Json(p.phones).dump())),
            Opt(p.photo_media_id),
            V(p.permit_no),
            Opt(p.permit_expires),
            V(p.status),
            V(p.collected_by),
            V(p.unit_id),
            V(p.created_at),
            V(p.updated_at)};
}

Result<std::vector<std::string>> PeopleLoad::Insert(const std::vector<storage::Params>& rows,
                                                    const std::vector<std::string>& indexes) {
    std::vector<std::string> inserted;
    if (tx_->dialect() == storage::Dialect::kSqlite) {
        JW_ASSIGN_OR_RETURN(auto found, storage::QueryIn(*tx_, "SELECT id_index FROM community_people WHERE id_index "
                                                               "IN @IDS@",
                                                         indexes));
        std::unordered_set<std::string> registered;
        for (const auto& r : found) registered.insert(r.Str(0));
        JW_ASSIGN_OR_RETURN(auto loader, storage::BulkLoader::Start(*tx_, "community_people", kColumns));
        storage::Params values;
        for (size_t i = 0; i < rows.size(); ++i) {
            if (registered.count(indexes[i])) continue;
            values.assign(rows[i].begin() + 1, rows[i].end());  // without seq
            JW_RETURN_IF_ERROR(loader->Add(values));
            inserted.push_back(indexes[i]);
        }
        JW_RETURN_IF_ERROR(loader->Finish());
        return inserted;
    }
    {
        std::vector<std::string> columns = {"seq"};
        columns.insert(columns.end(), kColumns.begin(), kColumns.end());
        JW_ASSIGN_OR_RETURN(auto loader, storage::BulkLoader::Start(*tx_, "jw_people_load", columns));
        for (const auto& row : rows) JW_RETURN_IF_ERROR(loader->Add(row));
        JW_RETURN_IF_ERROR(loader->Finish());
    }
    JW_ASSIGN_OR_RETURN(auto moved, tx_->Query("INSERT INTO community_people (" + ColumnList() + ") SELECT " +
                                               ColumnList() +
                                               " FROM jw_people_load ORDER BY seq ON CONFLICT (id_index) DO NOTHING "
                                               "RETURNING id_index"));
    JW_RETURN_IF_ERROR(tx_->Exec("TRUNCATE jw_people_load"));
    inserted.reserve(moved.size());
    for (const auto& r : moved) inserted.push_back(r.Str(0));
    return inserted;
}

Status PeopleLoad::End() {
    if (tx_->dialect() != storage::Dialect::kPostgres) return Status::Ok();
    return tx_->Exec("DROP TABLE " + TempTable(tx_->dialect()));
}

}  // namespace jw::community
