#pragma once
// HTML print view of a Document: one standalone UTF-8 page (inline CSS, no scripts, no external resources)
// laid out for A4 with a serif CJK font stack, to be shown in the browser and printed from there.

#include <string>
#include <string_view>

#include "docs/document.hpp"

namespace jw::docs {

// Returns the complete page, "<!DOCTYPE html>" to "</html>". Every string from `doc` is HTML-escaped, so
// document text can never inject markup. A kQr block whose payload cannot be encoded shows the payload as text
// instead of the code. Never fails; pure and thread-safe.
std::string RenderHtml(const Document& doc);

// Escapes &, <, >, " and ' for use in HTML text and quoted attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace jw::docs
