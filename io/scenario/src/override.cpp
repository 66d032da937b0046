// Command-line overrides and sweeps: "path=value" and "path=start:stop:step".
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "bedflow/scenario/load.hpp"

namespace bedflow::scenario {

namespace {

constexpr std::size_t kMaxSweepValues = 1000;

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

[[noreturn]] void fail(const std::string& source, const std::string& path,
                       const std::string& message, const std::string& hint) {
  throw ScenarioError({Diagnostic{source, 0, 0, path, message, hint}});
}

bool parse_number(const std::string& text, double& value) {
  const std::string t = trim(text);
  if (t.empty()) return false;
  const char* first = t.data();
  const char* last = t.data() + t.size();
  if (*first == '+') ++first;
  const auto [end, ec] = std::from_chars(first, last, value);
  return ec == std::errc() && end == last && std::isfinite(value);
}

std::string format_number(double value) {
  if (std::abs(value) < 1e15 && value == std::round(value)) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return buffer;
}

}  // namespace

Override parse_override(const std::string& text) {
  const std::string source = "--set " + text;
  const auto eq = text.find('=');
  if (eq == std::string::npos) {
    fail(source, "", "expected path=value, found no '='",
         "e.g. --set services.acute.capacity=3200");
  }
  Override o{trim(text.substr(0, eq)), trim(text.substr(eq + 1))};
  if (o.path.empty()) {
    fail(source, "", "expected path=value, found an empty path",
         "e.g. --set services.acute.capacity=3200");
  }
  if (o.path.find_first_of(" \t") != std::string::npos) {
    fail(source, o.path, "a key path has no spaces", "e.g. services.acute.capacity");
  }
  // Nothing after '=' is refused rather than read as YAML's null (which would remove the
  // key without a word): removing a key is written `~`, empty text `""`.
  if (o.value.empty()) {
    fail(source, "", "a value is needed after '='",
         "write " + o.path + "=~ to remove the key, or " + o.path + "=\"\" for empty text");
  }
  // YAML reads a value starting with '#' as a comment: nothing would be left.
  if (o.value.front() == '#') {
    fail(source, "", "a value is needed after '=' ('" + o.value + "' is a YAML comment)",
         "write the value itself; text that begins with '#' is quoted, " + o.path + "=\"" +
             o.value + "\"");
  }
  return o;
}

std::vector<Override> expand_sweep(const std::string& text) {
  const std::string source = "--sweep " + text;
  const std::string hint = "e.g. --sweep services.reablement.capacity=600:800:50 or =600,700,800";
  const auto eq = text.find('=');
  if (eq == std::string::npos) fail(source, "", "expected path=start:stop:step, found no '='", hint);
  const std::string path = trim(text.substr(0, eq));
  const std::string range = trim(text.substr(eq + 1));
  if (path.empty()) fail(source, "", "expected path=start:stop:step, found an empty path", hint);
  if (range.empty()) fail(source, path, "expected start:stop:step, found nothing", hint);

  std::vector<Override> result;
  if (range.find(':') == std::string::npos) {
    // An explicit list of values.
    std::size_t start = 0;
    while (true) {
      const auto comma = range.find(',', start);
      const std::string value =
          trim(range.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (value.empty()) fail(source, path, "empty value in the sweep list '" + range + "'", hint);
      // Each variant is labelled by its value: a repeated value would make two variants of
      // one label, which no results file can hold. Refused here, before anything runs.
      for (const auto& earlier : result) {
        if (earlier.value == value) {
          fail(source, path, "the value '" + value + "' is listed twice",
               "each value names its own variant; give each once");
        }
      }
      result.push_back({path, value, "--sweep"});
      if (result.size() > kMaxSweepValues)
        fail(source, path, "more than " + std::to_string(kMaxSweepValues) + " sweep values", hint);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return result;
  }

  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto colon = range.find(':', start);
    parts.push_back(range.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() != 3) {
    fail(source, path, "expected start:stop:step, found '" + range + "'", hint);
  }
  double from = 0, to = 0, step = 0;
  if (!parse_number(parts[0], from)) fail(source, path, "sweep start '" + parts[0] + "' is not a number", hint);
  if (!parse_number(parts[1], to)) fail(source, path, "sweep stop '" + parts[1] + "' is not a number", hint);
  if (!parse_number(parts[2], step)) fail(source, path, "sweep step '" + parts[2] + "' is not a number", hint);
  if (!(step > 0)) fail(source, path, "sweep step must be positive, found " + trim(parts[2]), hint);
  if (to < from) {
    fail(source, path, "empty sweep: stop " + trim(parts[1]) + " is below start " + trim(parts[0]),
         "write the smaller value first");
  }
  // A small tolerance so that 0.1:0.3:0.1 includes 0.3 despite rounding.
  const double steps = std::floor((to - from) / step + 1e-9);
  if (steps + 1 > static_cast<double>(kMaxSweepValues)) {
    fail(source, path, "the sweep has more than " + std::to_string(kMaxSweepValues) + " values",
         "use a larger step");
  }
  const auto count = static_cast<std::size_t>(steps) + 1;
  for (std::size_t i = 0; i < count; ++i) {
    result.push_back({path, format_number(from + static_cast<double>(i) * step), "--sweep"});
  }
  return result;
}

}  // namespace bedflow::scenario
