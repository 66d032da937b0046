// What a run and a comparison say about their period, and precision mode aimed at named
// measures, driven through the `bedflow` executable as a user drives it.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"

using namespace bedflow::test;

namespace {

const std::string& small() {
  static const std::string path = source_path("tests/scenario/fixtures/good/small.yaml");
  return path;
}

std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream row(line);
  for (std::string field; std::getline(row, field, ',');) fields.push_back(field);
  return fields;
}

// The CSV row of `measure` in `compare --csv` output.
std::vector<std::string> compare_row(const std::string& csv, const std::string& measure) {
  std::istringstream lines(csv);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(measure + ",", 0) == 0) return csv_fields(line);
  }
  FAIL("no row for " << measure << " in\n" << csv);
  return {};
}

}  // namespace

TEST_CASE("the run summary states its window and gives totals per day and per year") {
  const auto directory = scratch_directory("run_window");
  const auto result =
      run_bedflow({"run", small(), "-n", "3", "-o", directory + "/r.h5", "--percentiles"});
  INFO(result.err);
  REQUIRE(result.exit_status == 0);
  // small.yaml: from 2026-01-05, 60 days, no warm-up.
  REQUIRE(result.out.find("Observed 2026-01-05 to 2026-03-05 (60 days)") != std::string::npos);
  REQUIRE(result.out.find("per year") != std::string::npos);
  REQUIRE(result.out.find("P95") != std::string::npos);
}

TEST_CASE("compare prints both windows and compares totals over different windows per year") {
  const auto directory = scratch_directory("compare_windows");
  const auto a = directory + "/a.h5";
  const auto b = directory + "/b.h5";
  REQUIRE(run_bedflow({"run", small(), "-n", "4", "-o", a}).exit_status == 0);
  // B observes 20 days more of the same system: totals grow, rates hardly move.
  REQUIRE(run_bedflow({"run", small(), "-n", "4", "-o", b, "--set", "scenario.horizon_days=80"})
              .exit_status == 0);
  const auto table = run_bedflow({"compare", a, b});
  INFO(table.out << table.err);
  REQUIRE(table.exit_status == 0);
  REQUIRE(table.out.find("2026-01-05 to 2026-03-05 (60 days)") != std::string::npos);
  REQUIRE(table.out.find("2026-01-05 to 2026-03-25 (80 days)") != std::string::npos);
  REQUIRE(table.out.find("windows DIFFER") != std::string::npos);
  REQUIRE(table.err.find("per year only") != std::string::npos);

  const auto csv = run_bedflow({"compare", a, b, "--csv"});
  REQUIRE(csv.exit_status == 0);
  // A total: no difference over the window, a per-year difference that is a rate.
  const auto arrived = compare_row(csv.out, "patients_arrived");
  REQUIRE(arrived[2] == "total");
  REQUIRE(arrived[6].empty());
  const double year_a = std::stod(arrived[9]);
  const double year_b = std::stod(arrived[10]);
  REQUIRE(year_a > 0.0);
  // Over the window B arrived a third more patients; per year the two are close.
  REQUIRE(std::abs(year_b - year_a) < 0.15 * year_a);
  // A level compares as it is.
  const auto occupancy = compare_row(csv.out, "acute_occupancy_share");
  REQUIRE(occupancy[2] == "level");
  REQUIRE_FALSE(occupancy[6].empty());
  REQUIRE(occupancy[11].empty());
}

TEST_CASE("precision mode aims at the measures named, and refuses a name it does not know") {
  const auto directory = scratch_directory("precision_measures");
  const auto aimed = run_bedflow({"run", small(), "-n", "2", "-o", directory + "/p.h5",
                                  "--precision", "0.2", "--precision-measures",
                                  "acute_mean_occupancy", "--max-replications", "40"});
  INFO(aimed.out << aimed.err);
  REQUIRE(aimed.exit_status == 0);
  REQUIRE(aimed.out.find("Precision reached: the 95% CIs of acute_mean_occupancy are within") !=
          std::string::npos);

  const auto unknown = run_bedflow({"run", small(), "-n", "2", "-o", directory + "/q.h5",
                                    "--precision", "0.2", "--precision-measures",
                                    "delayed_bed_day"});
  REQUIRE(unknown.exit_status == 2);
  REQUIRE(unknown.err.find("'delayed_bed_day'") != std::string::npos);
  REQUIRE(unknown.err.find("did you mean 'delayed_bed_days'") != std::string::npos);
  REQUIRE_FALSE(std::filesystem::exists(directory + "/q.h5"));

  const auto without = run_bedflow({"run", small(), "--precision-measures", "cost_total"});
  REQUIRE(without.exit_status == 2);
  REQUIRE(without.err.find("needs --precision") != std::string::npos);
}

