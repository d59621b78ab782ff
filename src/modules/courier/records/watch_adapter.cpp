#include "courier/records/watch_adapter.hpp"

#include "personwatch/check/identity_check.hpp"
#include "personwatch/check/listed_filter.hpp"

namespace jw::courier {
namespace {

// personwatch's document kinds for the counter's (the others are typed by hand and checked by number as given).
std::string IdKind(const std::string& doc) {
    if (doc == "resident_id" || doc == "temporary_id") return "resident_id";
    return doc;
}

}  // namespace

WatchCheck MakeWatchCheck() {
    return [](storage::Connection& tx, const WatchSubject& who, int64_t now) -> Result<WatchVerdict> {
        // The caller is the intake itself (a counter clerk or a company's system): a principal with no police
        // scope, named for the audit trail of the alert.
        auth::Principal caller;
        caller.username = "system:courier";
        caller.name = "寄递实名";
        personwatch::CheckSubject subject;
        subject.id_kind = IdKind(who.id_kind);
        subject.id_number = who.id_number;
        subject.name = who.name;
        personwatch::CheckContext ctx;
        ctx.source = "courier";
        ctx.event_ref = who.event_ref.substr(0, 100);
        ctx.station_unit_id = who.station_unit_id;
        ctx.place = who.place.substr(0, 100);
        auto answer = personwatch::CheckIdentity(tx, caller, subject, ctx, now);
        if (!answer.ok()) {
            // A document personwatch cannot read as one (a hand-typed passport number of another form) cannot be on
            // the list by number: no hit. Other errors (the database's) fail the intake.
            if (answer.status().code() == ErrorCode::kInvalidArgument) return WatchVerdict{};
            return answer.status();
        }
        // Only hit + the neutral words leave this function (source courier: reveal = 0).
        return WatchVerdict{answer->hit, answer->public_instruction_zh};
    };
}

WatchPrefilter MakeWatchPrefilter() {
    return [](storage::Connection& tx, const std::vector<WatchSubject>& who, int64_t now) {
        std::vector<personwatch::CheckSubject> subjects(who.size());
        for (size_t i = 0; i < who.size(); ++i) {
            subjects[i].id_kind = IdKind(who[i].id_kind);
            subjects[i].id_number = who[i].id_number;
            subjects[i].name = who[i].name;
        }
        return personwatch::MayBeListed(tx, subjects, now);
    };
}

}  // namespace jw::courier
