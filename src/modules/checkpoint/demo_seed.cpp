#include "checkpoint/demo_seed.hpp"

namespace jw::checkpoint {

Status SeedDemo(storage::Connection&, const std::string&, const std::string&, int64_t) { return Status::Ok(); }

}  // namespace jw::checkpoint
