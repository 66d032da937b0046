#include "output_path.hpp"

#include <filesystem>

namespace bedflow::cli {

std::string default_output_path(const std::string& scenario_name,
                                const std::string& scenario_path) {
  std::string name = scenario_name.empty()
                         ? std::filesystem::path(scenario_path).stem().string()
                         : scenario_name;
  for (char& c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!plain) c = '_';
  }
  if (name.empty() || name.front() == '.') name = "scenario" + name;
  return (std::filesystem::path("results") / (name + ".h5")).string();
}

}  // namespace bedflow::cli
