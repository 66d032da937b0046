// Counts at midnight follow the one definition (docs/fitting.md, backtest.hpp): in hospital
// at midnight m = admitted before m and not discharged by m; medically fit = also ready by m.
// Spells at exactly 00:00 are where a second definition would show: the extract's daily
// counts, the census a run starts from, and the model's first midnight must all agree.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bedflow/fitting/extract.hpp"
#include "bedflow/fitting/fit_extract.hpp"
#include "child_process.hpp"
#include "synthetic_extract.hpp"

namespace fs = std::filesystem;
using namespace bedflow::fitting;
using namespace bedflow::test;

namespace {

const char* const kMidnightRows =
    "A,2025-03-02T00:00,2025-03-04T00:00,emergency,adult,P1,2025-03-03T00:00\n"  // in on 3rd
    "B,2025-03-01T10:00,2025-03-03T00:00,emergency,adult,P0,\n"                  // in on 2nd
    "C,2025-03-01T23:59,,emergency,adult,P1,2025-03-04T00:00\n"                  // in from 2nd
    "D,2025-03-05T12:00,2025-03-06T12:00,emergency,adult,P0,\n";

}  // namespace

TEST_CASE("daily counts and the census agree on spells at exactly midnight") {
  const auto directory = scratch_directory("fit_midnight_counts");
  const auto path = (fs::path(directory) / "extract.csv").string();
  std::ofstream(path) << "spell_id,admitted,discharged,admission_method,cohort,pathway,"
                         "ready_for_discharge\n"
                      << kMidnightRows;
  const auto extract = read_extract(path);
  const double from = parse_date_time("2025-03-02");
  const auto days = daily_counts(extract, from, from + 2);
  REQUIRE(days.size() == 3);
  // 2nd: B and C (A is admitted at that very midnight, not before it).
  CHECK(days[0].occupancy == 2);
  CHECK(days[0].medically_fit == 0);
  // 3rd: A and C (B left at that very midnight); A is ready at it, so medically fit.
  CHECK(days[1].occupancy == 2);
  CHECK(days[1].medically_fit == 1);
  // 4th: C only (A left at that midnight); C is ready at it.
  CHECK(days[2].occupancy == 1);
  CHECK(days[2].medically_fit == 1);
  for (std::size_t d = 0; d < days.size(); ++d) {
    INFO(days[d].date);
    const auto census = fit_extract(extract, days[d].date).census;
    std::size_t fit = 0;
    for (const auto& row : census) fit += row.medically_fit ? 1 : 0;
    CHECK(static_cast<double>(census.size()) == days[d].occupancy);
    CHECK(static_cast<double>(fit) == days[d].medically_fit);
  }
}

TEST_CASE("date-only spells count as events during their day: in on the discharge date's midnight") {
  // The same spells with dates alone. Admitted on the 1st, discharged on the 3rd: in hospital
  // at the midnights starting the 2nd and the 3rd (it left during the 3rd), not the 4th.
  // Ready on the 2nd: not yet ready at the midnight starting the 2nd, ready at the 3rd's.
  const auto directory = scratch_directory("fit_date_only_counts");
  const auto path = (fs::path(directory) / "extract.csv").string();
  std::ofstream(path) << "spell_id,admitted,discharged,admission_method,cohort,pathway,"
                         "ready_for_discharge\n"
                      << "A,2025-03-01,2025-03-03,emergency,adult,P1,2025-03-02\n"
                      << "B,2025-03-02,2025-03-02,emergency,adult,P0,\n"
                      << "C,2025-03-02,2025-03-05,emergency,adult,P0,\n";
  const auto extract = read_extract(path);
  REQUIRE(extract.discharged_dates_only);
  const double from = parse_date_time("2025-03-01");
  const auto days = daily_counts(extract, from, from + 4);
  REQUIRE(days.size() == 5);
  const double occupancy[] = {0, 1, 2, 1, 1};  // 1st: nobody; 2nd: A; 3rd: A, C; 4th, 5th: C
  const double fit[] = {0, 0, 1, 0, 0};        // A ready during the 2nd: fit at the 3rd's
  for (std::size_t d = 0; d < days.size(); ++d) {
    INFO(days[d].date);
    CHECK(days[d].occupancy == occupancy[d]);
    CHECK(days[d].medically_fit == fit[d]);
    const auto census = fit_extract(extract, days[d].date).census;
    CHECK(static_cast<double>(census.size()) == days[d].occupancy);
    for (const auto& row : census) CHECK(row.days_in_service == Approx(std::floor(row.days_in_service) + 0.5));
  }
}

TEST_CASE("the model's first midnight equals the extract's count with spells at 00:00") {
  const auto directory = scratch_directory("fit_midnight_backtest");
  SyntheticSystem truth;
  truth.cohorts = {{"adult", 1.0, false, 1.5, 0.8, {0.6, 0.4, 0.0, 0.0}}};
  truth.days = 60;  // 2025-01-06 to 2025-03-07
  const auto extract = (fs::path(directory) / "extract.csv").string();
  const auto generated = (fs::path(directory) / "generated.csv").string();
  write_synthetic_extract(truth, generated);
  {
    // Without ready dates: a census patient already medically fit leaves the model's acute
    // beds at once (the fitted pathways have no queue, docs/fitting.md), so only patients not
    // yet fit can be compared at the run's first midnight.
    std::ifstream in(generated);
    std::ofstream out(extract);
    std::string row;
    std::getline(in, row);
    out << row << "\n";  // the header keeps its ready_for_discharge column, left empty
    while (std::getline(in, row)) out << row.substr(0, row.rfind(',')) << ",\n";
    // Spells admitted and discharged at exactly the first compared midnight.
    out << "M1,2025-02-10T00:00,2025-02-12T10:00,emergency,adult,P0,\n"
           "M2,2025-02-10T00:00,,emergency,adult,P1,\n"
           "M3,2025-02-08T09:00,2025-02-10T00:00,emergency,adult,P0,\n"
           "M4,2025-02-08T09:00,2025-02-11T09:00,emergency,adult,P1,\n";
  }
  const auto fitted = (fs::path(directory) / "fitted.yaml").string();
  REQUIRE(run_bedflow({"fit", extract, "-o", fitted}).exit_status == 0);
  const auto csv = (fs::path(directory) / "backtest.csv").string();
  const auto run = run_bedflow({"backtest", fitted, extract, "--from", "2025-02-10", "--to",
                                "2025-02-11", "--burn-in-days", "0", "-n", "4", "-o", csv});
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  std::getline(in, line);  // the run's first midnight: the census, before anything happens
  std::vector<double> v;
  std::stringstream fields(line);
  std::string field;
  std::getline(fields, field, ',');  // date
  while (std::getline(fields, field, ',')) v.push_back(std::stod(field));
  REQUIRE(v.size() == 10);
  INFO(line);
  // occupancy: actual, mean, p5, p95; medically fit: the same at 5..8.
  CHECK(v[0] == v[1]);
  CHECK(v[2] == v[0]);
  CHECK(v[3] == v[0]);
  CHECK(v[0] > 0);
}
