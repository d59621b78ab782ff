#pragma once
// The rules of benchmark editions (issue 3, "Benchmark editions"): the shipped sample loaded as a published
// edition, drafts copied from a published edition, edits of a draft only, submit → publish / return by a
// different person, and the catalogue a decision uses. Each function runs on the connection it is given; the
// writers are meant to run inside one audited transaction (http::Reply::write).
//
// Errors common to the writers: NotFound("edition"); Conflict "edition is not a draft" when anything but a draft
// would change (a published edition never changes); InvalidArgument naming the field for bad content.

#include <memory>
#include <mutex>
#include <optional>

#include "discretion/catalogue.hpp"
#include "discretion/edition.hpp"
#include "storage/database.hpp"

namespace jw::discretion {

inline constexpr const char* kSampleCode = "SAMPLE-1";

// Inserts the edition compiled into the binary (SAMPLE-1, 【样本】) as published version 1 unless an edition with
// that code exists. Idempotent; run at start-up after the migrations.
Status SeedSampleEdition(storage::Connection& tx, int64_t now);

// A new draft copied from edition `from` (any status). `code` "" keeps the source's code and takes its next
// version; a new code starts at version 1. Errors: InvalidArgument "from" (not found), "code" (bad format).
Result<Edition> CreateDraft(storage::Connection& tx, int64_t from, const std::string& code, const std::string& title,
                            int64_t user, int64_t now);
// Changes the title and/or the sample mark of a draft.
Result<Edition> UpdateDraft(storage::Connection& tx, int64_t id, std::optional<std::string> title,
                            std::optional<bool> sample);
// Adds or replaces one circumstance of a draft (checked by ValidateCircumstance).
Status PutCircumstance(storage::Connection& tx, int64_t id, const Circumstance& circumstance);
// Error: NotFound("circumstance").
Status RemoveCircumstance(storage::Connection& tx, int64_t id, const std::string& circumstance_id);
Status PutFactorPercent(storage::Connection& tx, int64_t id, const std::string& law, const std::string& code,
                        int percent);

// draft → review. Error: InvalidArgument "circumstances" when the draft has none.
Result<Edition> Submit(storage::Connection& tx, int64_t id, int64_t user, int64_t now);
// review → published, recording the content hash. Errors: Conflict "edition is not under review";
// PermissionDenied when `user` submitted or created the draft (four-eyes rule).
Result<Edition> Publish(storage::Connection& tx, int64_t id, int64_t user, int64_t now);
// review → draft with the reviewer's note. Errors: Conflict "edition is not under review"; InvalidArgument "note".
Result<Edition> Return(storage::Connection& tx, int64_t id, int64_t user, const std::string& note, int64_t now);

// Catalogues of published editions, built once per edition and shared (a published edition never changes).
// Thread-safe.
class EditionCatalogues {
  public:
    // The catalogue with edition `id`'s content, or the current published one when `id` is absent (the embedded
    // sample when the database holds none). Errors: InvalidArgument "edition_id" ("unknown_edition",
    // "not_published"); Internal when stored content no longer matches its published hash.
    Result<std::shared_ptr<const Catalogue>> ForDecision(storage::Connection& c, std::optional<int64_t> id);

  private:
    std::mutex mu_;
    std::map<int64_t, std::shared_ptr<const Catalogue>> cache_;
};

}  // namespace jw::discretion
