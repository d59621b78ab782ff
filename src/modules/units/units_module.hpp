#pragma once
// The units module (issue 12, ADR 0024): restructuring units — merge, split, rename, move — effective on a date,
// with unit history, dry run, one audited transaction per change, and undo until the effective date.
// Each module that keeps unit-bound rows registers a Participant (participant.hpp); this module adds auth's
// (officers). Routes: docs/api/units-restructure.md. RegisterRoutes once at start-up.

#include <string_view>
#include <utility>
#include <vector>

#include "auth/session_service.hpp"
#include "http/router.hpp"
#include "modules/module.hpp"
#include "storage/database.hpp"
#include "units/participant.hpp"

namespace jw::units {

struct Deps {
    storage::Database& db;
    const Participants& participants;          // lives as long as the server; filled by AttachParticipants
    auth::SessionService* sessions = nullptr;  // cached principals are rebuilt after a change (unit scopes move)
};

void RegisterRoutes(http::Router& router, Deps deps);
// The participants this module owns (auth's users).
void AddCoreParticipants(Participants& participants);
// Auth's participant and then every module's that is a ParticipantSource, in module order.
Participants CollectParticipants(const std::vector<std::unique_ptr<modules::Module>>& all);
// Hands the serving units module (started among `all`) the participants of `all`; call once every module has
// started, before the server listens.
void AttachParticipants(const std::vector<std::unique_ptr<modules::Module>>& all);
// Migrations (schema/NNN_*.sql) and permissions.csv, embedded.
const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles();

}  // namespace jw::units
