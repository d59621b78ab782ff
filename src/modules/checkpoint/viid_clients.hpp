#pragma once
// Credentials of upstream platforms and devices allowed to push GA/T 1400 data. Owned by the viid part.

#include <string>

#include "storage/database.hpp"

namespace jw::checkpoint {

// Adds or replaces a client (`jingwu viid add-client`, the admin UI). Errors: InvalidArgument naming
// "id" (not 20 digits), "password" (shorter than 8), "name" (over 100 characters).
Status AddViidClient(storage::Connection& c, const std::string& key, const std::string& id,
                     const std::string& password, const std::string& name, int64_t now);

}  // namespace jw::checkpoint
