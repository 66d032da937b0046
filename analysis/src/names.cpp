#include "bedflow/analysis/names.hpp"

#include <algorithm>

#include "bedflow/analysis/error.hpp"

namespace bedflow::analysis {

std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates) {
  // Two slips are allowed even in a short measure name (scenario keys allow one).
  return engine::closest_match(name, candidates, 2);
}

void require_name(std::string_view name, std::string_view role,
                  const std::vector<std::string>& available) {
  if (std::find(available.begin(), available.end(), name) != available.end()) return;
  std::string message = "unknown " + std::string(role) + " '" + std::string(name) + "'";
  if (auto suggestion = closest_name(name, available)) {
    message += " (did you mean '" + *suggestion + "'?)";
  } else if (available.empty()) {
    message += " (the run reported no measures)";
  } else {
    message += "; the run reports: ";
    for (std::size_t i = 0; i < available.size(); ++i) {
      if (i > 0) message += ", ";
      message += available[i];
    }
  }
  throw AnalysisError(message);
}

}  // namespace bedflow::analysis
