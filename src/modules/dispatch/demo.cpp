// The demo county's 110 desk (dispatch_module.hpp): filled in below.
#include "dispatch/dispatch_module.hpp"
#include "dispatch/diversion/diversion_service.hpp"

namespace jw::dispatch {

Status SeedDemo(storage::Connection& tx, int64_t) { return SyncDepartments(tx); }

}  // namespace jw::dispatch
