// Every reader of results files over arbitrary bytes: `compare`'s (read_results_file with and
// without the patient log), `export`'s (read_workbook_source, which also reads a sizing
// record) and `report`'s (load_report_source). Each reads the file or refuses it with its
// own error type naming the file; a crash, a hang or another exception is a finding.
#include <cstddef>
#include <cstdint>

#include "bedflow/report/report.hpp"
#include "bedflow/report/report_error.hpp"
#include "bedflow/results/compare.hpp"
#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/xlsx_export.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace results = bedflow::results;
  const auto path = bedflow::fuzz::write_input("results.h5", data, size);
  try {
    const auto file = results::read_results_file(path);
    // What compare does next with what it read.
    const auto& reps = file.variants.front().replications;  // a file has at least one variant
    const auto comparison = results::compare_replications(reps, reps, true, {50.0});
    (void)results::format_comparison_table(comparison, "a", "b", true);
    (void)results::format_comparison_csv(comparison);
  } catch (const results::ResultsError&) {
  }
  try {
    (void)results::read_results_file(path, {.patient_events = false});
  } catch (const results::ResultsError&) {
  }
  try {
    (void)results::read_workbook_source(path);
  } catch (const results::ResultsError&) {
  }
  try {
    (void)bedflow::report::load_report_source(path);
  } catch (const bedflow::report::ReportError&) {
  }
  return 0;
}
