// What `bedflow run` writes, and what compare and export make of it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bedflow/results/read_results.hpp"
#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow;
using namespace bedflow::test;

namespace {

// Everything a run stores except its start and finish times.
void require_same_results(const results::ResultsFile& a, const results::ResultsFile& b) {
  REQUIRE(a.metadata.seed == b.metadata.seed);
  REQUIRE(a.metadata.scenario_resolved == b.metadata.scenario_resolved);
  REQUIRE(a.variants.size() == b.variants.size());
  for (std::size_t v = 0; v < a.variants.size(); ++v) {
    const auto& ra = a.variants[v].replications;
    const auto& rb = b.variants[v].replications;
    REQUIRE(ra.size() == rb.size());
    for (std::size_t r = 0; r < ra.size(); ++r) {
      REQUIRE(ra[r].events_processed == rb[r].events_processed);
      REQUIRE(ra[r].scalars.size() == rb[r].scalars.size());
      for (std::size_t m = 0; m < ra[r].scalars.size(); ++m) {
        INFO(ra[r].scalars[m].name);
        REQUIRE(ra[r].scalars[m].value == rb[r].scalars[m].value);  // bit for bit
      }
      REQUIRE(ra[r].series.size() == rb[r].series.size());
      for (std::size_t s = 0; s < ra[r].series.size(); ++s) {
        REQUIRE(ra[r].series[s].values == rb[r].series[s].values);
      }
    }
  }
}

}  // namespace

TEST_CASE("run writes results/<scenario name>.h5 by default, complete and self-describing") {
  const auto directory = scratch_directory("default_output");
  const auto result = run_bedflow({"run", small_scenario(), "-n", "3", "-t", "2"}, directory);
  INFO(result.err);
  REQUIRE(result.exit_status == 0);
  REQUIRE(result.out.find("Headline measures") != std::string::npos);
  const auto path = directory + "/results/small.h5";
  REQUIRE(fs::exists(path));
  REQUIRE(files_in(directory + "/results") == std::vector<std::string>{"small.h5"});
  const auto file = results::read_results_file(path);
  REQUIRE(file.metadata.scenario_name == "small");
  REQUIRE(file.metadata.seed == 7);  // the scenario's own seed
  REQUIRE(file.metadata.bedflow_version == results::build_version());
  REQUIRE_FALSE(file.metadata.git_commit.empty());
  REQUIRE_FALSE(file.metadata.started_at.empty());
  REQUIRE_FALSE(file.metadata.finished_at.empty());
  REQUIRE(file.metadata.scenario_given.find("name: small") != std::string::npos);
  REQUIRE(file.variants.size() == 1);
  REQUIRE(file.variants.front().replications.size() == 3);
  REQUIRE_FALSE(file.variants.front().replications.front().series.empty());
}

TEST_CASE("an existing results file is kept unless --force") {
  const auto directory = scratch_directory("force");
  const auto target = directory + "/out.h5";
  { std::ofstream(target) << "precious"; }
  const auto refused = run_bedflow({"run", small_scenario(), "-n", "2", "-o", target});
  REQUIRE(refused.exit_status == 2);
  REQUIRE(refused.err.find("--force") != std::string::npos);
  REQUIRE(read_text(target) == "precious");
  const auto forced = run_bedflow({"run", small_scenario(), "-n", "2", "-o", target, "--force"});
  REQUIRE(forced.exit_status == 0);
  REQUIRE(results::read_results_file(target).variants.front().replications.size() == 2);
  REQUIRE(files_in(directory) == std::vector<std::string>{"out.h5"});
}

TEST_CASE("results are bit-identical for 1, 2 and 8 threads") {
  const auto directory = scratch_directory("threads");
  std::vector<results::ResultsFile> files;
  for (const char* threads : {"1", "2", "8"}) {
    const auto path = directory + "/t" + threads + ".h5";
    const auto result =
        run_bedflow({"run", small_scenario(), "-n", "8", "-t", threads, "-o", path});
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    files.push_back(results::read_results_file(path));
  }
  require_same_results(files[0], files[1]);
  require_same_results(files[0], files[2]);
}

TEST_CASE("compare of a run with itself gives zero differences, paired") {
  const auto directory = scratch_directory("compare_self");
  const auto path = directory + "/a.h5";
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "4", "-o", path}).exit_status == 0);
  const auto result = run_bedflow({"compare", path, path, "--csv"});
  REQUIRE(result.exit_status == 0);
  REQUIRE(result.err.find("warning") == std::string::npos);
  std::istringstream csv(result.out);
  std::string line;
  std::getline(csv, line);
  REQUIRE(line.rfind("measure,unit,accumulation,headline,mean_a,mean_b,difference,ci_lower,"
                     "ci_upper,mean_a_per_year",
                     0) == 0);
  int rows = 0;
  while (std::getline(csv, line)) {
    ++rows;
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, ',');) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();  // a last, empty cell
    REQUIRE(fields.size() == 19 + 2 * 3);  // and P5, P50, P95 of the difference
    INFO(line);
    REQUIRE(std::stod(fields[6]) == 0.0);  // difference over the (common) window
    REQUIRE(std::stod(fields[7]) == 0.0);  // interval
    REQUIRE(std::stod(fields[8]) == 0.0);
    if (fields[2] == "total") {
      REQUIRE(std::stod(fields[11]) == 0.0);  // difference per year
    } else {
      REQUIRE(fields[11].empty());
    }
    REQUIRE(fields[16] == "1");  // paired
    REQUIRE(fields[17] == fields[18]);  // the same window
  }
  REQUIRE(rows > 5);
}

