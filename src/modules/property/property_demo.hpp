#pragma once
// The demo county's property (`jingwu init --demo`, ADR 0054): the bureau's store (涉案财物管理中心, unit 警务保障室)
// and two station stores (城关派出所, 东城派出所) with rooms, shelves and positions; two station custodians (880301,
// 880302); seizures recorded on open demo cases and items in every state — registered, in store, out for appraisal
// (one past its expected return), awaiting disposal (requested, approved), on hold, overdue for review, disposed —
// and one seizure left without items (the entry rate shows it). Runs in the demo's transaction after the cases
// module seeded its cases. Needs InstallKeys. Error: the database's, or NotFound naming a missing unit.

#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace jw::property {

Status SeedDemoProperty(storage::Connection& c, const std::string& key, int64_t now);

}  // namespace jw::property
