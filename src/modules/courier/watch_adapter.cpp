#include "courier/watch_adapter.hpp"

namespace jw::courier {

// Until the person watch list lands on main the check answers "no hit" (see the report of issue 17).
WatchCheck MakeWatchCheck() {
    return [](storage::Connection&, const WatchSubject&, int64_t) -> Result<WatchVerdict> { return WatchVerdict{}; };
}

}  // namespace jw::courier
