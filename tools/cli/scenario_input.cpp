#include "scenario_input.hpp"

#include <iostream>
#include <set>

namespace bedflow::cli {
namespace {

void print_diagnostics(const scenario::ScenarioError& error) {
  for (const auto& diagnostic : error.diagnostics()) {
    std::cerr << diagnostic.to_string() << "\n";
  }
  if (error.diagnostics().empty()) std::cerr << error.what() << "\n";
}

// Runs `load`, turning every failure into printed diagnostics and an empty optional.
template <class Load>
auto reporting(const std::string& where, Load&& load) -> std::optional<decltype(load())> {
  try {
    return load();
  } catch (const scenario::ScenarioError& error) {
    print_diagnostics(error);
  } catch (const std::exception& error) {
    std::cerr << where << ": " << error.what() << "\n";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<scenario::Override>> parse_overrides_or_report(
    const std::vector<std::string>& texts) {
  std::vector<scenario::Override> overrides;
  for (const auto& text : texts) {
    auto parsed = reporting("--set " + text, [&] { return scenario::parse_override(text); });
    if (!parsed) return std::nullopt;
    overrides.push_back(std::move(*parsed));
  }
  return overrides;
}

std::optional<scenario::LoadedScenario> load_scenario_or_report(
    const std::string& path, const std::vector<scenario::Override>& overrides) {
  auto loaded = reporting(path, [&] { return scenario::load_scenario(path, overrides); });
  // Warnings never block: printed once each (a sweep loads the same file once per value).
  static std::set<std::string> printed;
  if (loaded) {
    for (const auto& warning : loaded->warnings) {
      const std::string text = warning.to_string();
      if (printed.insert(text).second) std::cerr << text << "\n";
    }
  }
  return loaded;
}

std::optional<std::vector<scenario::Override>> expand_sweep_or_report(const std::string& text) {
  return reporting("--sweep " + text, [&] { return scenario::expand_sweep(text); });
}

}  // namespace bedflow::cli
