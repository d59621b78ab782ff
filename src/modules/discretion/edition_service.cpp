#include "discretion/edition_service.hpp"

#include "discretion/edition_repository.hpp"

namespace jw::discretion {
namespace {

Result<Edition> Draft(storage::Connection& tx, int64_t id) {
    JW_ASSIGN_OR_RETURN(Edition e, repo::GetEdition(tx, id));
    if (e.status != kDraft) return Status::Conflict("edition is not a draft");
    return e;
}

Result<Edition> UnderReview(storage::Connection& tx, int64_t id) {
    JW_ASSIGN_OR_RETURN(Edition e, repo::GetEdition(tx, id));
    if (e.status != kReview) return Status::Conflict("edition is not under review");
    return e;
}

bool ValidCode(const std::string& code) {
    if (code.empty() || code.size() > 20) return false;
    for (char ch : code) {
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-')) return false;
    }
    return true;
}

}  // namespace

Status SeedSampleEdition(storage::Connection& tx, int64_t now) {
    JW_ASSIGN_OR_RETURN(bool exists, repo::CodeExists(tx, kSampleCode));
    if (exists) return Status::Ok();
    const Catalogue& embedded = Catalogue::Embedded();
    const EditionContent content = embedded.Content();
    Edition e;
    e.code = kSampleCode;
    e.version = 1;
    e.title = "【样本】治安管理处罚裁量基准（样本，非正式裁量基准）";
    e.sample = true;
    e.status = kPublished;
    e.content_hash = EditionContentHash(content);
    e.created_at = e.published_at = e.reviewed_at = now;
    JW_ASSIGN_OR_RETURN(int64_t id, repo::InsertEdition(tx, e));
    JW_RETURN_IF_ERROR(repo::InsertCircumstances(tx, id, content.circumstances));
    return repo::InsertFactorPercents(tx, id, content.factor_percents);
}

Result<Edition> CreateDraft(storage::Connection& tx, int64_t from, const std::string& code, const std::string& title,
                            int64_t user, int64_t now) {
    auto source = repo::GetEdition(tx, from);
    if (!source.ok()) {
        if (source.status().code() == ErrorCode::kNotFound) return Status::Invalid("from", "unknown_edition");
        return source.status();
    }
    if (!code.empty() && !ValidCode(code)) return Status::Invalid("code", "upper_case_letters_digits_dash");
    if (title.empty()) return Status::Invalid("title", "required");
    Edition e;
    e.code = code.empty() ? source->code : code;
    JW_ASSIGN_OR_RETURN(e.version, repo::NextVersion(tx, e.code));
    e.title = title;
    e.sample = source->sample;
    e.status = kDraft;
    e.based_on = from;
    e.created_by = user;
    e.created_at = now;
    JW_ASSIGN_OR_RETURN(EditionContent content, repo::LoadContent(tx, from));
    JW_ASSIGN_OR_RETURN(e.id, repo::InsertEdition(tx, e));
    JW_RETURN_IF_ERROR(repo::InsertCircumstances(tx, e.id, content.circumstances));
    JW_RETURN_IF_ERROR(repo::InsertFactorPercents(tx, e.id, content.factor_percents));
    return repo::GetEdition(tx, e.id);
}

Result<Edition> UpdateDraft(storage::Connection& tx, int64_t id, std::optional<std::string> title,
                            std::optional<bool> sample) {
    JW_ASSIGN_OR_RETURN(Edition e, Draft(tx, id));
    if (title) {
        if (title->empty()) return Status::Invalid("title", "required");
        e.title = *title;
    }
    if (sample) e.sample = *sample;
    JW_RETURN_IF_ERROR(repo::UpdateEdition(tx, e));
    return e;
}

Status PutCircumstance(storage::Connection& tx, int64_t id, const Circumstance& circumstance) {
    JW_RETURN_IF_ERROR(Draft(tx, id).status());
    JW_RETURN_IF_ERROR(ValidateCircumstance(Catalogue::Embedded(), circumstance));
    return repo::ReplaceCircumstance(tx, id, circumstance);
}

Status RemoveCircumstance(storage::Connection& tx, int64_t id, const std::string& circumstance_id) {
    JW_RETURN_IF_ERROR(Draft(tx, id).status());
    JW_ASSIGN_OR_RETURN(bool removed, repo::DeleteCircumstance(tx, id, circumstance_id));
    return removed ? Status::Ok() : Status::NotFound("circumstance");
}

Status PutFactorPercent(storage::Connection& tx, int64_t id, const std::string& law, const std::string& code,
                        int percent) {
    JW_RETURN_IF_ERROR(Draft(tx, id).status());
    JW_RETURN_IF_ERROR(ValidateFactorPercent(Catalogue::Embedded(), law, code, percent));
    return repo::SetFactorPercent(tx, id, law, code, percent);
}

Result<Edition> Submit(storage::Connection& tx, int64_t id, int64_t user, int64_t now) {
    JW_ASSIGN_OR_RETURN(Edition e, Draft(tx, id));
    if (e.circumstance_count == 0) return Status::Invalid("circumstances", "required");
    e.status = kReview;
    e.submitted_by = user;
    e.submitted_at = now;
    e.review_note.clear();
    JW_RETURN_IF_ERROR(repo::UpdateEdition(tx, e));
    return e;
}

Result<Edition> Publish(storage::Connection& tx, int64_t id, int64_t user, int64_t now) {
    JW_ASSIGN_OR_RETURN(Edition e, UnderReview(tx, id));
    if (user == e.submitted_by || user == e.created_by) {
        return Status::Denied("an edition is published by someone other than its author");
    }
    JW_ASSIGN_OR_RETURN(EditionContent content, repo::LoadContent(tx, id));
    // The whole content must still fit the catalogue (a check at each edit is not enough if the law data changed).
    EditionRef ref{id, e.code, e.version, EditionContentHash(content), e.sample};
    JW_RETURN_IF_ERROR(Catalogue::Embedded().WithEdition(ref, content).status());
    e.status = kPublished;
    e.content_hash = ref.content_hash;
    e.reviewed_by = user;
    e.reviewed_at = e.published_at = now;
    JW_RETURN_IF_ERROR(repo::UpdateEdition(tx, e));
    return e;
}

Result<Edition> Return(storage::Connection& tx, int64_t id, int64_t user, const std::string& note, int64_t now) {
    JW_ASSIGN_OR_RETURN(Edition e, UnderReview(tx, id));
    if (note.empty()) return Status::Invalid("note", "required");
    e.status = kDraft;
    e.reviewed_by = user;
    e.reviewed_at = now;
    e.review_note = note;
    JW_RETURN_IF_ERROR(repo::UpdateEdition(tx, e));
    return e;
}

Result<std::shared_ptr<const Catalogue>> EditionCatalogues::ForDecision(storage::Connection& c,
                                                                        std::optional<int64_t> id) {
    if (!id) {
        JW_ASSIGN_OR_RETURN(std::optional<int64_t> current, repo::CurrentPublishedId(c));
        if (!current) return std::shared_ptr<const Catalogue>(&Catalogue::Embedded(), [](const Catalogue*) {});
        id = current;
    }
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (auto it = cache_.find(*id); it != cache_.end()) return it->second;
    }
    auto e = repo::GetEdition(c, *id);
    if (!e.ok()) {
        if (e.status().code() == ErrorCode::kNotFound) return Status::Invalid("edition_id", "unknown_edition");
        return e.status();
    }
    if (e->status != kPublished) return Status::Invalid("edition_id", "not_published");
    JW_ASSIGN_OR_RETURN(EditionContent content, repo::LoadContent(c, *id));
    EditionRef ref{e->id, e->code, e->version, EditionContentHash(content), e->sample};
    if (ref.content_hash != e->content_hash) {
        return Status::Internal("edition " + std::to_string(*id) + " content does not match its published hash");
    }
    JW_ASSIGN_OR_RETURN(Catalogue catalogue, Catalogue::Embedded().WithEdition(ref, content));
    auto shared = std::make_shared<const Catalogue>(std::move(catalogue));
    std::lock_guard<std::mutex> lock(mu_);
    return cache_.emplace(*id, shared).first->second;
}

}  // namespace jw::discretion
