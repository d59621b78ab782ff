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
Result<std::optional<int64_t>> InsertPersonIfNew(storage::Connection& c, const Person& p, const std::string& id_index);
// The person with that blind index, or nullopt.
Result<std::optional<Person>> FindPersonByIndex(storage::Connection& c, const std::string& id_index);
// NotFound "person".
Result<Person> LoadPerson(storage::Connection& c, int64_t id);
// Writes every field of `p` but its identity (kind, number, nationality, index), collector, unit and creation,
// sets version = expected_version + 1 and updated_at = now. Conflict "person version" when the stored version is
// not `expected_version` (someone changed it meanwhile); NotFound "person" when there is no such row.
Status UpdatePerson(storage::Connection& c, const Person& p, int expected_version, int64_t now);
// Whether a standard address with that code exists (community_addresses.code).
Result<bool> AddressExists(storage::Connection& c, const std::string& code);

}  // namespace jw::community
