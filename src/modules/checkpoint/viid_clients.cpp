#include "checkpoint/viid_clients.hpp"

namespace jw::checkpoint {

Status AddViidClient(storage::Connection&, const std::string&, const std::string&, const std::string&,
                     const std::string&, int64_t) {
    return Status::Internal("not built yet");
}

}  // namespace jw::checkpoint
