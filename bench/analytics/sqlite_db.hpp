#pragma once
// A minimal RAII layer over the SQLite C API for the benchmark: one connection, prepared statements with
// positional binds. Errors surface as Status (kInternal with SQLite's message). Not thread-safe.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::bench {

class SqlStmt {
  public:
    SqlStmt(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st_, nullptr) != SQLITE_OK) {
            error_ = sqlite3_errmsg(db);
        }
    }
    ~SqlStmt() { sqlite3_finalize(st_); }
    SqlStmt(const SqlStmt&) = delete;
    SqlStmt& operator=(const SqlStmt&) = delete;

    const std::string& error() const { return error_; }
    SqlStmt& Bind(int i, int64_t v) { return Check(sqlite3_bind_int64(st_, i, v)); }
    SqlStmt& Bind(int i, double v) { return Check(sqlite3_bind_double(st_, i, v)); }
    SqlStmt& Bind(int i, std::string_view v) {
        return Check(sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    // True while a row is available; false at the end or on error (see error()).
    bool Step() {
        const int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) error_ = sqlite3_errmsg(db_);
        return false;
    }
    void Reset() {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
    }
    int64_t Int(int col) const { return sqlite3_column_int64(st_, col); }
    double Real(int col) const { return sqlite3_column_double(st_, col); }
    bool IsNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
    std::string Text(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
        return p ? std::string(p, sqlite3_column_bytes(st_, col)) : std::string();
    }
    Status status() const { return error_.empty() ? Status::Ok() : Status::Internal("sqlite: " + error_); }

  private:
    SqlStmt& Check(int rc) {
        if (rc != SQLITE_OK && error_.empty()) error_ = sqlite3_errmsg(db_);
        return *this;
    }
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
    std::string error_;
};

inline Status Exec(sqlite3* db, const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        Status s = Status::Internal(std::string("sqlite: ") + (err ? err : "?") + " in: " + sql.substr(0, 80));
        sqlite3_free(err);
        return s;
    }
    return Status::Ok();
}

}  // namespace jw::bench
