#pragma once
// The Database interface: one API over SQLite (embedded default) and PostgreSQL 15 (production).
// SQL is written once with `?` placeholders; the PostgreSQL backend rewrites them to $1, $2, ….
// Every value travels as text or NULL and is always bound, never spliced into SQL.
// Portable schema: BIGINT for integers and times (Unix seconds UTC), TEXT for text, INTEGER 0/1 for
// booleans; migrations may use the tokens listed in migrations.hpp for the few dialect differences.
//
// Thread safety: a Connection is used by one thread at a time. Database is a thread-safe pool.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw::storage {

enum class Dialect { kSqlite, kPostgres };

using Value = std::optional<std::string>;
using Params = std::vector<Value>;

inline Value V(std::string s) { return Value(std::move(s)); }
inline Value V(std::string_view s) { return Value(std::string(s)); }
inline Value V(const char* s) { return Value(std::string(s)); }
inline Value V(int64_t n) { return Value(std::to_string(n)); }
inline Value V(int n) { return Value(std::to_string(n)); }
inline Value V(bool b) { return Value(b ? "1" : "0"); }
inline Value V(const std::optional<std::string>& s) { return s; }
inline Value Null() { return std::nullopt; }

class Row {
  public:
    explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
    size_t size() const { return cells_.size(); }
    bool IsNull(size_t i) const { return !cells_.at(i).has_value(); }
    std::string Str(size_t i) const { return cells_.at(i).value_or(""); }
    const Value& Opt(size_t i) const { return cells_.at(i); }
    int64_t Int(size_t i) const;  // 0 for NULL
    bool Bool(size_t i) const { return Int(i) != 0; }

  private:
    std::vector<Value> cells_;
};

using Rows = std::vector<Row>;

class Connection {
  public:
    virtual ~Connection() = default;
    virtual Dialect dialect() const = 0;
    // Runs one statement. Errors: Conflict on a unique or foreign-key violation, Busy when the database is
    // locked past the busy timeout, Unavailable when the connection is broken, Internal otherwise.
    virtual Status Exec(std::string_view sql, const Params& params = {}) = 0;
    virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
    // Runs several statements without parameters (migrations only).
    virtual Status ExecScript(std::string_view sql) = 0;
    // Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking).
    virtual Status BeginWrite() = 0;
    virtual bool Healthy() = 0;

    Status Commit() { return Exec("COMMIT"); }
    Status Rollback() { return Exec("ROLLBACK"); }
    // One row or NotFound.
    Result<Row> QueryOne(std::string_view sql, const Params& params = {});
};

// Runs `fn` in a write transaction: commits when it returns Ok, rolls back otherwise.
Status InTransaction(Connection& conn, const std::function<Status(Connection&)>& fn);

class Database {
  public:
    // url: "sqlite:PATH" (PATH created if missing; ":memory:" is not supported because the pool needs one
    // shared file) or "postgresql://…" / "postgres://…". Errors: InvalidArgument for an unknown scheme,
    // Unavailable when the database cannot be opened.
    static Result<std::unique_ptr<Database>> Open(std::string_view url, int pool_size = 8);

    class Lease {
      public:
        Lease(Database* db, std::unique_ptr<Connection> conn) : db_(db), conn_(std::move(conn)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = default;
        ~Lease();
        Connection& operator*() { return *conn_; }
        Connection* operator->() { return conn_.get(); }

      private:
        Database* db_;
        std::unique_ptr<Connection> conn_;
    };

    ~Database();
    Dialect dialect() const { return dialect_; }
    const std::string& url() const { return url_; }
    // A pooled connection; opens a new one when the pool is empty. Error: Unavailable.
    Result<Lease> Acquire();
    // A connection outside the pool, owned by the caller (the committer's writer connection).
    Result<std::unique_ptr<Connection>> OpenConnection();

  private:
    Database(std::string url, Dialect dialect, int pool_size)
        : url_(std::move(url)), dialect_(dialect), pool_size_(pool_size) {}
    void Release(std::unique_ptr<Connection> conn);

    std::string url_;
    Dialect dialect_;
    size_t pool_size_;
    std::mutex mu_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

// Backend factories (sqlite_connection.cpp, postgres_connection.cpp).
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path);
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url);

}  // namespace jw::storage
