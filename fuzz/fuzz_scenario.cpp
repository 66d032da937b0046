// The scenario loader over arbitrary YAML: every input is loaded or refused with a
// ScenarioError; anything else (a crash, another exception, a hang) is a finding.
#include <cstddef>
#include <cstdint>

#include "bedflow/scenario/load.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = bedflow::fuzz::write_input("scenario.yaml", data, size);
  try {
    (void)bedflow::scenario::load_scenario(path);
  } catch (const bedflow::scenario::ScenarioError&) {
  }
  return 0;
}
