// Folding repeated problems: one line per distinct problem, with its count and first places.
#include "bedflow/fitting/fold_problems.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

namespace bedflow::fitting {

std::vector<std::string> fold_problems(const std::vector<Problem>& problems, std::size_t examples) {
  struct Group {
    std::size_t count = 0;
    std::vector<std::string> places;
  };
  std::vector<std::string> order;
  std::unordered_map<std::string, Group> groups;
  for (const auto& p : problems) {
    auto [at, fresh] = groups.try_emplace(p.what);
    if (fresh) order.push_back(p.what);
    ++at->second.count;
    auto& places = at->second.places;
    // Distinct places only: a hundred rows of one date say no more than that date once.
    if (places.size() < examples && !p.where.empty() &&
        std::find(places.begin(), places.end(), p.where) == places.end()) {
      places.push_back(p.where);
    }
  }
  std::vector<std::string> lines;
  for (const auto& what : order) {
    const auto& g = groups.at(what);
    if (g.count == 1) {
      lines.push_back(g.places.empty() ? what : fmt::format("{}: {}", g.places.front(), what));
      continue;
    }
    std::string places;
    for (const auto& place : g.places) places += fmt::format(", {}", place);
    if (g.count > g.places.size() && !g.places.empty()) places += ", ...";
    lines.push_back(fmt::format("{} ({} times{}{})", what, g.count, places.empty() ? "" : ":",
                                places.empty() ? "" : places.substr(1)));
  }
  return lines;
}

}  // namespace bedflow::fitting
