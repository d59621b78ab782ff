#include "storage/tab_text.hpp"

namespace jw::storage {

void AppendTabEscaped(std::string& out, std::string_view s) {
    size_t run = 0;  // start of the current run of bytes that need no escape
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char* esc = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : nullptr;
        if (!esc) continue;
        out.append(s.data() + run, i - run);
        out.append(esc, 2);
        run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
}

}  // namespace jw::storage
