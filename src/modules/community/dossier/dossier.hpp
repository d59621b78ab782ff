#pragma once
// The person page (人员档案, issue 14, ADR 0037): everything the platform holds on one person of the master index,
// for a reader with community.person.dossier, within their data scope, with a stated purpose and case number (the
// route is needs_purpose; the dispatcher refuses without and records both in the request's audit record).
//
// Sections come from the modules through one registry: a module contributes a SectionProvider (its own SQL, its own
// scope rule) and adds it once at start-up — from its Start, to ServingRegistry() — so no module's wiring touches
// main.cpp or this folder. The community's own parts add theirs the same way (community_sections.hpp).
//
// Thread safety: Registry::Add only while the server starts (before it listens); everything else is read-only and
// may run on many threads. Providers are stateless and run on the caller's read connection.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "common/json_util.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::community::dossier {

// The person a dossier is about, as the master index holds them, unmasked (the purpose is what allows it).
struct Subject {
    int64_t person_id = 0;
    std::string id_kind;      // resident_id | passport
    std::string id_number;    // 18 digits for resident IDs
    std::string nationality;  // ISO 3166 alpha-3
    std::string name;
    int64_t unit_id = 0;  // the unit that registered the person: the person's data scope
};

// One section of the page. Name() is its key in the reply (and the web page's card); Order() places it (lower
// first; the person's own sections are 0–99, other modules 100+). Build returns the section's body, a JSON object
// with at least "items" (an array); what lies outside the reader's data scope is left out and counted in
// "hidden" (so the reader knows there is more, and whom to ask). Errors: the database's (the whole page fails: a
// page that silently lacks a section would mislead).
class SectionProvider {
  public:
    virtual ~SectionProvider() = default;
    virtual std::string_view Name() const = 0;
    virtual int Order() const = 0;
    virtual Result<Json> Build(storage::Connection& c, const Subject& subject, const auth::Principal& reader) const = 0;
};

class Registry {
  public:
    // Adds a provider; one of the same Name() replaces the earlier (a server started twice in one process, tests).
    void Add(std::unique_ptr<SectionProvider> provider);
    // The providers in Order(), then Name().
    std::vector<const SectionProvider*> List() const;

  private:
    mutable std::mutex mu_;
    std::vector<std::unique_ptr<SectionProvider>> providers_;
};

// The registry the serving dossier route reads. Modules add to it from their Start.
Registry& ServingRegistry();

// Loads the subject from the master index. NotFound "person" when the id is unknown or the person lies outside
// the reader's data scope (the registering unit is not the reader's unit or below it, unless county-wide): the
// reply does not tell the two apart.
Result<Subject> LoadSubject(storage::Connection& c, int64_t person_id, const auth::Principal& reader);

// The whole page: {"person": {…unmasked…}, "sections": [{"name", "order", …body…}], "generated_at"}.
// Errors: LoadSubject's, then any provider's.
Result<Json> BuildDossier(storage::Connection& c, const Registry& registry, int64_t person_id,
                          const auth::Principal& reader, int64_t now);

}  // namespace jw::community::dossier
