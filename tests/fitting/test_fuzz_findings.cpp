// Inputs that fuzzing (fuzz/fuzz_extract.cpp) found to break the extract reader, kept so the
// fixes hold in every build: each is refused with a located error, nothing more.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "bedflow/fitting/extract.hpp"
#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::fitting;

TEST_CASE("fuzz findings: bytes or nothing after a colon were read as NaN seconds (undefined behaviour)") {
  // The fuzzer's input as found, and its core: a seconds field of non-digit bytes.
  for (const char* name : {"fuzz-nan-seconds.csv", "fuzz-nan-seconds-2.csv"}) {
    INFO(name);
    CHECK_THROWS_AS(read_extract(std::string(BEDFLOW_SOURCE_DIR) + "/tests/fitting/fixtures/" + name),
                    ExtractError);
  }
  const auto directory = bedflow::test::scratch_directory("fit_fuzz_nan_seconds");
  const auto path = (fs::path(directory) / "extract.csv").string();
  std::ofstream(path, std::ios::binary)
      << "spell_id,admitted,discharged,admission_method,cohort\n"
         "A1,2025-03-02 00:00:\xff\xff\xff" "00,2025-03-03 00:00:00,elective,frail\n";
  try {
    read_extract(path);
    FAIL("accepted");
  } catch (const ExtractError& error) {
    CHECK(error.line == 2);
    CHECK(error.column == "admitted");
  }
  // The second finding: nothing, or a single digit, after a colon.
  for (const char* text : {"2025-03-02 00:00:\xff" "00", "2025-03-02 10:00:00.5", "20255-03-02",
                           "2025-03-02 00:00:000000000000000000001", "2026-08-01T10:0:",
                           "2026-08-01T10:00:", "2026-06-19T22:T16:04", "01/08/2026 10:"}) {
    INFO(text);
    CHECK_THROWS_AS(parse_date_time(text), std::invalid_argument);
  }
  CHECK(parse_date_time("2025-03-02 00:00:30") - parse_date_time("2025-03-02") == Approx(30.0 / 86400));
}
