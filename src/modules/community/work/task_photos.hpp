#pragma once
// The photos of a task's completion report (ADR 0069): uploads of the reporter (POST /media) named in the report's
// media_ids are attached to the task in the report's transaction (ReportTask; InvalidArgument naming media_ids
// `not_found` / `attached_elsewhere`, media_store.hpp Attach) and read like the task (its read permission and unit
// scope: the access check registered with the task routes).

namespace jw::community {

inline constexpr const char* kTaskPhotoKind = "community.task";

}  // namespace jw::community
