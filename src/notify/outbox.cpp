#include "notify/outbox.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "common/civil_time.hpp"
#include "common/log_mask.hpp"
#include "common/validators.hpp"
#include "notify/outbox_internal.hpp"
#include "storage/change_feed.hpp"
#include "storage/in_list.hpp"

namespace jw::notify {

using storage::V;

void LoggingSmsGateway::Deliver(const std::string& to, const std::string& text) {
    if (demo_sms_file_.empty()) return;
    // O_APPEND: one write per message, so a reader never sees half a line from this process.
    const int fd = ::open(demo_sms_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        spdlog::warn("demo sms file {}: cannot open", demo_sms_file_);
        return;
    }
    const std::string line = FormatUtcIso(NowUnix()) + " to " + to + ": " + text + "\n";
    if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
        spdlog::warn("demo sms file {}: short write", demo_sms_file_);
    ::close(fd);
}

Status LoggingSmsGateway::Send(int64_t user_id, const std::string& text) {
    spdlog::info("sms to user {}: {}", user_id, MaskForLog(text));
    Deliver("user " + std::to_string(user_id), text);
    return Status::Ok();
}

Status SmsGateway::SendToPhone(const std::string&, const std::string&) {
    return Status(ErrorCode::kUnavailable, "this SMS gateway cannot send to phone numbers");
}

Status LoggingSmsGateway::SendToPhone(const std::string& phone, const std::string& text) {
    spdlog::info("sms to phone ending {}: {}", phone.size() > 4 ? phone.substr(phone.size() - 4) : "****",
                 MaskForLog(text));
    Deliver(phone, text);
    return Status::Ok();
}

namespace {

constexpr int64_t kSmsClaimSeconds = 60;  // a server that died while sending leaves it to the others after this

std::string ParamsText(const MessageParams& params) {
    if (params.empty()) return "";
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [k, v] : params) j[k] = v;
    return j.dump();
}

// A stored parameter object; a value that is not a string (never written so) is kept as its JSON text.
}  // namespace

std::string RepeatKey(const Notification& n) {
    // What the reader sees as the line: the kind and the title (the catalogue's zh-CN words for a coded one).
    return n.kind + "|" + n.code + "|" + TitleOf(n, Lang::kZhCN);
}

MessageParams ParamsFrom(const std::string& text) {
    MessageParams out;
    if (text.empty()) return out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return out;
    for (const auto& [k, v] : j.items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return out;
}

namespace {

// The SMS text of a notification to a user: title and body, as the phone shows one text.
std::string SmsText(const Notification& n) { return TitleOf(n, Lang::kZhCN) + "：" + BodyOf(n, Lang::kZhCN); }

}  // namespace

std::string TitleOf(const Notification& n, Lang lang) {
    return n.code.empty() ? n.title : Message(n.code + ".title", lang, n.params);
}

std::string BodyOf(const Notification& n, Lang lang) {
    return n.code.empty() ? n.body : Message(n.code + ".body", lang, n.params);
}

Json NotificationJson(const Notification& n, Lang lang) {
    Json params = Json::object();
    for (const auto& [k, v] : n.params) params[k] = v;
    return {{"id", n.id},
            {"kind", n.kind},
            {"code", n.code},
            {"params", params},
            {"title", TitleOf(n, lang)},
            {"body", BodyOf(n, lang)},
            {"created_at", FormatUtcIso(n.created_at)},
            {"read_at", n.read_at ? Json(FormatUtcIso(n.read_at)) : Json(nullptr)}};
}

Result<int64_t> Outbox::EnqueueSms(storage::Connection& c, const std::string& phone, const std::string& kind,
                                   const std::string& code, const MessageParams& params) {
    auto r = c.QueryOne(
        "INSERT INTO notifications (user_id, kind, title, body, channel, created_at, phone, code, params) VALUES "
        "(0, ?, '', '', 'sms', ?, ?, ?, ?) RETURNING id",
        {V(kind), V(NowUnix()), V(phone), V(code), V(ParamsText(params))});
    if (!r.ok()) return r.status();
    storage::WakeAfterCommit();
    return r->Int(0);
}

Result<int64_t> Outbox::EnqueueSms(storage::Connection& c, const std::string& phone, const std::string& kind,
                                   const std::string& text) {
    auto r = c.QueryOne(
        "INSERT INTO notifications (user_id, kind, title, body, channel, created_at, phone) VALUES (0, ?, '', ?, "
        "'sms', ?, ?) RETURNING id",
        {V(kind), V(text), V(NowUnix()), V(phone)});
    if (!r.ok()) return r.status();
    storage::WakeAfterCommit();
    return r->Int(0);
}

Result<int64_t> Outbox::Enqueue(storage::Connection& c, const Notification& n) {
    auto r = c.QueryOne(
        "INSERT INTO notifications (user_id, kind, title, body, channel, created_at, code, params, group_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {V(n.user_id), V(n.kind), V(n.title), V(n.body), V(n.channel.empty() ? "inapp" : n.channel), V(NowUnix()),
         V(n.code), V(ParamsText(n.params)), V(RepeatKey(n))});
    if (!r.ok()) return r.status();
    storage::WakeAfterCommit();
    return r->Int(0);
}

