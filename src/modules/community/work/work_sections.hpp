#pragma once
// The person page's sections of the officer's work (issue 14, ADR 0037's registry, dossier/dossier.hpp): the
// visits (走访) and the dispute mediations (矛盾纠纷) that name the person (community_visits.person_ids,
// community_mediations.person_ids), newest first, at most 200 each. Records of units outside the reader's data
// scope are left out and counted in "hidden". Mediation parties come unsealed (the page is purpose-bound).
//   visits:     {id, visited_at, kind, full_name, grid_id, officer, findings, follow_up}
//   mediations: {id, occurred_at, dispute_type, status, outcome, full_name, grid_id, parties, summary}

#include "community/dossier/dossier.hpp"

namespace jw::community {

void AddWorkSections(dossier::Registry& registry);

}  // namespace jw::community
