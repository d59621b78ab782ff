#pragma once
// Shared by the module's handler files (discretion_handlers.cpp, edition_handlers.cpp). Not a contract.

#include <memory>
#include <optional>

#include "discretion/edition_service.hpp"
#include "http/router.hpp"

namespace jw::discretion::internal {

struct HandlerDeps {
    storage::Database& db;
    std::shared_ptr<EditionCatalogues> catalogues;
};

// The catalogue of the named edition or the current published one (EditionCatalogues::ForDecision).
Result<std::shared_ptr<const Catalogue>> CatalogueFor(const HandlerDeps& d, std::optional<int64_t> edition);
void RegisterEditionRoutes(http::Router& router, const HandlerDeps& d);

}  // namespace jw::discretion::internal
