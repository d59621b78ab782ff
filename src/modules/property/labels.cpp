#include "property/labels.hpp"

#include <algorithm>
#include <cctype>

#include "common/crypto.hpp"

namespace jw::property {

std::string NewLabelCode(std::string_view prefix) {
    return std::string(prefix) + Base32Encode(RandomBytes(10));  // 80 bits: 16 base32 characters
}

std::optional<std::string> CodeFromScan(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (auto slash = text.rfind('/'); slash != std::string_view::npos) text = text.substr(slash + 1);
    if (text.size() != 19) return std::nullopt;
    std::string code(text);
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char ch) { return std::toupper(ch); });
    if (code.rfind("JWP", 0) != 0 && code.rfind("JWB", 0) != 0) return std::nullopt;
    for (size_t i = 3; i < code.size(); ++i) {
        const char ch = code[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= '2' && ch <= '7'))) return std::nullopt;
    }
    return code;
}

docs::Document LabelDocument(const std::string& title, const std::vector<Label>& labels) {
    docs::Document doc;
    doc.title = title;
    doc.page_label = "{page}/{pages}";
    for (const auto& l : labels) {
        std::string caption = l.code;
        for (const auto& line : l.lines) caption += "  " + line;
        if (l.prints > 1) caption += "  （补打第" + std::to_string(l.prints - 1) + "次）";
        doc.blocks.push_back(docs::Block::Qr(l.code, caption));
    }
    return doc;
}

}  // namespace jw::property
