#pragma once
// Route table: exact segments and ":name" parameters. Matching is linear in the number of routes with
// the same segment count, which is small. Built at start-up, read-only afterwards (thread-safe reads).

#include <map>
#include <string>
#include <vector>

#include "http/context.hpp"

namespace jw::http {

class Router {
  public:
    void Add(Route route);
    // The route for method + path with its parameters, or nullptr. `method_mismatch` is set when the path
    // exists under another method (→ 405).
    const Route* Match(const std::string& method, const std::string& path, std::map<std::string, std::string>* params,
                       bool* method_mismatch) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
    std::vector<std::vector<std::string>> segments_;
};

std::vector<std::string> SplitPath(const std::string& path);

}  // namespace jw::http
