#include "common/json_util.hpp"

#include <algorithm>

namespace jw {

Result<Json> ParseJsonObject(std::string_view body) {
    Json j = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Status::Invalid("body", "malformed_json");
    if (!j.is_object()) return Status::Invalid("body", "not_an_object");
    return j;
}

std::optional<size_t> Utf8Length(std::string_view s) {
    size_t count = 0;
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return std::nullopt;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return std::nullopt;
        i += len;
        ++count;
    }
    return count;
}

JsonReader::JsonReader(const Json& object, std::initializer_list<std::string_view> allowed) : object_(object) {
    for (const auto& [key, value] : object_.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) problems_[key] = "unknown_field";
    }
}

bool JsonReader::Has(std::string_view name) const {
    auto it = object_.find(name);
    return it != object_.end() && !it->is_null();
}

void JsonReader::Fail(std::string_view name, std::string_view problem) {
    problems_.emplace(std::string(name), std::string(problem));
}

void JsonReader::Merge(const Status& status) {
    for (const auto& [k, v] : status.fields()) problems_.emplace(k, v);
}

Status JsonReader::status() const {
    if (problems_.empty()) return Status::Ok();
    std::string names;
    for (const auto& [k, v] : problems_) names += (names.empty() ? "" : ", ") + k;
    return Status(ErrorCode::kInvalidArgument, "invalid input: " + names, problems_);
}

std::optional<std::string> JsonReader::Text(std::string_view name, bool required, size_t max_chars) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) {
        if (required) Fail(name, "required");
        return std::nullopt;
    }
    if (!it->is_string()) {
        Fail(name, "must_be_string");
        return std::nullopt;
    }
    std::string s = it->get<std::string>();
    const auto first = s.find_first_not_of(" \t");
    const auto last = s.find_last_not_of(" \t");
    s = first == std::string::npos ? "" : s.substr(first, last - first + 1);
    if (s.empty()) {
        if (required) Fail(name, "required");
        return std::nullopt;
    }
    auto len = Utf8Length(s);
    if (!len) {
        Fail(name, "bad_encoding");
        return std::nullopt;
    }
    if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; })) {
        Fail(name, "bad_characters");
        return std::nullopt;
    }
    if (*len > max_chars) {
        Fail(name, "too_long");
        return std::nullopt;
    }
    return s;
}

std::optional<int64_t> JsonReader::Int(std::string_view name, bool required, int64_t min, int64_t max) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) {
        if (required) Fail(name, "required");
        return std::nullopt;
    }
    if (!it->is_number_integer()) {
        Fail(name, "must_be_integer");
        return std::nullopt;
    }
    const auto v = it->get<int64_t>();
    if (v < min || v > max) {
        Fail(name, "out_of_range");
        return std::nullopt;
    }
    return v;
}

std::optional<bool> JsonReader::Bool(std::string_view name, bool required) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) {
        if (required) Fail(name, "required");
        return std::nullopt;
    }
    if (!it->is_boolean()) {
        Fail(name, "must_be_boolean");
        return std::nullopt;
    }
    return it->get<bool>();
}

std::optional<std::vector<std::string>> JsonReader::TextList(std::string_view name, bool required, size_t max_items,
                                                             size_t max_chars) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) {
        if (required) Fail(name, "required");
        return std::nullopt;
    }
    if (!it->is_array()) {
        Fail(name, "must_be_array");
        return std::nullopt;
    }
    if (it->size() > max_items) {
        Fail(name, "too_many");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& e : *it) {
        if (!e.is_string()) {
            Fail(name, "must_be_string_array");
            return std::nullopt;
        }
        auto s = e.get<std::string>();
        auto len = Utf8Length(s);
        if (!len || *len > max_chars || s.empty()) {
            Fail(name, "bad_item");
            return std::nullopt;
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace jw
