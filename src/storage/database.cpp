#include "storage/database.hpp"

#include <charconv>

#include "storage/change_feed.hpp"

namespace jw::storage {

int64_t Row::Int(size_t i) const {
    const Value& v = cells_.at(i);
    if (!v) return 0;
    int64_t n = 0;
    std::from_chars(v->data(), v->data() + v->size(), n);
    return n;
}

Result<Row> Connection::QueryOne(std::string_view sql, const Params& params) {
    auto rows = Query(sql, params);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("record");
    return std::move(rows->front());
}

Status InTransaction(Connection& conn, const std::function<Status(Connection&)>& fn) {
    JW_RETURN_IF_ERROR(conn.BeginWrite());
    Status s = fn(conn);
    if (!s.ok()) {
        (void)conn.Rollback();
        return s;
    }
    Status c = conn.Commit();
    if (!c.ok()) (void)conn.Rollback();
    return c;
}

Result<std::unique_ptr<Database>> Database::Open(std::string_view url, int pool_size) {
    std::unique_ptr<Database> db;
    if (url.starts_with("sqlite:")) {
        db.reset(new Database(std::string(url), Dialect::kSqlite, pool_size));
    } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        db.reset(new Database(std::string(url), Dialect::kPostgres, pool_size));
    } else {
        return Status::Invalid("database_url", "must start with sqlite: or postgresql://");
    }
    auto first = db->OpenConnection();  // fail early on a bad path or an unreachable server
    if (!first.ok()) return first.status();
    db->Release(std::move(first).value());
    BumpReferenceGeneration();  // nothing cached for an earlier Database (at this address) is valid for this one
    return db;
}

Database::~Database() = default;

Result<std::unique_ptr<Connection>> Database::OpenConnection() {
    if (dialect_ == Dialect::kSqlite) return OpenSqlite(url_.substr(7));
    return OpenPostgres(url_);
}

Result<Database::Lease> Database::Acquire() {
    {
        std::lock_guard lock(mu_);
        if (!idle_.empty()) {
            auto conn = std::move(idle_.back());
            idle_.pop_back();
            return Lease(this, std::move(conn));
        }
    }
    auto conn = OpenConnection();
    if (!conn.ok()) return conn.status();
    return Lease(this, std::move(conn).value());
}

void Database::Release(std::unique_ptr<Connection> conn) {
    if (!conn || !conn->Healthy()) return;  // a broken connection is dropped, the next Acquire reopens
    std::lock_guard lock(mu_);
    if (idle_.size() < pool_size_) idle_.push_back(std::move(conn));
}

Database::Lease::~Lease() {
    if (conn_ && db_) db_->Release(std::move(conn_));
}

}  // namespace jw::storage
