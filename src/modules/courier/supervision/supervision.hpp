#pragma once
// The police's view of every outlet (issue 17): real-name rate per outlet and day (records with a verified ID /
// all records), volumes, late uploads (uploaded more than kLateSeconds after the parcel was taken), and 碰撞比对
// (collision analysis) of a period's senders and receivers. SQL over courier_records; thread safety: the
// connection's.
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::courier {

inline constexpr int64_t kLateSeconds = 24 * 3600;

struct OutletDay {
    int64_t outlet_id = 0;
    std::string outlet_name, company_name, township, day;
    int64_t total = 0, verified = 0, late = 0, refused = 0, held = 0;
    double rate() const { return total ? static_cast<double>(verified) / static_cast<double>(total) : 0; }
};
// Per outlet and day in [from_day, to_day] (YYYY-MM-DD). Outlets with no record on a day have no row (the page
// shows the gap as a missing upload).
// `outlets` (here and below): only these outlets' records (a police user's area, area_scope.hpp); nullopt: all.
Result<std::vector<OutletDay>> OutletDays(storage::Connection& c, const std::string& from_day,
                                          const std::string& to_day,
                                          const std::optional<std::vector<int64_t>>& outlets = std::nullopt);

struct Collision {
    std::string kind;                 // one_sender_many_receivers | many_senders_one_address | listed
    std::string key_masked;           // the sender's ID or the address, masked
    int64_t count = 0;                // receivers, senders, or records
    std::vector<int64_t> record_ids;  // at most 50
};
// Senders with at least `min_count` distinct receivers (by phone), and receiving addresses with at least
// `min_count` distinct senders, in the period.
Result<std::vector<Collision>> CollideWithin(storage::Connection& c, const std::string& from_day,
                                             const std::string& to_day, int min_count,
                                             const std::optional<std::vector<int64_t>>& outlets = std::nullopt);
// Records of the period whose sender ID or sender / receiver phone is in the list (ID numbers and phones).
Result<std::vector<Collision>> CollideWithList(storage::Connection& c, const std::string& from_day,
                                               const std::string& to_day, const std::vector<std::string>& list,
                                               const std::optional<std::vector<int64_t>>& outlets = std::nullopt);

}  // namespace jw::courier
