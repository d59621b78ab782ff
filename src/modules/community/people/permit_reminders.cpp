#include "community/people/permit_reminders.hpp"

#include "common/china_day.hpp"
#include "common/validators.hpp"
#include "notify/outbox.hpp"

namespace jw::community {

using storage::V;

Result<int64_t> SendPermitReminders(storage::Connection& tx, int64_t now) {
    const std::string horizon = FormatDate(CivilFromDays(ChinaDayNumber(now) + kPermitReminderDays));
    // Expired permits are included (a permit that expired while the server was down is still worth a word).
    JW_ASSIGN_OR_RETURN(
        auto rows,
        tx.Query("SELECT p.id, p.name, p.permit_expires, p.collected_by FROM community_people p WHERE "
                 "p.permit_expires IS NOT NULL AND p.permit_expires <= ? AND p.permit_expires >= ? AND "
                 "p.status = 'present' AND NOT EXISTS (SELECT 1 FROM community_permit_reminders r WHERE "
                 "r.person_id = p.id AND r.permit_expires = p.permit_expires) ORDER BY p.permit_expires, p.id "
                 "LIMIT 1000",
                 {V(horizon), V(FormatDate(CivilFromDays(ChinaDayNumber(now) - kPermitReminderDays)))}));
    int64_t sent = 0;
    for (const auto& r : rows) {
        const int64_t days = DaysFromCivil(*ParseDate(r.Str(2))) - ChinaDayNumber(now);
        notify::Notification n;
        n.user_id = r.Int(3);
        n.kind = "reminder";
        n.channel = "inapp";
        n.code = "community.permit_expiring";
        // The resident's name masked: a notification is shown on screens and pushed, it is no place for it whole.
        n.params = {{"name", MaskName(r.Str(1))},
                    {"person_id", std::to_string(r.Int(0))},
                    {"expires", r.Str(2)},
                    {"days", std::to_string(days < 0 ? 0 : days)}};
        n.created_at = now;
        JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(tx, n).status());
        JW_RETURN_IF_ERROR(
            tx.Exec("INSERT INTO community_permit_reminders (person_id, permit_expires, user_id, "
                    "sent_at) VALUES (?, ?, ?, ?)",
                    {V(r.Int(0)), V(r.Str(2)), V(r.Int(3)), V(now)}));
        ++sent;
    }
    return sent;
}

}  // namespace jw::community
