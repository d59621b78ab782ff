#include "community/dossier/dossier.hpp"

#include <algorithm>

#include "common/civil_time.hpp"
#include "community/people/people_service.hpp"

namespace jw::community::dossier {

void Registry::Add(std::unique_ptr<SectionProvider> provider) {
    std::lock_guard lock(mu_);
    std::erase_if(providers_, [&](const auto& p) { return p->Name() == provider->Name(); });
    providers_.push_back(std::move(provider));
}

std::vector<const SectionProvider*> Registry::List() const {
    std::lock_guard lock(mu_);
    std::vector<const SectionProvider*> out;
    for (const auto& p : providers_) out.push_back(p.get());
    std::sort(out.begin(), out.end(), [](const SectionProvider* a, const SectionProvider* b) {
        return a->Order() != b->Order() ? a->Order() < b->Order() : a->Name() < b->Name();
    });
    return out;
}

Registry& ServingRegistry() {
    static Registry registry;
    return registry;
}

namespace {

// The person unmasked: the purpose stated for this page is what allows it.
Json PersonJson(const Person& p) {
    auto opt = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); };
    return {{"person_id", p.id},
            {"id_kind", p.id_kind},
            {"id_number", p.id_number},
            {"nationality", p.nationality},
            {"name", p.name},
            {"sex", p.sex},
            {"birth_date", p.birth_date},
            {"ethnicity", p.ethnicity},
            {"hukou_address", p.hukou_address},
            {"residence_address_id", opt(p.residence_address_id)},
            {"category", p.category},
            {"phones", p.phones},
            {"photo_media_id", opt(p.photo_media_id)},
            {"permit_no", p.permit_no},
            {"permit_expires", opt(p.permit_expires)},
            {"status", p.status},
            {"unit_id", p.unit_id},
            {"created_at", FormatUtcIso(p.created_at)},
            {"updated_at", FormatUtcIso(p.updated_at)},
            {"version", p.version}};
}

Result<Person> LoadPerson(storage::Connection& c, int64_t person_id, const auth::Principal& reader) {
    auto p = GetPerson(c, person_id);
    if (!p.ok()) return p.status().code() == ErrorCode::kNotFound ? Status::NotFound("person") : p.status();
    if (!reader.SeesUnit(p->unit_id)) return Status::NotFound("person");
    return p;
}

}  // namespace

Result<Subject> LoadSubject(storage::Connection& c, int64_t person_id, const auth::Principal& reader) {
    JW_ASSIGN_OR_RETURN(Person p, LoadPerson(c, person_id, reader));
    return Subject{p.id, p.id_kind, p.id_number, p.nationality, p.name, p.unit_id};
}

Result<Json> BuildDossier(storage::Connection& c, const Registry& registry, int64_t person_id,
                          const auth::Principal& reader, int64_t now) {
    JW_ASSIGN_OR_RETURN(Person p, LoadPerson(c, person_id, reader));
    const Subject subject{p.id, p.id_kind, p.id_number, p.nationality, p.name, p.unit_id};
    Json sections = Json::array();
    for (const SectionProvider* provider : registry.List()) {
        JW_ASSIGN_OR_RETURN(Json body, provider->Build(c, subject, reader));
        body["name"] = std::string(provider->Name());
        body["order"] = provider->Order();
        sections.push_back(std::move(body));
    }
    return Json{{"person", PersonJson(p)}, {"sections", sections}, {"generated_at", FormatUtcIso(now)}};
}

}  // namespace jw::community::dossier
