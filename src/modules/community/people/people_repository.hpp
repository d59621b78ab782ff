#pragma once
// All SQL of the actual population (community_people, community_person_moves). The personal fields are sealed
// here, on the way in, and opened on the way out (community::Sealer(), ADR 0017): id_number, phones (a JSON
// array, sealed whole) and hukou_address. Callers hold the connection (and the transaction for writes).
// Errors: the storage layer's; Internal when a sealed field cannot be opened (wrong key file).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "community/people/person.hpp"
#include "storage/database.hpp"

namespace jw::community {

// Inserts `p` (id and version ignored; version 1) unless a person with `id_index` exists. The new id, or nullopt
// when the index was taken (also by a concurrent writer: ON CONFLICT DO NOTHING, the transaction stays usable).
// The values of one register row in the column order id_kind … updated_at (no id, no version), the sealed fields
// sealed: the single insert below and the bulk load (people_bulk.cpp) write the same row.
storage::Params PersonRowValues(const Person& p, const std::string& id_index);
Result<std::optional<int64_t>> InsertPersonIfNew(storage::Connection& c, const Person& p, const std::string& id_index);
// The person with that blind index, or nullopt.
Result<std::optional<Person>> FindPersonByIndex(storage::Connection& c, const std::string& id_index);
// NotFound "person".
Result<Person> LoadPerson(storage::Connection& c, int64_t id);
// Writes every field of `p` but its identity (kind, number, nationality, index), collector, unit and creation,
// sets version = expected_version + 1 and updated_at = now. Conflict "person version" when the stored version is
// not `expected_version` (someone changed it meanwhile); NotFound "person" when there is no such row.
Status UpdatePerson(storage::Connection& c, const Person& p, int expected_version, int64_t now);
// "SELECT <every column> FROM community_people p" and the Person of such a row (personal fields opened), for the
// queries that add their own WHERE / JOIN (people_queries.cpp).
extern const char* kPersonSelect;
Result<Person> PersonFromRow(const storage::Row& r);
// Whether a standard address with that code exists (community_addresses.code).
Result<bool> AddressExists(storage::Connection& c, const std::string& code);

// Inserts new people (version 1) with their blind indexes (`indexes[i]` for `people[i]`), many rows per statement:
// the demo seed and bulk imports. skip_existing: a row whose index exists already is left out (ON CONFLICT DO
// NOTHING) and the indexes actually inserted are returned; otherwise an existing index is a Conflict and the
// result is empty.
Result<std::vector<std::string>> InsertPeopleBulk(storage::Connection& c, const std::vector<Person>& people,
                                                  const std::vector<std::string>& indexes, bool skip_existing);

}  // namespace jw::community