Result<std::pair<std::vector<Notification>, int64_t>> Outbox::List(storage::Connection& c, int64_t user_id,
                                                                   bool unread_only, int page, int page_size) {
    const std::string where =
        std::string(" WHERE user_id = ? AND channel = 'inapp'") + (unread_only ? " AND read_at = 0" : "");
    auto total = c.QueryOne("SELECT COUNT(*) FROM notifications" + where, {V(user_id)});
    if (!total.ok()) return total.status();
    auto rows = c.Query(
        "SELECT id, user_id, kind, title, body, channel, created_at, delivered_at, read_at, code, params FROM "
        "notifications" +
            where + " ORDER BY id DESC LIMIT ? OFFSET ?",
        {V(user_id), V(static_cast<int64_t>(page_size)), V(static_cast<int64_t>((page - 1) * page_size))});
    if (!rows.ok()) return rows.status();
    std::vector<Notification> out;
    for (const auto& r : *rows)
        out.push_back({r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Int(6), r.Int(7), r.Int(8),
                       r.Str(9), ParamsFrom(r.Str(10))});
    return std::make_pair(std::move(out), total->Int(0));
}

Status Outbox::MarkRead(storage::Connection& c, int64_t user_id, int64_t id, int64_t now) {
    auto r = c.Query("SELECT 1 FROM notifications WHERE id = ? AND user_id = ?", {V(id), V(user_id)});
    if (!r.ok()) return r.status();
    if (r->empty()) return Status::NotFound("notification");
    return c.Exec("UPDATE notifications SET read_at = ? WHERE id = ? AND read_at = 0", {V(now), V(id)});
}

void Outbox::Start(storage::Committer* committer, LivePush live_push, int period_ms) {
    committer_ = committer;
    live_push_ = std::move(live_push);
    if (period_ms <= 0) return;  // no thread: the caller runs DeliverPending (tests)
    waker_ = storage::AddCommitWaker([this] { Wake(); });
    thread_ = std::thread([this, period_ms] {
        std::unique_lock lock(mu_);
        while (!stop_) {
            cv_.wait_for(lock, std::chrono::milliseconds(period_ms), [this] { return stop_ || wake_; });
            wake_ = false;
            if (stop_) break;
            lock.unlock();
            DeliverPending();
            lock.lock();
        }
    });
}

void Outbox::Wake() {
    {
        std::lock_guard lock(mu_);
        wake_ = true;
    }
    cv_.notify_one();
}

