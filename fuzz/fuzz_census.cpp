// The census reader over arbitrary CSV, reached as users reach it: a valid scenario whose
// initial_state names the census file. Loaded or refused with a ScenarioError, never more.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bedflow/scenario/load.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string scenario = bedflow::fuzz::write_input(
      "scenario.yaml", bedflow::fuzz::source_text("tests/scenario/fixtures/good/small.yaml") +
                           "initial_state:\n  census_csv: census.csv\n");
  bedflow::fuzz::write_input("census.csv", data, size);
  try {
    (void)bedflow::scenario::load_scenario(scenario);
  } catch (const bedflow::scenario::ScenarioError&) {
  }
  return 0;
}
