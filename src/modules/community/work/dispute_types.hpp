#pragma once
// The catalogue of dispute types (矛盾纠纷类型), data/dispute_types.csv: code, Chinese and English name, and the
// provision that makes it a dispute the police mediate or refer. Thread-safe after construction.

#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw::community {

struct DisputeType {
    std::string code, name_zh, name_en, basis;
};

class DisputeTypes {
  public:
    // Errors: InvalidArgument naming "line N" (wrong column count, empty code or name, a code listed twice).
    static Result<DisputeTypes> FromCsv(std::string_view csv);
    // The shipped catalogue; aborts at start-up if the embedded file is broken (a bug, caught by the tests).
    static const DisputeTypes& Default();

    bool Has(std::string_view code) const;
    const std::vector<DisputeType>& all() const { return types_; }

  private:
    std::vector<DisputeType> types_;
};

}  // namespace jw::community
