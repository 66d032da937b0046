// The census of `bedflow fit --census-date D` holds patients in community services on D, not
// only those in acute beds: per service, as many rows as the extract has spells open at the
// start of D, with their days in service; the fitted scenario loads and runs from it, with
// every census patient in place at the start.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "bedflow/fitting/extract.hpp"
#include "child_process.hpp"
#include "synthetic_extract.hpp"

namespace fs = std::filesystem;
using namespace bedflow::fitting;
using namespace bedflow::test;

namespace {

struct ServiceCensus {
  std::size_t patients = 0;
  double days = 0;  // sum of days in service
};

// Rows of a census CSV (service,cohort,days_in_service,medically_fit) by service.
std::map<std::string, ServiceCensus> read_census(const std::string& path) {
  std::map<std::string, ServiceCensus> out;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream fields(line);
    std::string service, cohort, days;
    std::getline(fields, service, ',');
    std::getline(fields, cohort, ',');
    std::getline(fields, days, ',');
    auto& s = out[service];
    ++s.patients;
    s.days += std::stod(days);
  }
  return out;
}

}  // namespace

TEST_CASE("the fitted census holds patients in community services on the census date") {
  const auto directory = scratch_directory("fit_census_community");
  SyntheticSystem truth;
  truth.rate_per_day = 120;
  truth.cohorts = {{"frail", 0.4, false, 1.8, 0.9, {0.4, 0.3, 0.2, 0.1}},
                   {"adult", 0.6, true, 2.0, 2.0, {0.7, 0.2, 0.1, 0.0}}};
  truth.community_mean_days = {0.0, 14.0, 21.0, 40.0};  // P0 goes home: no community spell
  truth.days = 150;
  truth.seed = 31;
  const auto extract_path = (fs::path(directory) / "extract.csv").string();
  write_synthetic_extract(truth, extract_path);
  const auto fitted = (fs::path(directory) / "fitted.yaml").string();
  const auto fit = run_bedflow({"fit", extract_path, "-o", fitted, "--census-date", "2025-04-01"});
  INFO(fit.err);
  REQUIRE(fit.exit_status == 0);

  // The direct count: spells admitted before the day and not discharged by it are in acute
  // beds; of the rest, those discharged whose community spell began before the day and had
  // not ended by it are in their pathway's community service.
  const auto extract = read_extract(extract_path);
  const double day = parse_date_time("2025-04-01");
  std::map<std::string, ServiceCensus> expected;
  for (const auto& s : extract.spells) {
    if (s.admitted < day && (s.discharged == kMissing || s.discharged > day)) {
      auto& acute = expected["acute"];
      ++acute.patients;
      acute.days += day - s.admitted;
    } else if (s.discharged != kMissing && s.community_start != kMissing &&
               s.community_start < day && (s.community_end == kMissing || s.community_end > day)) {
      auto& community = expected[fmt::format("community_P{}", s.pathway)];
      ++community.patients;
      community.days += day - s.community_start;
    }
  }
  REQUIRE(expected.size() == 4);  // acute and P1-P3
  const auto census = read_census((fs::path(directory) / "fitted-census-2025-04-01.csv").string());
  REQUIRE(census.size() == expected.size());
  for (const auto& [service, want] : expected) {
    INFO(service << ": " << want.patients << " patients, " << want.days << " days in all");
    REQUIRE(census.count(service) == 1);
    CHECK(want.patients > 50);  // each service has a real census to place
    CHECK(census.at(service).patients == want.patients);
    // Days are written to 6 decimals: each row within 5e-7 of the exact value.
    CHECK(std::abs(census.at(service).days - want.days) <= 5e-7 * static_cast<double>(want.patients) + 1e-9);
  }

  const auto valid = run_bedflow({"validate", fitted});
  INFO(valid.out << valid.err);
  CHECK(valid.exit_status == 0);
  const auto results = (fs::path(directory) / "run.h5").string();
  const auto ran = run_bedflow({"run", fitted, "-n", "2", "-o", results, "--set",
                                "scenario.horizon_days=7"});
  INFO(ran.out << ran.err);
  CHECK(ran.exit_status == 0);
  REQUIRE(fs::exists(results));
  // At the start of the run everyone in the census is in place: each community service holds
  // at least its census rows (medically fit acute patients may join at time 0, there being
  // no queue), and the services together hold every row.
  const auto first = run_program(
      "/usr/bin/python3",
      {"-c",
       "import sys, h5py\n"
       "f = h5py.File(sys.argv[1], 'r')\n"
       "for s in ('acute', 'community_P1', 'community_P2', 'community_P3'):\n"
       "    print(s, f['timeseries/' + s + '/occupancy'][0, 0])\n",
       results});
  INFO(first.err);
  REQUIRE(first.exit_status == 0);
  std::stringstream lines(first.out);
  double in_place = 0, rows = 0;
  for (std::string service; lines >> service;) {
    double occupancy = 0;
    lines >> occupancy;
    INFO(service << " holds " << occupancy << " at the start");
    if (service != "acute") CHECK(occupancy >= static_cast<double>(expected.at(service).patients));
    in_place += occupancy;
    rows += static_cast<double>(expected.at(service).patients);
  }
  CHECK(in_place == rows);
}
