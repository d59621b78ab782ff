#pragma once
// The to-do centre (待办, issue 13, ADR 0042): work that waits for the user — cases to review, problems to answer,
// alerts to sign, 督办 to answer, watch orders to approve … — counted on every home page and in the header badge.
// Each module contributes a Source for its own kind of work (its own SQL, its own permission and data-scope rule)
// and adds it once from its Start to ServingRegistry(), as the person page's sections do (community/dossier); the
// one route (GET /api/v1/todo, the admin module) asks every source that applies to the reader.
//
// Thread safety: Registry::Add only while the server starts (before it listens); everything else is read-only and
// may run on many threads. Sources are stateless and run on the caller's read connection.

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

namespace jw::notify::todo {

// One piece of waiting work, as the to-do list shows it. `title` is data (a case number and cause, a plate), not
// prose: the web page words the kind from its locale file.
struct Entry {
    int64_t id = 0;      // of the record in its module
    std::string title;   // e.g. "5199012026XZ00012 盗窃"
    std::string detail;  // e.g. the unit, the problem's text
    int64_t since = 0;   // when the work arrived (Unix seconds)
    std::string due;     // a deadline when the work has one (YYYY-MM-DD or ISO time), else empty
    std::string link;    // the web path that does the work (e.g. /cases/12)
};

class Source {
  public:
    virtual ~Source() = default;
    // The kind: "<module>.<what>", the key of the line in the reply and of its words in the web's todo.json.
    virtual std::string_view Kind() const = 0;
    // Lower first.
    virtual int Order() const = 0;
    // The web path listing all of this work (the line's link).
    virtual std::string_view Link() const = 0;
    // Whether the reader can have this work at all (their permission). A source that does not apply is not asked
    // and shows no line.
    virtual bool Applies(const auth::Principal& reader) const = 0;
    // How much work waits for the reader, within their data scope. Errors: the database's.
    virtual Result<int64_t> Count(storage::Connection& c, const auth::Principal& reader, int64_t now) const = 0;
    // The oldest-first first `limit` entries of that work (the same rows Count counts).
    virtual Result<std::vector<Entry>> List(storage::Connection& c, const auth::Principal& reader, int64_t now,
                                            int limit) const = 0;
};

class Registry {
  public:
    // Adds a source; one of the same Kind() replaces the earlier (a server started twice in one process, tests).
    void Add(std::unique_ptr<Source> source);
    // The sources in Order(), then Kind().
    std::vector<const Source*> List() const;

  private:
    mutable std::mutex mu_;
    std::vector<std::unique_ptr<Source>> sources_;
};

// The registry the serving route reads. Modules add to it from their Start.
Registry& ServingRegistry();

// The reader's to-do: {"items": [{"kind", "count", "link", "entries"?: [...]}], "total"} for each source that
// applies (also those at zero, so a page can say "nothing waiting"); `entries` (up to `limit` each) only when
// with_entries, and then only for `only_kind` when that is not empty. Errors: the first source's error.
Result<Json> Summary(storage::Connection& c, const Registry& registry, const auth::Principal& reader, int64_t now,
                     bool with_entries, std::string_view only_kind, int limit);

}  // namespace jw::notify::todo
