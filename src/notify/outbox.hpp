#pragma once
// The notification outbox. Modules enqueue messages inside their own audited transaction (so a message
// exists exactly when the change that caused it does); a delivery thread pushes undelivered messages to
// their channel — "inapp" (WebSocket push to the user's open pages) or "sms" (through an SmsGateway) —
// and marks them delivered. A message not delivered (user offline, gateway down) is retried, also after
// a restart: delivery is at least once (up to 100 attempts). Each pass takes the messages with the fewest attempts
// first, so retries never hold up fresh messages (a red alert reaches an open duty desk at once however many
// offline users its earlier messages wait for). In-app messages stay readable in the inbox either way.
//
// Thread safety: Enqueue runs on the caller's connection (the Committer's); other methods are thread-safe.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/json_util.hpp"
#include "common/messages.hpp"
#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::notify {

namespace schema {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

// A notification is a code and parameters, not prose: `code` names catalogue words (common/messages.hpp)
// code.title and code.body, and `params` fills them; codes among the parameters (an alert's colour) stay codes, so
// a client acts on them (a red alert beeps) without reading words. The words are made in the reader's language
// when shown (the inbox list, in the request's language; a WebSocket push, in zh-CN, as no request is at hand)
// and in zh-CN when sent by SMS. `title`/`body` hold ready text only for rows written before codes (and for
// the rare notification with no catalogue words); new code sets `code` and leaves them empty.
struct Notification {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string kind;  // "reminder", "alert", "alert_escalation", "security", "device", …
    std::string title;
    std::string body;
    std::string channel;  // inapp | sms
    int64_t created_at = 0;
    int64_t delivered_at = 0;
    int64_t read_at = 0;
    std::string code;      // e.g. "alerts.raised"; empty for the ready text of older rows
    MessageParams params;  // stored as a JSON object of strings
};

// The words of `n` in `lang`: from the catalogue when it has a code, else its stored title and body.
std::string TitleOf(const Notification& n, Lang lang);
std::string BodyOf(const Notification& n, Lang lang);
// What a client gets: {id, kind, code, params, title, body, created_at, read_at} with title and body in `lang`.
Json NotificationJson(const Notification& n, Lang lang);

// The SMS gateway adapter. Send returns Ok once the gateway accepted the message. SendToPhone addresses
// someone who is not a user (a reporter or victim of a case); a gateway that cannot do that keeps the default,
// which answers Unavailable, and such messages stay pending.
class SmsGateway {
  public:
    virtual ~SmsGateway() = default;
    virtual Status Send(int64_t user_id, const std::string& text) = 0;
    virtual Status SendToPhone(const std::string& phone, const std::string& text);
};

// Stands in for a real gateway (none in the demo county): each message goes to the server log masked
// (MaskForLog: no query code, phone or ID number whole; the number as its last 4 digits). When `demo_sms_file` is
// set (JINGWU_DEMO_SMS_FILE; `make demo` and the tests set it), the whole text is also appended to that file
// (mode 0600), the demo recipients' "phone": that is where a demo reporter reads their query code. Leave it
// unset anywhere real messages pass. Thread safety: Send/SendToPhone may be called from one thread at a time.
class LoggingSmsGateway final : public SmsGateway {
  public:
    explicit LoggingSmsGateway(std::string demo_sms_file = "") : demo_sms_file_(std::move(demo_sms_file)) {}
    Status Send(int64_t user_id, const std::string& text) override;
    Status SendToPhone(const std::string& phone, const std::string& text) override;

  private:
    void Deliver(const std::string& to, const std::string& text);
    std::string demo_sms_file_;
};

class Outbox {
  public:
    // `live_push` sends a JSON text to the user's open WebSockets and returns how many got it. The text is made
    // per socket, in the language that socket asked for when it opened (`text(lang)`), so a push is worded like
    // the reader's list, not always in zh-CN.
    using PushText = std::function<std::string(Lang)>;
    using LivePush = std::function<size_t(int64_t user_id, const PushText& text)>;

    Outbox(storage::Database& db, std::unique_ptr<SmsGateway> sms) : db_(db), sms_(std::move(sms)) {}
    ~Outbox() { Stop(); }

    static Result<int64_t> Enqueue(storage::Connection& c, const Notification& n);
    // An SMS to a phone number that belongs to no user (user_id 0, channel "sms", never in an inbox). Its text
    // may carry a secret (a case query code) and the number is personal data: once the gateway accepted it, the
    // stored text is blanked and the number masked (138****5678). Until then both are stored as given.
    static Result<int64_t> EnqueueSms(storage::Connection& c, const std::string& phone, const std::string& kind,
                                      const std::string& text);
    // The same with a code and parameters; the parameters are blanked with the text once sent.
    static Result<int64_t> EnqueueSms(storage::Connection& c, const std::string& phone, const std::string& kind,
                                      const std::string& code, const MessageParams& params);
    Result<std::pair<std::vector<Notification>, int64_t>> List(storage::Connection& c, int64_t user_id,
                                                               bool unread_only, int page, int page_size);
    Status MarkRead(storage::Connection& c, int64_t user_id, int64_t id, int64_t now);

    // Starts the delivery thread; it runs one pass every `period_ms`, when Wake() is called, and once a write that
    // queued a notification (Enqueue, EnqueueSms) has committed (storage::WakeAfterCommit): a handler need not
    // remember to call Wake(), and SQLite (no LISTEN) delivers as soon as PostgreSQL's trigger does. `period_ms` 0:
    // no thread at all, the caller runs DeliverPending itself (tests that count what each pass delivers).
    void Start(storage::Committer* committer, LivePush live_push, int period_ms = 1000);
    void Wake();
    void Stop();
    // One delivery pass (also used by tests); returns how many were delivered.
    size_t DeliverPending();

  private:
    storage::Database& db_;
    std::unique_ptr<SmsGateway> sms_;
    storage::Committer* committer_ = nullptr;
    LivePush live_push_;
    std::mutex mu_;
    std::condition_variable cv_;
    bool stop_ = false, wake_ = false;
    int waker_ = 0;  // storage::AddCommitWaker's token while started
    std::thread thread_;
};

}  // namespace jw::notify
