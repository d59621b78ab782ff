#pragma once
// Document: a printable official document (公文-like) as plain data, rendered by RenderHtml
// (html_renderer.hpp) and RenderPdf (pdf_renderer.hpp). It holds only text the user reads, already in the
// user's language; the renderers add no words of their own. All strings are UTF-8.
//
// Layout, top to bottom: issuer (发文机关, optional), title, number (文号, optional), the blocks in order, and
// the footer (版记, optional) at the foot of the last page. Every page carries a page label.
//
// A plain value type: copy and share it freely; it has no invariants the renderers rely on (empty strings and
// empty block lists render as blank space, never as errors).

#include <string>
#include <utility>
#include <vector>

namespace jw::docs {

// One row of a two-column table: a label ("违法行为人") and its value ("张三，男，……").
struct KeyValue {
    std::string key;
    std::string value;
};

enum class BlockKind {
    kHeading,    // `text`, a section heading ("一、违法事实")
    kParagraph,  // `text`, body text with a two-character first-line indent; '\n' forces a line break
    kTable,      // `rows`, a bordered two-column table
    kSignature,  // `unit` and `date`, right-aligned, with blank space above for the seal (落款)
    kQr,         // `text` is the QR payload, `caption` is printed under the code
};

struct Block {
    BlockKind kind = BlockKind::kParagraph;
    std::string text;
    std::vector<KeyValue> rows;
    std::string unit;
    std::string date;  // as printed, e.g. "2024年3月1日"
    std::string caption;

    static Block Heading(std::string text) { return Make(BlockKind::kHeading, std::move(text)); }
    static Block Paragraph(std::string text) { return Make(BlockKind::kParagraph, std::move(text)); }
    static Block Table(std::vector<KeyValue> rows) {
        Block block = Make(BlockKind::kTable, {});
        block.rows = std::move(rows);
        return block;
    }
    static Block Signature(std::string unit, std::string date) {
        Block block = Make(BlockKind::kSignature, {});
        block.unit = std::move(unit);
        block.date = std::move(date);
        return block;
    }
    static Block Qr(std::string payload, std::string caption) {
        Block block = Make(BlockKind::kQr, std::move(payload));
        block.caption = std::move(caption);
        return block;
    }

  private:
    static Block Make(BlockKind kind, std::string text) {
        Block block;
        block.kind = kind;
        block.text = std::move(text);
        return block;
    }
};

struct Document {
    std::string issuer;  // 发文机关标志, printed above the title; empty for none
    std::string title;
    std::string number;  // 文号, e.g. "示公（治）行罚决字〔2024〕12号"; empty for none
    std::vector<Block> blocks;
    std::string footer;  // 版记, e.g. "本决定书一式三份……"; empty for none
    // Printed at the foot of every page; "{page}" becomes the page number and "{pages}" the page count.
    std::string page_label = "— {page} —";
};

}  // namespace jw::docs