void Outbox::Stop() {
    if (waker_ != 0) storage::RemoveCommitWaker(std::exchange(waker_, 0));
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

size_t Outbox::DeliverPending() {
    std::vector<Notification> pending;
    std::vector<std::string> phones;  // parallel to pending; "" = addressed to a user
    {
        auto c = db_.Acquire();
        if (!c.ok()) return 0;
        auto rows = (*c)->Query(
            "SELECT id, user_id, kind, title, body, channel, created_at, phone, code, params FROM notifications WHERE "
            "delivered_at = 0 AND attempts < 100 ORDER BY attempts, id LIMIT 200");
        if (!rows.ok()) return 0;
        for (const auto& r : *rows) {
            pending.push_back({r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Int(6), 0, 0, r.Str(8),
                               ParamsFrom(r.Str(9))});
            phones.push_back(r.Str(7));
        }
    }
    // Two servers on one database (ADR 0066) both see every pending message. An in-app one is pushed by each to
    // the WebSockets open on it (each socket gets it once); an SMS is claimed first, so only one server sends it.
    std::set<int64_t> claimed;
    {
        std::vector<int64_t> sms;
        for (const Notification& n : pending)
            if (n.channel == "sms") sms.push_back(n.id);
        if (!sms.empty() && committer_) {
            const int64_t now = NowUnix();
            (void)committer_->Run([&](storage::Connection& c) -> Status {
                JW_ASSIGN_OR_RETURN(auto rows,
                                    storage::QueryIn(c,
                                                     "UPDATE notifications SET claimed_until = ? WHERE id IN @IDS@ AND "
                                                     "delivered_at = 0 AND claimed_until < ? RETURNING id",
                                                     sms, {V(now + kSmsClaimSeconds)}, {V(now)}));
                for (const auto& r : rows) claimed.insert(r.Int(0));
                return Status::Ok();
            });
        } else {
            claimed.insert(sms.begin(), sms.end());  // no committer (unit tests): nobody to share with
        }
    }
    std::vector<int64_t> delivered, failed;
    std::vector<std::string> delivered_phones;  // parallel to delivered: what stays of the number (masked)
    for (size_t i = 0; i < pending.size(); ++i) {
        const Notification& n = pending[i];
        if (n.channel == "sms" && !claimed.count(n.id)) continue;  // another server is sending it
        bool ok = false;
        if (n.channel == "sms" && !phones[i].empty()) {
            ok = sms_ && sms_->SendToPhone(phones[i], BodyOf(n, Lang::kZhCN)).ok();
        } else if (n.channel == "sms") {
            ok = sms_ && sms_->Send(n.user_id, SmsText(n)).ok();
        } else if (live_push_) {
            const PushText text = [&n](Lang lang) {
                return nlohmann::json{{"type", "notification"}, {"data", NotificationJson(n, lang)}}.dump();
            };
            ok = live_push_(n.user_id, text) > 0;
        }
        (ok ? delivered : failed).push_back(n.id);
        if (ok) delivered_phones.push_back(phones[i].empty() ? "" : MaskPhone(phones[i]));
    }
    if (committer_ && (!delivered.empty() || !failed.empty())) {
        const int64_t now = NowUnix();
        (void)committer_->Run([&](storage::Connection& c) -> Status {
            // A message to a phone number carried a secret and personal data: sent, neither is kept whole.
            for (size_t k = 0; k < delivered.size(); ++k)
                JW_RETURN_IF_ERROR(
                    c.Exec("UPDATE notifications SET delivered_at = ?, attempts = attempts + 1, body = "
                           "CASE WHEN phone = '' THEN body ELSE '' END, params = CASE WHEN phone = '' THEN params ELSE "
                           "'' END, "
                           "phone = ? WHERE id = ?",
                           {V(now), V(delivered_phones[k]), V(delivered[k])}));
            // Failed ones in few statements (most are in-app messages to users with no open page); a failed SMS's
            // claim ends, so the next pass (of any server) tries again.
            return storage::ExecIn(
                c, "UPDATE notifications SET attempts = attempts + 1, claimed_until = 0 WHERE id IN @IDS@", failed);
        });
    }
    return delivered.size();
}

}  // namespace jw::notify