TEST_CASE("precision mode never says a measure with mean 0 reached the target") {
  // The small scenario has no costs: cost_total is 0 in every replication.
  const auto directory = scratch_directory("precision_not_assessed");
  const auto run = run_bedflow({"run", small(), "-n", "2", "-t", "1", "-o", directory + "/p.h5",
                                "--precision", "0.2", "--precision-measures",
                                "acute_mean_occupancy,cost_total", "--max-replications", "40"});
  INFO(run.out << run.err);
  REQUIRE(run.exit_status == 0);
  CHECK_THAT(run.out, Catch::Contains("Precision reached for the measures assessed: the 95% CIs "
                                      "of acute_mean_occupancy are within 20% of their means"));
  CHECK_THAT(run.out, Catch::Contains("Not assessed: cost_total (mean 0, which has no relative "
                                      "precision)."));
  CHECK(run.out.find("acute_mean_occupancy, cost_total") == std::string::npos);

  // Nothing assessed: no claim that precision was reached.
  const auto none = run_bedflow({"run", small(), "-n", "2", "-t", "1", "-o", directory + "/q.h5",
                                 "--precision", "0.2", "--precision-measures", "cost_total"});
  INFO(none.out << none.err);
  REQUIRE(none.exit_status == 0);
  // (after the pilot batch of 10, though -n asked for 2)
  CHECK_THAT(none.out, Catch::Contains("Precision not assessed after 10 replications: cost_total "
                                       "has mean 0"));
  CHECK(none.out.find("Precision reached") == std::string::npos);
}

TEST_CASE("the README's flow: baseline and winter surge observe one window, so compare gives the effect") {
  const auto directory = scratch_directory("readme_flow");
  const auto base = directory + "/base.h5";
  const auto surge = directory + "/surge.h5";
  REQUIRE(run_bedflow({"run", source_path("scenarios/kent-medway/baseline.yaml"), "-n", "5",
                       "-o", base})
              .exit_status == 0);
  REQUIRE(run_bedflow({"run", source_path("scenarios/kent-medway/winter-surge.yaml"), "-n", "5",
                       "-o", surge})
              .exit_status == 0);
  const auto table = run_bedflow({"compare", base, surge});
  INFO(table.out << table.err);
  REQUIRE(table.exit_status == 0);
  REQUIRE(table.err.find("warning") == std::string::npos);
  const std::string window = "observed 2026-10-01 to 2027-03-31 (182 days)";
  REQUIRE(table.out.find("A = " + base + ": " + window) != std::string::npos);
  REQUIRE(table.out.find("B = " + surge + ": " + window) != std::string::npos);
  REQUIRE(table.out.find("Money per year (GBP)") != std::string::npos);

  const auto csv = run_bedflow({"compare", base, surge, "--csv"});
  REQUIRE(csv.exit_status == 0);
  const auto total = compare_row(csv.out, "delayed_bed_days");
  const auto weekly = compare_row(csv.out, "delayed_bed_days_per_week");
  REQUIRE(total[17] == total[18]);
  // The weekly rate's change is the window total's change over 26 weeks, within its CI.
  const double per_week_from_total = std::stod(total[6]) * 7.0 / 182.0;
  REQUIRE(per_week_from_total >= std::stod(weekly[7]));
  REQUIRE(per_week_from_total <= std::stod(weekly[8]));
  REQUIRE(per_week_from_total == Approx(std::stod(weekly[6])).epsilon(1e-9));
  // The winter surge adds delayed bed-days: the interval is above zero (5 replications: with
  // 3 the paired interval of this winter, whose ED queue varies, still straddles zero).
  REQUIRE(std::stod(total[7]) > 0.0);
}

TEST_CASE("an output that is also an input is refused, even with --force") {
  const auto directory = scratch_directory("output_is_input");
  const auto results = directory + "/r.h5";
  REQUIRE(run_bedflow({"run", small(), "-n", "2", "-o", results}).exit_status == 0);
  const auto before = std::filesystem::file_size(results);
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"report", results, "-o", results, "--force"},
        std::vector<std::string>{"export", results, "--xlsx", results, "--force"}}) {
    const auto refused = run_bedflow(command);
    INFO(command.front() << ": " << refused.err);
    REQUIRE(refused.exit_status == 2);
    REQUIRE(refused.err.find("is also an input") != std::string::npos);
    REQUIRE(std::filesystem::file_size(results) == before);
  }
  REQUIRE(run_bedflow({"compare", results, results}).exit_status == 0);  // still readable
  const auto scenario = directory + "/s.yaml";
  std::filesystem::copy_file(small(), scenario);
  const auto run = run_bedflow({"run", scenario, "-n", "2", "-o", scenario, "--force"});
  REQUIRE(run.exit_status == 2);
  REQUIRE(run.err.find("is also an input") != std::string::npos);
  REQUIRE(run_bedflow({"validate", scenario}).exit_status == 0);
}

TEST_CASE("a percentile asked for twice is refused before anything runs") {
  const auto directory = scratch_directory("duplicate_percentiles");
  const auto result = run_bedflow({"run", small(), "-n", "2", "-o", directory + "/d.h5", "--set",
                                   "outputs.percentiles=[10.25,10.250001]"});
  REQUIRE(result.exit_status == 2);
  REQUIRE(result.err.find("outputs.percentiles") != std::string::npos);
  REQUIRE(result.err.find("listed twice") != std::string::npos);
  REQUIRE_FALSE(std::filesystem::exists(directory + "/d.h5"));
}
