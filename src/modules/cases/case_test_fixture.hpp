#pragma once
// For the cases tests: a fresh database (SQLite or PostgreSQL, storage/test_databases.hpp) with the platform's
// identity and notification tables and the cases schema, a county with two stations, and principals for
// the roles. Test-only.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "auth/principal.hpp"
#include "storage/database.hpp"

namespace jw::cases::testing {

struct County {
    int64_t bureau = 0, station_a = 0, station_b = 0, legal_office = 0;
    int64_t officer_a = 0, officer_a2 = 0, officer_b = 0, reviewer = 0, leader = 0;
};

// Opens a fresh database for `backend` and applies the migrations; nullptr when the backend is unavailable.
std::unique_ptr<storage::Database> OpenFresh(const std::string& backend, const std::string& name);
// Inserts the county above. Error: the database's.
Result<County> SeedCounty(storage::Connection& c);

auth::Principal Officer(const County& k, int64_t user_id, int64_t unit_id);
auth::Principal Reviewer(const County& k);
auth::Principal Leader(const County& k);

// Runs `fn` in a write transaction (rolled back when it fails), as the Committer would.
template <typename T>
Result<T> InTx(storage::Database& db, const std::function<Result<T>(storage::Connection&)>& fn) {
    auto lease = db.Acquire();
    if (!lease.ok()) return lease.status();
    Result<T> out = Status::Internal("not run");
    Status s = storage::InTransaction(**lease, [&](storage::Connection& c) {
        out = fn(c);
        return out.status();
    });
    if (!s.ok() && out.ok()) return s;
    return out;
}

}  // namespace jw::cases::testing
