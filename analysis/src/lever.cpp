#include "bedflow/analysis/lever.hpp"

#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"

namespace bedflow::analysis {

namespace {

std::int64_t parse_integer(std::string_view text, std::string_view path, std::string_view range,
                           std::string_view what) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
    throw AnalysisError(fmt::format(
        "lever {}: range \"{}\": {} '{}' is not an integer (expected LOW:HIGH, e.g. 400:1200)",
        path, range, what, text));
  }
  return value;
}

}  // namespace

Lever make_lever(std::string path, std::string_view range, std::optional<std::int64_t> step) {
  if (path.empty()) throw AnalysisError("lever: empty scenario path (e.g. services.acute.capacity)");
  std::vector<std::string_view> parts;
  std::string_view rest = range;
  while (true) {
    const std::size_t colon = rest.find(':');
    parts.push_back(rest.substr(0, colon));
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  if (parts.size() != 2 && parts.size() != 3) {
    throw AnalysisError(fmt::format(
        "lever {}: range \"{}\" should be LOW:HIGH or LOW:HIGH:STEP, e.g. 400:1200", path, range));
  }
  Lever lever;
  lever.path = std::move(path);
  lever.low = parse_integer(parts[0], lever.path, range, "LOW");
  lever.high = parse_integer(parts[1], lever.path, range, "HIGH");
  if (parts.size() == 3) {
    lever.step = parse_integer(parts[2], lever.path, range, "STEP");
    if (step && *step != lever.step) {
      throw AnalysisError(fmt::format("lever {}: range \"{}\" has step {} but --step says {}",
                                      lever.path, range, lever.step, *step));
    }
  } else if (step) {
    lever.step = *step;
  }
  if (lever.low < 0) {
    throw AnalysisError(fmt::format("lever {}: range \"{}\": a capacity cannot be negative",
                                    lever.path, range));
  }
  if (lever.low > lever.high) {
    throw AnalysisError(fmt::format("lever {}: range \"{}\" is empty (LOW {} > HIGH {})",
                                    lever.path, range, lever.low, lever.high));
  }
  if (lever.step <= 0) {
    throw AnalysisError(
        fmt::format("lever {}: step {} must be a positive integer", lever.path, lever.step));
  }
  if ((lever.high - lever.low) % lever.step != 0) {
    throw AnalysisError(fmt::format(
        "lever {}: range {}:{} is not a whole number of steps of {} (try HIGH = {})", lever.path,
        lever.low, lever.high, lever.step,
        lever.low + (lever.high - lever.low) / lever.step * lever.step + lever.step));
  }
  return lever;
}

}  // namespace bedflow::analysis
