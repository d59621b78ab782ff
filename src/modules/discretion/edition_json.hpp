#pragma once
// JSON views of benchmark editions, circumstances and catalogue rows for the HTTP API, and strict parsing of a
// circumstance body. Pure functions; thread-safe.

#include "common/json_util.hpp"
#include "discretion/catalogue.hpp"
#include "discretion/edition.hpp"

namespace jw::discretion {

Json EditionToJson(const Edition& e);
// base_detention / base_fine are null when the tier's default base point applies; add_fine null when not fixed.
Json CircumstanceToJson(const Circumstance& c);
Json TierToJson(const Tier& t);
Json FactorToJson(const Factor& f);
// Parses {"tier":{law,article,paragraph,kind[,seq]}, "description", "base_detention", "base_fine", "pick",
// "add_fine"} for circumstance `id`. Errors: InvalidArgument naming each bad field ("tier.article", ...).
Result<Circumstance> ParseCircumstance(const std::string& id, std::string_view body);

}  // namespace jw::discretion
