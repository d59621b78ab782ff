#pragma once
// Little-endian byte encoding for the log and snapshot files (internal). Writer appends; Reader never reads
// past its input: a short read sets !ok() and returns zeros/empties.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "analytics/pass.hpp"

namespace jw::analytics {

class Writer {
  public:
    template <typename T>
    void Put(T v) {
        static_assert(std::is_trivially_copyable_v<T>);
        out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void Str(std::string_view s) {
        Put(static_cast<uint16_t>(s.size()));
        out_.append(s);
    }
    template <typename T>
    void Vec(const std::vector<T>& v) {
        Put(static_cast<uint64_t>(v.size()));
        if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    std::string& out() { return out_; }

  private:
    std::string out_;
};

class Reader {
  public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <typename T>
    T Get() {
        T v{};
        if (pos_ <= in_.size() && in_.size() - pos_ >= sizeof v) std::memcpy(&v, in_.data() + pos_, sizeof v);
        pos_ += sizeof v;
        return v;
    }
    std::string_view Str() {
        const uint16_t n = Get<uint16_t>();
        return Bytes(n);
    }
    std::string_view Bytes(size_t n) {
        if (pos_ > in_.size() || in_.size() - pos_ < n) {
            pos_ = in_.size() + 1;
            return {};
        }
        std::string_view s = in_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    template <typename T>
    std::vector<T> Vec() {
        const auto n = Get<uint64_t>();
        std::vector<T> v;
        if (!ok() || n > (in_.size() - pos_) / sizeof(T)) {
            pos_ = in_.size() + 1;
            return v;
        }
        v.resize(n);
        if (n > 0) std::memcpy(v.data(), in_.data() + pos_, n * sizeof(T));
        pos_ += n * sizeof(T);
        return v;
    }
    bool ok() const { return pos_ <= in_.size(); }

  private:
    std::string_view in_;
    size_t pos_ = 0;
};

// A checkpoint as the log's checkpoint records and the snapshot's table store it: id, name, longitude, latitude.
inline void PutCheckpoint(Writer& w, const Checkpoint& c) {
    w.Str(c.id);
    w.Str(c.name);
    w.Put(c.longitude);
    w.Put(c.latitude);
}

inline Checkpoint GetCheckpoint(Reader& r) {
    Checkpoint c;
    c.id = std::string(r.Str());
    c.name = std::string(r.Str());
    c.longitude = r.Get<double>();
    c.latitude = r.Get<double>();
    return c;
}

}  // namespace jw::analytics
