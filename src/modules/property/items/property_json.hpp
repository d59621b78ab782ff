#pragma once
// JSON of the property module's replies and the parsing of its request bodies (thin handlers call these).
// Lists and details mask the owner's name (MaskName); the full name is printed only on the papers a stated purpose
// opens (property_documents.hpp). Pure; thread-safe.

#include "common/json_util.hpp"
#include "common/status.hpp"
#include "property/custody/custody_chain.hpp"
#include "property/items/property_service.hpp"
#include "property/property.hpp"

namespace jw::property {

Json ItemJson(const Item& item);  // owner masked; review class for today
Json EventJson(const CustodyEvent& e);
Json StoreJson(const Store& s, const std::vector<Place>& places);
Json MetaJson();  // categories, measures, out purposes, disposal kinds

// {case_id, seizure_event_id, measure, category, description, quantity, quantity_unit, value_yuan, owner_person_id,
//  owner_name, seized_by, seized_at, seized_place, legal_basis, document_no, photos, bag_id}
Result<IntakeInput> ParseIntake(const Json& body);
// {reason, approved_by, receiver, signature_media_id, photos} and the other names in `more`.
Result<Movement> ParseMovement(const Json& body, std::initializer_list<std::string_view> more);
// {purpose, holder, expected_return_at, …Movement}
Result<CheckOutInput> ParseCheckOut(const Json& body, std::initializer_list<std::string_view> more);

}  // namespace jw::property
