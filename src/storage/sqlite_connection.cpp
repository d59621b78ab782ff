// SQLite backend: WAL journal, foreign keys on, 5 s busy timeout, synchronous=FULL so a committed
// transaction survives power loss as well as kill -9.
#include <sqlite3.h>

#include <memory>
#include <unordered_map>

#include "storage/database.hpp"

namespace jw::storage {
namespace {

Status ErrorFrom(sqlite3* db, int rc) {
    const std::string msg = sqlite3_errmsg(db);
    switch (rc & 0xff) {
        case SQLITE_CONSTRAINT:
            return Status::Conflict("constraint: " + msg);
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Status(ErrorCode::kBusy, "database busy: " + msg);
        default:
            return Status::Internal("sqlite: " + msg);
    }
}

// Values travel as text; a value in canonical integer form (no leading zeros or '+') is bound as an
// INTEGER so that comparisons with integer expressions behave as in PostgreSQL. Text columns store the
// same characters either way, because TEXT affinity turns the integer back into its canonical text.
bool IsCanonicalInteger(const std::string& s) {
    size_t i = s.size() > 1 && s[0] == '-' ? 1 : 0;
    if (i >= s.size() || s.size() - i > 18) return false;
    if (s[i] == '0' && s.size() - i > 1) return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

class SqliteConnection final : public Connection {
  public:
    explicit SqliteConnection(sqlite3* db) : db_(db) {}
    ~SqliteConnection() override {
        for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
        sqlite3_close_v2(db_);
    }

    Dialect dialect() const override { return Dialect::kSqlite; }
    bool Healthy() override { return sqlite3_get_autocommit(db_) != 0; }  // no transaction left open

    Status Exec(std::string_view sql, const Params& params) override { return Run(sql, params, nullptr); }

    Result<Rows> Query(std::string_view sql, const Params& params) override {
        Rows rows;
        Status s = Run(sql, params, &rows);
        if (!s.ok()) return s;
        return rows;
    }

    Status ExecScript(std::string_view sql) override {
        char* err = nullptr;
        const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
        if (rc != SQLITE_OK) {
            std::string msg = err ? err : "error";
            sqlite3_free(err);
            return Status::Internal("sqlite script: " + msg);
        }
        return Status::Ok();
    }

    Status BeginWrite() override { return Exec("BEGIN IMMEDIATE", {}); }

  private:
    Result<sqlite3_stmt*> Prepare(std::string_view sql) {
        auto it = cache_.find(std::string(sql));
        if (it != cache_.end()) return it->second;
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
        if (rc != SQLITE_OK) return ErrorFrom(db_, rc);
        cache_.emplace(std::string(sql), stmt);
        return stmt;
    }

    Status Run(std::string_view sql, const Params& params, Rows* rows) {
        auto prepared = Prepare(sql);
        if (!prepared.ok()) return prepared.status();
        sqlite3_stmt* stmt = *prepared;
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        for (size_t i = 0; i < params.size(); ++i) {
            const int idx = static_cast<int>(i + 1);
            int rc;
            if (!params[i])
                rc = sqlite3_bind_null(stmt, idx);
            else if (IsCanonicalInteger(*params[i]))
                rc = sqlite3_bind_int64(stmt, idx, std::stoll(*params[i]));
            else
                rc = sqlite3_bind_text(stmt, idx, params[i]->data(), static_cast<int>(params[i]->size()),
                                       SQLITE_TRANSIENT);
            if (rc != SQLITE_OK) return ErrorFrom(db_, rc);
        }
        const int ncol = sqlite3_column_count(stmt);
        for (;;) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) {
                Status s = ErrorFrom(db_, rc);
                sqlite3_reset(stmt);
                return s;
            }
            if (rows == nullptr) continue;
            std::vector<Value> cells;
            cells.reserve(static_cast<size_t>(ncol));
            for (int c = 0; c < ncol; ++c) {
                if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
                    cells.emplace_back(std::nullopt);
                } else {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                    cells.emplace_back(std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
                }
            }
            rows->emplace_back(std::move(cells));
        }
        sqlite3_reset(stmt);
        return Status::Ok();
    }

    sqlite3* db_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path) {
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        return Status(ErrorCode::kUnavailable, "cannot open " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db, 5000);
    auto conn = std::make_unique<SqliteConnection>(db);
    Status s = conn->ExecScript("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");
    if (!s.ok()) return Status(ErrorCode::kUnavailable, s.message());
    return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace jw::storage
