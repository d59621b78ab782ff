#pragma once
// GuardedSocket: RESTinio's stream socket (Traits::stream_socket_t) with the ConnectionGuard in front of it.
// It is an asio TCP socket (so every RESTinio overload for plain sockets applies) whose async_read_some hands
// the received bytes to the guard first: a refused request is answered here (413/503, see conn_guard.hpp),
// the rest of its body is read and dropped (so the client sees the answer rather than a reset), and RESTinio
// then sees the connection end. Registered with the guard from its first read (the descriptor is valid from
// accept) until close or destruction. Included only by server.cpp.

#include <sys/socket.h>

#include <memory>
#include <restinio/asio_include.hpp>
#include <string>
#include <utility>

#include "http/conn_guard.hpp"

namespace jw::http {

// The guard every GuardedSocket reports to (set once by Server::Run before the server opens).
inline ConnectionGuard*& ActiveGuard() {
    static ConnectionGuard* guard = nullptr;
    return guard;
}

class GuardedSocket : public asio::ip::tcp::socket {
    using Base = asio::ip::tcp::socket;

  public:
    explicit GuardedSocket(asio::io_context& ctx) : Base(ctx) {}
    GuardedSocket(GuardedSocket&&) = default;
    GuardedSocket& operator=(GuardedSocket&& other) {
        Forget();
        Base::operator=(std::move(other));
        state_ = std::move(other.state_);
        return *this;
    }
    ~GuardedSocket() { Forget(); }

    void close() {
        Forget();
        Base::close();
    }
    void close(asio::error_code& ec) {
        Forget();
        Base::close(ec);
    }

    template <typename MutableBuffer, typename Handler>
    void async_read_some(const MutableBuffer& buffer, Handler&& handler) {
        if (!state_ && ActiveGuard() && is_open()) state_ = ActiveGuard()->Register(native_handle());
        ConnState* s = state_.get();
        if (!s || s->passthrough) {
            if (s) s->read_pending = false;
            Base::async_read_some(buffer, std::forward<Handler>(handler));
            return;
        }
        s->read_pending = true;
        auto ex = asio::get_associated_executor(handler);
        asio::mutable_buffer buf(buffer);
        Base::async_read_some(buf, asio::bind_executor(ex, [this, s, buf, h = std::forward<Handler>(handler)](
                                                               const asio::error_code& ec, std::size_t n) mutable {
                                  s->read_pending = false;
                                  if (ec) return h(ec, n);
                                  const auto verdict = s->Feed(static_cast<const char*>(buf.data()), n);
                                  if (verdict == ConnState::Verdict::kPass) return h(ec, n);
                                  Refuse(s, buf, std::move(h));
                              }));
    }

  private:
    void Forget() {
        if (state_) {
            state_->guard->Unregister(state_.get());
            state_.reset();
        }
    }

    // Answers the refused request, then reads and drops up to what it declared (16 MiB at most) so that the
    // answer is not lost to a reset, and ends RESTinio's read with an error (it closes the connection).
    template <typename Handler>
    void Refuse(ConnState* s, asio::mutable_buffer buf, Handler&& h) {
        s->guard->CountRefusal(s->verdict);
        const std::string reply = s->RefusalResponse();
        asio::error_code ignored;
        asio::write(static_cast<Base&>(*this), asio::buffer(reply), ignored);
        Base::shutdown(Base::shutdown_send, ignored);
        // A chunked body's size is unknown: drain up to the same 16 MiB (RESTinio's read timeout bounds the time).
        Drain(buf, s->parser.flags & F_CHUNKED ? 16u << 20 : std::min<size_t>(s->declared, 16u << 20),
              std::forward<Handler>(h));
    }

    template <typename Handler>
    void Drain(asio::mutable_buffer buf, size_t left, Handler&& h) {
        auto ex = asio::get_associated_executor(h);
        Base::async_read_some(buf, asio::bind_executor(ex, [this, buf, left, h = std::forward<Handler>(h)](
                                                               const asio::error_code& ec, std::size_t n) mutable {
                                  if (ec || n >= left) return h(ec ? ec : asio::error::connection_reset, 0);
                                  Drain(buf, left - n, std::move(h));
                              }));
    }

    std::unique_ptr<ConnState> state_;
};

}  // namespace jw::http
