// One intake for the six channels (intake.hpp).
#include "servicedesk/intake/intake.hpp"

#include "common/china_day.hpp"
#include "common/messages.hpp"
#include "common/sealed_fields.hpp"
#include "common/validators.hpp"
#include "http/params.hpp"
#include "media/media_store.hpp"
#include "notify/outbox.hpp"
#include "servicedesk/public/public_photos.hpp"
#include "servicedesk/tickets/catalogue.hpp"
#include "servicedesk/tickets/ticket_keys.hpp"
#include "servicedesk/tickets/ticket_repository.hpp"

namespace jw::servicedesk {

Result<IntakeInput> ParseIntake(const Json& body, bool public_form) {
    IntakeInput in;
    if (public_form) {
        JsonReader r(body,
                     {"name", "phone", "category", "title", "content", "unit_id", "officer_police_no", "media_ids"});
        in.channel = "web";
        in.name = r.Text("name", true, 50).value_or("");
        in.phone = r.Text("phone", true, 20).value_or("");
        in.category = r.Text("category", true, 20).value_or("");
        in.title = r.Text("title", true, 100).value_or("");
        in.content = r.Text("content", true, 4000).value_or("");
        in.unit_id = r.Int("unit_id", false, 1, INT64_MAX);
        in.officer_police_no = r.Text("officer_police_no", false, 20).value_or("");
        // Photos uploaded through the public form's own route (public_photos.hpp), at most kMaxPublicPhotos.
        in.media_ids = r.TextList("media_ids", false, kMaxPublicPhotos, 80).value_or(std::vector<std::string>{});
        JW_RETURN_IF_ERROR(r.status());
        return in;
    }
    JsonReader r(body, {"channel", "external_ref", "name", "phone", "id_number", "anonymous", "category", "title",
                        "content", "unit_id", "officer_police_no", "received_at", "media_ids"});
    in.channel = r.Text("channel", true, 20).value_or("");
    in.external_ref = r.Text("external_ref", false, 60).value_or("");
    in.name = r.Text("name", false, 50).value_or("");
    in.phone = r.Text("phone", false, 20).value_or("");
    in.id_number = r.Text("id_number", false, 20).value_or("");
    in.anonymous = r.Bool("anonymous", false).value_or(false);
    in.category = r.Text("category", true, 20).value_or("");
    in.title = r.Text("title", true, 100).value_or("");
    in.content = r.Text("content", true, 4000).value_or("");
    in.unit_id = r.Int("unit_id", false, 1, INT64_MAX);
    in.officer_police_no = r.Text("officer_police_no", false, 20).value_or("");
    in.media_ids = r.TextList("media_ids", false, 10, 80).value_or(std::vector<std::string>{});
    const auto received = r.Text("received_at", false, 40);
    JW_RETURN_IF_ERROR(r.status());
    if (received) {
        JW_ASSIGN_OR_RETURN(int64_t at, http::ParseInstant("received_at", *received));
        in.received_at = at;
    }
    return in;
}

Status ValidateIntake(const IntakeInput& in, int64_t now) {
    const Channel* ch = FindChannel(in.channel);
    if (!ch) return Status::Invalid("channel", "invalid_enum");
    if (ch->external_ref && in.external_ref.empty()) return Status::Invalid("external_ref", "required");
    const Category* cat = FindCategory(in.category);
    if (!cat) return Status::Invalid("category", "invalid_enum");
    if (cat->needs_unit && !in.unit_id) return Status::Invalid("unit_id", "required");
    if (in.title.empty()) return Status::Invalid("title", "required");
    if (in.content.empty()) return Status::Invalid("content", "required");
    if (!in.anonymous && in.name.empty()) return Status::Invalid("name", "required");
    if (!in.anonymous && in.phone.empty()) return Status::Invalid("phone", "required");
    if (!in.phone.empty()) JW_RETURN_IF_ERROR(CheckMobile(NormalisePhone(in.phone), "phone"));
    if (!in.id_number.empty()) JW_RETURN_IF_ERROR(CheckIdNumber(NormaliseIdNumber(in.id_number), "id_number"));
    if (in.received_at && *in.received_at > now + 300) return Status::Invalid("received_at", "in_future");
    return Status::Ok();
}

Result<std::optional<Ticket>> FindDuplicateRoot(storage::Connection& c, const Ticket& t) {
    const int64_t since = t.received_at - int64_t{kDuplicateWindowDays} * 86400;
    JW_ASSIGN_OR_RETURN(auto found, repo::DuplicateCandidates(c, t.phone_index, t.id_index, t.unit_id,
                                                              t.officer_police_no, since, t.received_at, t.id));
    for (auto& f : found)
        if (f.state != "joined") return std::optional<Ticket>(std::move(f));
    return std::optional<Ticket>{};
}

Result<IntakeResult> Register(storage::Connection& c, const IntakeInput& in, int64_t user_id, int64_t now) {
    JW_RETURN_IF_ERROR(ValidateIntake(in, now));
    if (in.unit_id) JW_RETURN_IF_ERROR(repo::UnitName(c, *in.unit_id).status());
    if (!in.external_ref.empty()) {
        JW_ASSIGN_OR_RETURN(auto seen, c.QueryOne("SELECT COUNT(*) FROM servicedesk_tickets WHERE channel = ? AND "
                                                  "external_ref = ?",
                                                  {storage::V(in.channel), storage::V(in.external_ref)}));
        if (seen.Int(0) > 0) return Status(ErrorCode::kConflict, "external_ref", {{"external_ref", "repeated"}});
    }
    Ticket t;
    t.channel = in.channel;
    t.external_ref = in.external_ref;
    t.complainant_name = in.name;
    t.complainant_phone = NormalisePhone(in.phone);
    t.complainant_id_number = NormaliseIdNumber(in.id_number);
    t.phone_index = PhoneIndex(t.complainant_phone);
    t.id_index = IdIndex(t.complainant_id_number);
    t.filer_subject = in.filer_subject;
    t.anonymous = in.anonymous;
    t.category = in.category;
    t.title = in.title;
    t.content = in.content;
    t.unit_id = in.unit_id;
    t.officer_police_no = in.officer_police_no;
    t.received_at = in.received_at.value_or(now);
    t.state = "registered";
    t.created_by = user_id;
    t.created_at = t.updated_at = now;
    JW_ASSIGN_OR_RETURN(t.ticket_no, repo::NextTicketNo(c, [&] {
                            std::string d = FormatChinaDate(t.received_at);
                            std::erase(d, '-');
                            return d;
                        }()));
    const std::string code = NewQueryCode();
    t.query_code_hash = QueryCodeHash(t.ticket_no, code);
    JW_ASSIGN_OR_RETURN(auto root, FindDuplicateRoot(c, t));
    if (root) {
        t.state = "joined";
        t.parent_id = root->id;
    }
    JW_ASSIGN_OR_RETURN(t.id, repo::InsertTicket(c, t));
    const std::optional<int64_t> by = user_id ? std::optional<int64_t>(user_id) : std::nullopt;
    JW_RETURN_IF_ERROR(repo::AddEvent(c, TicketEvent{.ticket_id = t.id,
                                                     .at = now,
                                                     .user_id = by,
                                                     .action = "register",
                                                     .from_state = "",
                                                     .to_state = "registered",
                                                     .note = t.channel}));
    if (root)
        JW_RETURN_IF_ERROR(repo::AddEvent(c, TicketEvent{.ticket_id = t.id,
                                                         .at = now,
                                                         .user_id = by,
                                                         .action = "join",
                                                         .from_state = "registered",
                                                         .to_state = "joined",
                                                         .note = std::to_string(root->id) + " auto"}));
    for (const auto& m : in.media_ids) {
        JW_RETURN_IF_ERROR(media::Attach(c, m, "servicedesk.ticket", t.id, user_id, "media_ids"));
        JW_RETURN_IF_ERROR(repo::AddAttachment(c, t.id, m));
    }
    if (!t.complainant_phone.empty())
        JW_RETURN_IF_ERROR(notify::Outbox::EnqueueSms(c, t.complainant_phone, "servicedesk_query_code",
                                                      "servicedesk.query_code",
                                                      {{"ticket_no", t.ticket_no}, {"code", code}})
                               .status());
    return IntakeResult{t.id, t.ticket_no, code, root ? std::optional<int64_t>(root->id) : std::nullopt};
}

}  // namespace jw::servicedesk
