# Script mode: writes OUT, a C++ file embedding FILES as raw strings in namespace NS.
set(body "#include <string_view>\n#include <utility>\n#include <vector>\nnamespace ${NS} {\nconst std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles() {\n    static const std::vector<std::pair<std::string_view, std::string_view>> files = {\n")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  file(READ ${f} content)
  # Split into chunks: raw string literals have a length limit in some compilers.
  set(body "${body}        {\"${name}\", R\"jw_embed(${content})jw_embed\"},\n")
endforeach()
set(body "${body}    };\n    return files;\n}\n}  // namespace ${NS}\n")
file(WRITE ${OUT} "${body}")
