#pragma once
// For the units tests: a fresh database (SQLite or PostgreSQL) with the platform's identity tables, the units
// schema and the demo county of `jingwu init --demo` (its units and officers), plus helpers. Test-only.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "units/plan.hpp"

namespace jw::units::testing {

// Opens a fresh database for `backend`, applies the migrations of audit, auth, notify, units and `extra`, seeds the
// roles; with `demo`, also the demo county. nullptr when the backend is unavailable here.
std::unique_ptr<storage::Database> OpenFresh(
    const std::string& backend, const std::string& name, bool demo,
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string_view, std::string_view>>>>& extra = {});

// Like OpenFresh with `demo`, but the demo county (whose ~130 officers' password hashes take seconds) is seeded
// once per backend and process into a template that each call copies.
std::unique_ptr<storage::Database> OpenDemoCopy(
    const std::string& backend, const std::string& name,
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string_view, std::string_view>>>>& extra = {},
    const std::function<Status(storage::Connection&)>& seed_more = {});

// A file of testdata/ as text, with "@DATE@" replaced by `date`.
std::string TestData(const std::string& file, const std::string& date = "2099-01-01");
Plan ParseOrDie(const std::string& text);

int64_t UnitId(storage::Connection& c, const std::string& code);
int64_t UserUnit(storage::Connection& c, const std::string& username);
int64_t Count(storage::Connection& c, const std::string& sql);
// Runs `fn` in a write transaction, rolled back when it fails.
Status InTx(storage::Database& db, const std::function<Status(storage::Connection&)>& fn);

}  // namespace jw::units::testing
