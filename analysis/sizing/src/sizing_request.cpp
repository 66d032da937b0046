#include "bedflow/analysis/sizing_request.hpp"

#include <fmt/format.h>

namespace bedflow::analysis {

std::vector<scenario::Override> overrides_for(const SizingRequest& request,
                                              const LeverSetting& setting) {
  std::vector<scenario::Override> overrides = request.overrides;
  // Messages about a lever's path cite the option that named it (--vary, --vary2), not a
  // --set the user never typed.
  for (const auto& [path, value] : setting) {
    std::string option = "--vary";
    for (std::size_t i = 1; i < request.levers.size(); ++i) {
      if (request.levers[i].path == path) option += std::to_string(i + 1);
    }
    overrides.push_back({path, std::to_string(value), option});
  }
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
