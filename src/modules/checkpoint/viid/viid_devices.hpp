#pragma once
// Tollgates and APEs reported over GA/T 1400 (POST /VIID/Tollgates, /VIID/APEs): each parsed object is stored
// on its own, so a refused one leaves the others stored. Runs inside the caller's write transaction.

#include <string>
#include <vector>

#include "checkpoint/pass_hub.hpp"
#include "checkpoint/viid/viid_codec.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

// What became of one object: `reason` empty when stored, else why not (the parser's reason, or the field and
// problem the registry refused it for).
struct DeviceOutcome {
    std::string object_id, reason;
};

// Upserts every parsed device in its own savepoint and, when any was stored, installs the registry in the hub.
// One outcome per object, in order. Errors: the database's (a refusal other than InvalidArgument or Conflict).
Result<std::vector<DeviceOutcome>> StoreReportedDevices(storage::Connection& c, PassHub& hub,
                                                        const std::vector<viid::DeviceResult>& parsed, int64_t now);

}  // namespace jw::checkpoint
