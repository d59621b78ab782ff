#include "checkpoint/devices_repository.hpp"

namespace jw::checkpoint {

Status UpsertDevice(storage::Connection&, const Device&, int64_t) { return Status::Internal("not built yet"); }
Result<std::set<std::string>> LoadCheckpointIds(storage::Connection&) { return std::set<std::string>{}; }
Status SyncCheckpointsToHub(storage::Connection&, PassHub&) { return Status::Ok(); }
Status SaveBaseMap(storage::Connection&, const std::string&, int64_t) { return Status::Internal("not built yet"); }

}  // namespace jw::checkpoint
