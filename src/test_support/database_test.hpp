#pragma once
// For the tests of modules: a fresh database per backend (storage/test_databases.hpp) migrated with the
// platform's schemas and the module's own, the roles of their permission tables, and rows of a small county
// (units, users with a role). Test-only: linked into test binaries, never into jingwu.

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/database.hpp"
#include "storage/test_databases.hpp"  // Backends() for INSTANTIATE_TEST_SUITE_P

namespace jw::test_support {

using EmbeddedFiles = std::vector<std::pair<std::string_view, std::string_view>>;

// One module's embedded files (schema/NNN_*.sql and permissions.csv), as its ModuleFiles() gives them.
struct Schema {
    std::string_view module;
    const EmbeddedFiles* files;
};

// The platform tables module schemas refer to, in the server's order: auth (units, users, roles), then the
// audit log when `with_audit`, then notify (notifications, outbox).
std::vector<Schema> PlatformSchemas(bool with_audit = false);

// Applies the migrations of `schemas` in order (those not yet applied) and, with `seed_roles`, inserts the
// roles of every permissions.csv among their files (auth::SeedRoles). Error: the step that failed.
Status Migrate(storage::Database& db, const std::vector<Schema>& schemas, bool seed_roles);

// Opens a fresh database on `backend` named after `name` and migrates it (Migrate). nullptr when the backend is
// unavailable here (PostgreSQL without JW_TEST_PG_URL). Error: the step that failed.
Result<std::unique_ptr<storage::Database>> OpenMigrated(const std::string& backend, const std::string& name,
                                                        const std::vector<Schema>& schemas, bool seed_roles);

// A unit in region 519901; kind "station" unless given. Error: the database's.
Result<int64_t> InsertUnit(storage::Connection& c, const std::string& code, const std::string& name,
                           std::optional<int64_t> parent, const std::string& kind = "station");

// An active user with a placeholder password hash; police number and name default to the user name; the role
// (when not empty) is granted in user_roles. Error: the database's.
struct NewUser {
    std::string username;
    int64_t unit_id = 0;
    std::string role;
    std::string police_no;
    std::string name;
};
Result<int64_t> InsertUser(storage::Connection& c, const NewUser& u);

// A test parameterised by backend name (storage::testing::Backends()) holding a migrated database and one
// connection of it for the test body.
class DatabaseTest : public ::testing::TestWithParam<std::string> {
  protected:
    // Call first in SetUp. False when the test was skipped (backend unavailable) or failed: SetUp returns then.
    bool OpenDatabase(const std::string& name, const std::vector<Schema>& schemas, bool seed_roles = true);
    // Shorthands for the test body; a database error fails the test (and gives 0).
    int64_t Unit(const std::string& code, const std::string& name, std::optional<int64_t> parent,
                 const std::string& kind = "station");
    int64_t User(const std::string& username, int64_t unit_id, const std::string& role);
    // The first column of the first row of `sql`, as an integer (COUNT(*) and the like).
    int64_t Count(const std::string& sql, const storage::Params& params = {});

    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<storage::Database::Lease> lease_;
    storage::Connection* c_ = nullptr;
};

}  // namespace jw::test_support
