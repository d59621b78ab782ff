#pragma once
// QR labels for items and bags (shared: any module labelling things may use it — ADR 0054). A label carries an
// opaque code, never personal data: "JWP" (item) or "JWB" (bag) + 16 base32 characters of random bytes, unguessable
// and meaningless without the database. The QR payload is the code itself, so any scanner app reads it as text.
// Label sheets and single labels are Documents for the shared renderer (docs/): one QR block per label with its
// caption (the code, the case number, the category — nothing about a person). Pure; thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docs/document.hpp"

namespace jw::property {

// A new random code with `prefix` ("JWP" or "JWB").
std::string NewLabelCode(std::string_view prefix);
// The code in a scanned text (the payload, with surrounding spaces, or a URL ending in "/<code>"), upper-cased;
// nullopt when it is no label code of ours (wrong prefix, length or alphabet).
std::optional<std::string> CodeFromScan(std::string_view text);

struct Label {
    std::string code;
    std::vector<std::string> lines;  // printed under the code, e.g. case number and category
    int prints = 0;                  // this print's number: 1 = the first, more = a reprint (printed as 补打第N次)
};

// One document with a QR block per label, titled `title` ("涉案财物标签"). Empty `labels` gives a document with no
// blocks.
docs::Document LabelDocument(const std::string& title, const std::vector<Label>& labels);

}  // namespace jw::property
