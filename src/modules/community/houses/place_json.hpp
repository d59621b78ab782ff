#pragma once
// Shared by the houses and orgs handlers: the caller as actor and scope, and reading the optional, nullable
// fields of a JSON body that JsonReader does not cover (numbers with a fraction, explicit nulls).

#include <optional>
#include <string>

#include "common/json_util.hpp"
#include "community/houses/houses_service.hpp"
#include "community/people/person.hpp"
#include "http/context.hpp"

namespace jw::community {

PlaceActor ActorOf(const http::Request& req);
UnitScope ScopeOf(const http::Request& req);
// Whether `name` is present and JSON null.
bool IsNull(const Json& body, const char* name);
// A number in (0, max]; absent or null → nullopt. Problems recorded on `in`: must_be_number, out_of_range.
std::optional<double> Area(const Json& body, const char* name, double max, JsonReader& in);
// A person given by identity instead of an id: {"id_kind", "id_number", "nationality", "name"} (the people
// register's names), resolved with ResolvePerson when the record is written. nullopt when absent; problems are
// recorded on `in` as "<name>.<field>".
std::optional<PersonInput> PersonIdentity(const Json& body, const char* name, JsonReader& in);
// ResolvePerson (find or register) in the write's transaction; its field problems renamed "<name>.<field>".
Result<int64_t> ResolvePersonField(storage::Connection& tx, const PersonInput& person, const auth::Principal& who,
                                   const std::string& name);
// A person id field (positive integer) unless null.
std::optional<int64_t> PersonField(const Json& body, const char* name, JsonReader& in);

}  // namespace jw::community
