// Every bad row of an extract is refused at once: each named by file, line and column, the
// first kShownBadRows shown, the total and the count of each kind given, exit 2 and nothing
// written; faults that make the rest meaningless (a mapped column missing) still stop at once.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "bedflow/fitting/extract.hpp"
#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::fitting;
using bedflow::test::run_bedflow;
using bedflow::test::scratch_directory;

namespace {

const char* const kHeader =
    "spell_id,admitted,discharged,admission_method,cohort,pathway,ready_for_discharge\n";

std::string write(const std::string& directory, const std::string& text) {
  const auto path = (fs::path(directory) / "extract.csv").string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string good_row(int i) {
  return fmt::format("G{},2025-03-01T10:00,2025-03-05T12:00,emergency,frail,P1,2025-03-04T09:00\n", i);
}

std::size_t count_of(const BadRowsError& error, const std::string& kind) {
  for (const auto& [name, n] : error.kinds) {
    if (name == kind) return n;
  }
  return 0;
}

}  // namespace

TEST_CASE("bad rows of different kinds in one extract are all named, with counts by kind") {
  const auto directory = scratch_directory("fit_bad_rows_kinds");
  std::string text = kHeader;
  text += good_row(1);                                                      // line 2
  text += "B1,2025-13-01T10:00,,emergency,frail,,\n";                       // 3: date-time
  text += good_row(2);                                                      // 4
  text += "B2,2025-03-02T10:00,2025-03-01T10:00,emergency,frail,P0,\n";     // 5: before
  text += "B3,2025-03-02T10:00,,maternity,frail,,\n";                       // 6: method
  text += good_row(1);                                                      // 7: duplicate
  text += "B4,2025-03-02T10:00,2025-03-03T10:00,emergency,frail,P7,\n";     // 8: pathway
  text += "B5,31/02/2025 10:00,,emergency,frail,,\n";                       // 9: date-time
  text += "B6,2025-03-02T10:00,,emergency,,,\n";                            // 10: cohort
  const auto path = write(directory, text);
  try {
    read_extract(path);
    FAIL("accepted");
  } catch (const BadRowsError& error) {
    CHECK(error.rows == 7);
    REQUIRE(error.shown.size() == 7);
    const std::vector<std::pair<std::size_t, std::string>> expected = {
        {3, "admitted"}, {5, "discharged"}, {6, "admission_method"}, {7, "spell_id"},
        {8, "pathway"},  {9, "admitted"},   {10, "cohort"}};
    const std::string what = error.what();
    for (std::size_t i = 0; i < expected.size(); ++i) {
      INFO("bad row " << i);
      CHECK(error.shown[i].line == expected[i].first);
      CHECK(error.shown[i].column == expected[i].second);
      CHECK(what.find(fmt::format("{}:{}: column '{}'", path, expected[i].first,
                                  expected[i].second)) != std::string::npos);
    }
    CHECK(error.line == 3);  // the first bad row's location stays the error's own
    CHECK(count_of(error, "date-time") == 2);
    CHECK(count_of(error, "duplicate spell id") == 1);
    CHECK(count_of(error, "admission method") == 1);
    CHECK(what.find("7 bad rows") != std::string::npos);
    CHECK(what.find("date-time: 2") != std::string::npos);
  }

  // The command: exit 2, every bad row on stderr, nothing written.
  const auto out = (fs::path(directory) / "fitted.yaml").string();
  const auto result = run_bedflow({"fit", path, "-o", out});
  CHECK(result.exit_status == 2);
  for (const auto line : {3, 5, 6, 7, 8, 9, 10}) {
    CHECK(result.err.find(fmt::format("{}:{}: column", path, line)) != std::string::npos);
  }
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("more bad rows than are shown: the first ones named, the total counted") {
  const auto directory = scratch_directory("fit_bad_rows_many");
  std::string text = kHeader;
  const std::size_t bad = 3 * kShownBadRows + 5;
  for (std::size_t i = 0; i < bad; ++i) {
    text += good_row(static_cast<int>(i));
    text += fmt::format("M{},2025-03-02T10:00,,maternity,frail,,\n", i);
  }
  const auto path = write(directory, text);
  try {
    read_extract(path);
    FAIL("accepted");
  } catch (const BadRowsError& error) {
    CHECK(error.rows == bad);
    CHECK(error.shown.size() == kShownBadRows);
    CHECK(count_of(error, "admission method") == bad);
    const std::string what = error.what();
    CHECK(what.find(fmt::format("{} bad rows", bad)) != std::string::npos);
    CHECK(what.find(fmt::format("the first {}", kShownBadRows)) != std::string::npos);
    // Row i's bad line is 2 i + 3: the last one shown and the first one left out.
    CHECK(what.find(fmt::format("{}:{}:", path, 2 * (kShownBadRows - 1) + 3)) != std::string::npos);
    CHECK(what.find(fmt::format("{}:{}:", path, 2 * kShownBadRows + 3)) == std::string::npos);
  }
}

TEST_CASE("a mapped column missing from the header still stops at once, before any row") {
  const auto directory = scratch_directory("fit_bad_rows_fatal");
  const auto path = write(directory, std::string("spell_id,admitted,discharged,cohort\n") +
                                         "B1,2025-13-01T10:00,,frail\n");
  try {
    read_extract(path);
    FAIL("accepted");
  } catch (const BadRowsError&) {
    FAIL("the rows were read although the header lacks a column");
  } catch (const ExtractError& error) {
    CHECK(error.line == 1);
    CHECK(error.column == "admission_method");
  }
}
