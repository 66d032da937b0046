#include "bedflow/analysis/names.hpp"

#include <algorithm>
#include <numeric>

#include "bedflow/analysis/error.hpp"

namespace bedflow::analysis {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Levenshtein distance with one rolling row.
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(2, name.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
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
