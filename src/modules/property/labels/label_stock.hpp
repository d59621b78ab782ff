#pragma once
// Labels for a label printer (ADR 0060): thermal and thermal-transfer printers (the custodian's desk printer) take
// a PDF whose every page is one label of the roll's size, so a label sheet for them is one page per label of
// exactly that size — 40×30 mm and 60×40 mm, the two common rolls for asset and evidence labels. Each page: the
// QR code (payload = the opaque code) centred at the top, under it the code and the label's lines, and on a
// reprint 补打第N次 — the same words as the A4 sheet (LabelDocument), nothing about a person.
// A4 stays the shared renderer's sheet (LabelDocument + docs::RenderPdf).
// Thread-safe: rendering is serialised (PoDoFo 0.9 makes no thread-safety promise).

#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"
#include "property/labels/labels.hpp"

namespace jw::property {

// The sizes a caller may ask for: "a4", "40x30", "60x40".
const std::vector<std::string>& LabelSizes();

// The PDF of `labels` at `size` (one of LabelSizes()). Errors: InvalidArgument {size: bad_value}; the renderer's
// (kUnavailable when the CJK font is missing, InvalidArgument for a code too long for a QR symbol).
Result<std::string> RenderLabels(const std::string& title, const std::vector<Label>& labels, std::string_view size);

}  // namespace jw::property