TEST_CASE("compare warns when the runs did not share random numbers") {
  const auto directory = scratch_directory("compare_seeds");
  const auto a = directory + "/a.h5";
  const auto b = directory + "/b.h5";
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "4", "-o", a}).exit_status == 0);
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "4", "-o", b, "--seed", "99"}).exit_status == 0);
  const auto result = run_bedflow({"compare", a, b});
  REQUIRE(result.exit_status == 0);
  REQUIRE(result.err.find("warning") != std::string::npos);
  REQUIRE(result.out.find("Welch") != std::string::npos);
}

TEST_CASE("export writes tidy CSV: summary, statistics and the series in long form") {
  const auto directory = scratch_directory("export");
  const auto path = directory + "/a.h5";
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "3", "-o", path}).exit_status == 0);
  const auto result = run_bedflow({"export", path, "--csv", directory + "/csv"});
  REQUIRE(result.exit_status == 0);
  REQUIRE(files_in(directory + "/csv") ==
          std::vector<std::string>{"statistics.csv", "summary.csv", "timeseries.csv"});
  REQUIRE(read_text(directory + "/csv/summary.csv")
              .rfind("scenario,variant,replication,measure,unit,accumulation,", 0) == 0);
  REQUIRE(read_text(directory + "/csv/timeseries.csv").find("\nsmall,,0,acute,") !=
          std::string::npos);
}

TEST_CASE("a sweep writes one variant per value, all with the same seed") {
  const auto directory = scratch_directory("sweep");
  const auto path = directory + "/sweep.h5";
  const auto result = run_bedflow({"run", small_scenario(), "-n", "2", "-o", path, "--sweep",
                                   "scenario.horizon_days=40:60:10"});
  INFO(result.err);
  REQUIRE(result.exit_status == 0);
  const auto file = results::read_results_file(path);
  REQUIRE(file.is_sweep());
  REQUIRE(file.variants.size() == 3);
  REQUIRE(file.metadata.sweep == "scenario.horizon_days=40:60:10");
  for (const auto& variant : file.variants) {
    REQUIRE(variant.override_text == "scenario.horizon_days=" + variant.label);
    REQUIRE(variant.replications.size() == 2);
  }
  // Longer horizons sample more days.
  REQUIRE(file.variants[0].replications[0].series[0].values.size() <
          file.variants[2].replications[0].series[0].values.size());

  // Two variants of one sweep compare paired (same seed); without a choice, compare asks.
  const auto paired = run_bedflow({"compare", path, path, "--variant-a", "40", "--variant-b", "60"});
  REQUIRE(paired.exit_status == 0);
  REQUIRE(paired.out.find("paired by replication") != std::string::npos);
  const auto ambiguous = run_bedflow({"compare", path, path});
  REQUIRE(ambiguous.exit_status == 2);
  REQUIRE(ambiguous.err.find("--variant") != std::string::npos);
}

TEST_CASE("validate --resolved prints the scenario with its overrides applied") {
  const auto result = run_bedflow(
      {"validate", small_scenario(), "--set", "scenario.horizon_days=45", "--resolved"});
  REQUIRE(result.exit_status == 0);
  REQUIRE(result.out.find("horizon_days: 45") != std::string::npos);
}

TEST_CASE("precision mode reports how many replications it needed") {
  const auto directory = scratch_directory("precision");
  const auto path = directory + "/p.h5";
  const auto result = run_bedflow({"run", small_scenario(), "-n", "3", "-o", path,
                                   "--precision", "0.25", "--max-replications", "40"});
  INFO(result.out << result.err);
  REQUIRE(result.exit_status == 0);
  const auto file = results::read_results_file(path);
  const auto n = file.variants.front().replications.size();
  REQUIRE(n >= 3);
  REQUIRE(n <= 40);
  REQUIRE(file.metadata.precision_target == 0.25);
  const std::string reached = "after " + std::to_string(n) + " replications";
  const std::string missed = "cap of " + std::to_string(n) + " replications";
  REQUIRE((result.out.find(reached) != std::string::npos ||
           result.out.find(missed) != std::string::npos));
}

TEST_CASE("run with --events adds the patient-level log") {
  const auto directory = scratch_directory("events");
  const auto path = directory + "/e.h5";
  REQUIRE(run_bedflow({"run", small_scenario(), "-n", "1", "-o", path, "--events"}).exit_status == 0);
  const auto file = results::read_results_file(path);
  const auto& events = file.variants.front().replications.front().patient_events;
  REQUIRE_FALSE(events.empty());

  // Read with h5py alone: one compound dataset whose fields are the table's columns, and the
  // names of its codes beside it (the recipe of docs/outputs.md).
  const std::string script =
      "import sys, h5py\n"
      "with h5py.File(sys.argv[1], 'r') as f:\n"
      "    d = f['events']\n"
      "    rows = d[:]\n"
      "    names = f['events_codes/event'].asstr()[:]\n"
      "    print('fields=' + ','.join(d.dtype.names))\n"
      "    print('rows=%d' % len(rows))\n"
      "    print('first=%s' % names[rows['event'][0]])\n";
  const auto python = run_program("/usr/bin/python3", {"-c", script, path});
  INFO(python.err);
  REQUIRE(python.exit_status == 0);
  REQUIRE(python.out.find("fields=replication,patient,time_days,event,service,cohort,warmup\n") !=
          std::string::npos);
  REQUIRE(python.out.find("rows=" + std::to_string(events.size()) + "\n") != std::string::npos);
  REQUIRE(python.out.find(std::string("first=") + model::event_name(events.front().event) +
                          "\n") != std::string::npos);
}
