#pragma once
// A Committer job that needs no SAVEPOINT of its own (ADR 0066): it touches the connection with at most one
// statement whose failure fails the whole batch anyway, or not at all (the audit record of a read, which is only
// buffered and written with the batch's other records before COMMIT). Saves two round trips per job on
// PostgreSQL. Submit it wrapped: committer.Submit(storage::LightJob{fn}, done); the Committer recognises the
// type.
#include <functional>

#include "storage/database.hpp"

namespace jw::storage {

struct LightJob {
    std::function<Status(Connection&)> fn;
    Status operator()(Connection& c) const { return fn(c); }
};

}  // namespace jw::storage
