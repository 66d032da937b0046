// `--set` and `--sweep` texts over a valid scenario: each input line is one override (or a
// sweep, when it has a ':' range or ','); parsed, expanded and applied, or refused with a
// ScenarioError.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bedflow/scenario/load.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace scenario = bedflow::scenario;
  static const std::string path = bedflow::fuzz::write_input(
      "scenario.yaml", bedflow::fuzz::source_text("tests/scenario/fixtures/good/small.yaml"));
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size() && lines.size() < 8) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  try {
    std::vector<scenario::Override> overrides;
    for (const auto& line : lines) {
      if (line.empty()) continue;
      if (line.front() == '~') {
        // A sweep: apply its first and last variants, as `run --sweep` would.
        const auto variants = scenario::expand_sweep(line.substr(1));
        if (variants.size() > 10'000) continue;
        overrides.push_back(variants.front());
        overrides.push_back(variants.back());
      } else {
        overrides.push_back(scenario::parse_override(line));
      }
    }
    (void)scenario::load_scenario(path, overrides);
  } catch (const bedflow::scenario::ScenarioError&) {
  }
  return 0;
}
