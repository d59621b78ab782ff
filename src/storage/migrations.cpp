#include "storage/migrations.hpp"

#include <algorithm>
#include <stdexcept>

namespace jw::storage {

std::string ExpandDialectTokens(std::string_view sql, Dialect dialect) {
    const bool pg = dialect == Dialect::kPostgres;
    const std::pair<std::string_view, std::string_view> tokens[] = {
        {"@ID@", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"},
        {"@BLOB@", pg ? "BYTEA" : "BLOB"},
        {"@NOW@", pg ? "CAST(EXTRACT(EPOCH FROM now()) AS BIGINT)" : "CAST(strftime('%s','now') AS INTEGER)"},
    };
    std::string out(sql);
    for (const auto& [token, replacement] : tokens) {
        for (size_t pos = out.find(token); pos != std::string::npos; pos = out.find(token, pos + replacement.size()))
            out.replace(pos, token.size(), replacement);
    }
    return out;
}

std::vector<Migration> MigrationsFromFiles(std::string_view module, Dialect dialect,
                                           const std::vector<std::pair<std::string_view, std::string_view>>& files) {
    std::vector<Migration> out;
    for (const auto& [file, content] : files) {
        if (!file.ends_with(".sql")) continue;
        std::string_view stem = file.substr(0, file.size() - 4);
        if (stem.ends_with(".sqlite")) {
            if (dialect != Dialect::kSqlite) continue;
            stem.remove_suffix(7);
        } else if (stem.ends_with(".pg")) {
            if (dialect != Dialect::kPostgres) continue;
            stem.remove_suffix(3);
        }
        if (stem.size() < 5 || stem[3] != '_' ||
            !std::all_of(stem.begin(), stem.begin() + 3, [](char c) { return c >= '0' && c <= '9'; }))
            throw std::invalid_argument("migration file must be NNN_title.sql: " + std::string(file));
        Migration m;
        m.module = std::string(module);
        m.number = std::stoi(std::string(stem.substr(0, 3)));
        m.name = std::string(stem.substr(4));
        m.sql = ExpandDialectTokens(content, dialect);
        out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.number < b.number; });
    return out;
}

Result<int> ApplyMigrations(Connection& conn, const std::vector<Migration>& migrations) {
    JW_RETURN_IF_ERROR(
        conn.ExecScript("CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, number INTEGER NOT NULL, "
                        "name TEXT NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (module, number))"));
    int applied = 0;
    for (const auto& m : migrations) {
        Status s = InTransaction(conn, [&](Connection& c) -> Status {
            auto done =
                c.Query("SELECT 1 FROM schema_migrations WHERE module = ? AND number = ?", {V(m.module), V(m.number)});
            if (!done.ok()) return done.status();
            if (!done->empty()) return Status::Ok();
            Status run = c.ExecScript(m.sql);
            if (!run.ok())
                return Status::Internal(m.module + " migration " + std::to_string(m.number) + ": " + run.message());
            ++applied;
            return c.Exec("INSERT INTO schema_migrations (module, number, name, applied_at) VALUES (?, ?, ?, ?)",
                          {V(m.module), V(m.number), V(m.name), V(static_cast<int64_t>(time(nullptr)))});
        });
        if (!s.ok()) return s;
    }
    return applied;
}

}  // namespace jw::storage
