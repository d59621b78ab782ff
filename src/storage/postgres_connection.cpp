// PostgreSQL backend over libpq. `?` placeholders become $n; all parameters are sent as text with
// type left to the server (OID 0), so portable SQL must give the server enough context to infer types.
#include <libpq-fe.h>

#include <memory>
#include <unordered_map>

#include "storage/bulk_load.hpp"
#include "storage/database.hpp"

namespace jw::storage {
namespace {

// Rewrites `?` outside quotes into $1, $2, …
std::string RewritePlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    char quote = 0;
    for (char c : sql) {
        if (quote) {
            if (c == quote) quote = 0;
            out.push_back(c);
        } else if (c == '\'' || c == '"') {
            quote = c;
            out.push_back(c);
        } else if (c == '?') {
            out += "$" + std::to_string(++n);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

class PostgresConnection final : public Connection, public detail::CopyIn {
  public:
    explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
    ~PostgresConnection() override { PQfinish(conn_); }

    Dialect dialect() const override { return Dialect::kPostgres; }
    bool Healthy() override { return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE; }

    Status Exec(std::string_view sql, const Params& params) override { return Run(sql, params, nullptr); }

    Result<Rows> Query(std::string_view sql, const Params& params) override {
        Rows rows;
        Status s = Run(sql, params, &rows);
        if (!s.ok()) return s;
        return rows;
    }

    Status ExecScript(std::string_view sql) override {
        std::unique_ptr<PGresult, decltype(&PQclear)> res(PQexec(conn_, std::string(sql).c_str()), PQclear);
        return Check(res.get());
    }

    Status BeginWrite() override { return Exec("BEGIN", {}); }

    // COPY … FROM STDIN for storage::BulkLoader (bulk_load.hpp).
    Status CopyBegin(std::string_view sql) override {
        std::unique_ptr<PGresult, decltype(&PQclear)> res(PQexec(conn_, std::string(sql).c_str()), PQclear);
        if (PQresultStatus(res.get()) == PGRES_COPY_IN) return Status::Ok();
        Status s = Check(res.get());
        return s.ok() ? Status::Internal("postgres: COPY did not start") : s;
    }
    Status CopyData(std::string_view data) override {
        if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) == 1) return Status::Ok();
        return Status(ErrorCode::kUnavailable, std::string("postgres copy: ") + PQerrorMessage(conn_));
    }
    Status CopyEnd(const std::string& error) override {
        if (PQputCopyEnd(conn_, error.empty() ? nullptr : error.c_str()) != 1)
            return Status(ErrorCode::kUnavailable, std::string("postgres copy: ") + PQerrorMessage(conn_));
        Status s = Status::Ok();
        while (PGresult* raw = PQgetResult(conn_)) {
            std::unique_ptr<PGresult, decltype(&PQclear)> res(raw, PQclear);
            if (s.ok()) s = Check(res.get());
        }
        return s;
    }

  private:
    Status Check(PGresult* res) {
        const auto st = PQresultStatus(res);
        if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
        if (PQstatus(conn_) != CONNECTION_OK) return Status(ErrorCode::kUnavailable, "postgres connection lost");
        const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        const std::string msg = PQresultErrorMessage(res);
        const std::string code = state ? state : "";
        if (code.starts_with("23")) return Status::Conflict("constraint: " + msg);
        if (code == "40001" || code == "40P01" || code == "55P03") return Status(ErrorCode::kBusy, msg);
        return Status::Internal("postgres: " + msg);
    }

    Status Run(std::string_view sql, const Params& params, Rows* rows) {
        const std::string& stmt_name = Prepared(sql);
        if (stmt_name.empty()) return Status::Internal("postgres prepare failed: " + last_error_);
        std::vector<const char*> values(params.size());
        for (size_t i = 0; i < params.size(); ++i) values[i] = params[i] ? params[i]->c_str() : nullptr;
        std::unique_ptr<PGresult, decltype(&PQclear)> res(
            PQexecPrepared(conn_, stmt_name.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr,
                           0),
            PQclear);
        Status s = Check(res.get());
        if (!s.ok() || rows == nullptr) return s;
        const int nrows = PQntuples(res.get());
        const int ncols = PQnfields(res.get());
        rows->reserve(static_cast<size_t>(nrows));
        for (int r = 0; r < nrows; ++r) {
            std::vector<Value> cells;
            cells.reserve(static_cast<size_t>(ncols));
            for (int c = 0; c < ncols; ++c) {
                if (PQgetisnull(res.get(), r, c)) {
                    cells.emplace_back(std::nullopt);
                } else {
                    cells.emplace_back(
                        std::string(PQgetvalue(res.get(), r, c), static_cast<size_t>(PQgetlength(res.get(), r, c))));
                }
            }
            rows->emplace_back(std::move(cells));
        }
        return Status::Ok();
    }

    // Prepared statement name for this SQL, preparing it once per connection; empty on failure.
    const std::string& Prepared(std::string_view sql) {
        static const std::string kEmpty;
        auto it = prepared_.find(std::string(sql));
        if (it != prepared_.end()) return it->second;
        std::string name = "jw" + std::to_string(prepared_.size() + 1);
        const std::string rewritten = RewritePlaceholders(sql);
        std::unique_ptr<PGresult, decltype(&PQclear)> res(PQprepare(conn_, name.c_str(), rewritten.c_str(), 0, nullptr),
                                                          PQclear);
        if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
            last_error_ = PQresultErrorMessage(res.get());
            return kEmpty;
        }
        return prepared_.emplace(std::string(sql), std::move(name)).first->second;
    }

    PGconn* conn_;
    std::unordered_map<std::string, std::string> prepared_;
    std::string last_error_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(conn);
        PQfinish(conn);
        return Status(ErrorCode::kUnavailable, "cannot connect to postgres: " + msg);
    }
    auto c = std::make_unique<PostgresConnection>(conn);
    Status s = c->ExecScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
    if (!s.ok()) return s;
    return std::unique_ptr<Connection>(std::move(c));
}

}  // namespace jw::storage
