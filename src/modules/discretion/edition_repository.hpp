#pragma once
// SQL for benchmark editions (schema/001_editions.sql), portable between SQLite and PostgreSQL. No rules here:
// edition_service.hpp decides what may change. Every function runs on the connection it is given (inside the
// caller's transaction for writes). Errors: those of storage::Connection; NotFound where stated.

#include <optional>
#include <utility>
#include <vector>

#include "discretion/catalogue.hpp"
#include "discretion/edition.hpp"
#include "storage/database.hpp"

namespace jw::discretion::repo {

Result<int64_t> InsertEdition(storage::Connection& c, const Edition& e);
// Error: NotFound("edition").
Result<Edition> GetEdition(storage::Connection& c, int64_t id);
// Newest first.
Result<std::vector<Edition>> ListEditions(storage::Connection& c);
// The most recently published edition, if any.
Result<std::optional<int64_t>> CurrentPublishedId(storage::Connection& c);
Result<int> NextVersion(storage::Connection& c, const std::string& code);
Result<bool> CodeExists(storage::Connection& c, const std::string& code);
// Writes every header column except id, code, version, created_*.
Status UpdateEdition(storage::Connection& c, const Edition& e);

// Inserts in batches (one statement per 100 rows).
Status InsertCircumstances(storage::Connection& c, int64_t edition, const std::vector<Circumstance>& rows);
Status ReplaceCircumstance(storage::Connection& c, int64_t edition, const Circumstance& row);
// False when there was no such circumstance.
Result<bool> DeleteCircumstance(storage::Connection& c, int64_t edition, const std::string& id);
Status InsertFactorPercents(storage::Connection& c, int64_t edition,
                            const std::map<std::pair<std::string, std::string>, int>& percents);
Status SetFactorPercent(storage::Connection& c, int64_t edition, const std::string& law, const std::string& code,
                        int percent);
Result<EditionContent> LoadContent(storage::Connection& c, int64_t edition);

struct CircumstanceQuery {
    std::string q;    // words in the description or the id
    std::string law;  // "" | "2012" | "2025"
    int article = 0;  // 0 = any
    int page = 1, page_size = 20;
};
// One page ordered by law, article, paragraph, kind, id; with the total count.
Result<std::pair<std::vector<Circumstance>, int64_t>> ListCircumstances(storage::Connection& c, int64_t edition,
                                                                        const CircumstanceQuery& q);

}  // namespace jw::discretion::repo
