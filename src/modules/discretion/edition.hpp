#pragma once
// A benchmark edition (裁量基准版本) of a bureau's legal office: header and lifecycle. The content (circumstances
// and factor percentages) is an EditionContent (catalogue.hpp). Plain data.
//
// Lifecycle: draft → review (submit) → published (publish, by someone other than the submitter), or back to
// draft (return, with a note). Only a draft can change; a published edition never changes again.

#include <cstdint>
#include <optional>
#include <string>

namespace jw::discretion {

inline constexpr const char* kDraft = "draft";
inline constexpr const char* kReview = "review";
inline constexpr const char* kPublished = "published";

struct Edition {
    int64_t id = 0;
    std::string code;  // "SAMPLE-1", "CG-2026"
    int version = 1;   // per code, from 1
    std::string title;
    bool sample = false;  // 【样本】, not an official benchmark
    std::string status = kDraft;
    std::optional<int64_t> based_on;  // the edition it was copied from
    std::string content_hash;         // set when published (EditionContentHash)
    int64_t created_by = 0, created_at = 0;
    int64_t submitted_by = 0, submitted_at = 0;
    int64_t reviewed_by = 0, reviewed_at = 0;
    int64_t published_at = 0;
    std::string review_note;
    int64_t circumstance_count = 0;  // filled by reads
};

}  // namespace jw::discretion
