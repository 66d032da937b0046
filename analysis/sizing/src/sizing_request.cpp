#include "bedflow/analysis/sizing_request.hpp"

#include <fmt/format.h>

namespace bedflow::analysis {

std::vector<scenario::Override> overrides_for(const SizingRequest& request,
                                              const LeverSetting& setting) {
  std::vector<scenario::Override> overrides = request.overrides;
  for (const auto& [path, value] : setting) overrides.push_back({path, std::to_string(value)});
  return overrides;
}

std::string describe_levers(const std::vector<Lever>& levers) {
  std::string text;
  for (const auto& lever : levers) {
    text += fmt::format("{}{} in {}..{} step {}", text.empty() ? "" : " and ", lever.path,
                        lever.low, lever.high, lever.step);
  }
  return text;
}

}  // namespace bedflow::analysis
