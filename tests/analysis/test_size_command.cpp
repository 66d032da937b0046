// `bedflow size` end to end: exit statuses, messages and the file it leaves behind.
#include <catch2/catch.hpp>

#include <hdf5.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bedflow/results/h5/read.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kBedflow = std::string(BEDFLOW_BINARY_DIR) + "/tools/bedflow";
const std::string kScenario =
    std::string(BEDFLOW_SOURCE_DIR) + "/scenarios/analytic/mgcc-virtual-ward-loss.yaml";

fs::path work_directory() {
  const fs::path dir = fs::path(BEDFLOW_BINARY_DIR) / "test_size_command";
  fs::create_directories(dir);
  return dir;
}

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `bedflow size <arguments>` with stdout and stderr captured in files.
Outcome run_size(const std::string& arguments, const std::string& tag) {
  const fs::path dir = work_directory();
  const fs::path out = dir / (tag + ".stdout");
  const fs::path err = dir / (tag + ".stderr");
  const std::string command = "\"" + kBedflow + "\" size " + arguments + " >\"" + out.string() +
                              "\" 2>\"" + err.string() + "\"";
  const int raw = std::system(command.c_str());
  Outcome outcome;
  outcome.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  auto slurp = [](const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  outcome.out = slurp(out);
  outcome.err = slurp(err);
  return outcome;
}

// Attributes of /sizing, read through the results layer's HDF5 helpers.
std::string sizing_attribute(const fs::path& file, const char* name) {
  const auto h5file = bedflow::results::h5::open_file_read_only(file.string());
  const auto group = bedflow::results::h5::open_group(h5file.get(), "sizing");
  return bedflow::results::h5::read_string_attribute(group.get(), name);
}

double read_attribute(const fs::path& file, const char* name) {
  const auto h5file = bedflow::results::h5::open_file_read_only(file.string());
  const auto group = bedflow::results::h5::open_group(h5file.get(), "sizing");
  return bedflow::results::h5::read_double_attribute(group.get(), name);
}

hsize_t variant_count(const fs::path& file) {
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(f >= 0);
  const hid_t group = H5Gopen2(f, "variants", H5P_DEFAULT);
  REQUIRE(group >= 0);
  H5G_info_t info;
  REQUIRE(H5Gget_info(group, &info) >= 0);
  H5Gclose(group);
  H5Fclose(f);
  return info.nlinks;
}

std::vector<double> read_column(const fs::path& file, const std::string& name) {
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(f >= 0);
  const hid_t dataset = H5Dopen2(f, name.c_str(), H5P_DEFAULT);
  REQUIRE(dataset >= 0);
  const hid_t space = H5Dget_space(dataset);
  std::vector<double> values(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  REQUIRE(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0);
  H5Sclose(space);
  H5Dclose(dataset);
  H5Fclose(f);
  return values;
}

std::string common(const std::string& range, const std::string& target) {
  return "\"" + kScenario + "\" --vary services.virtual_ward.capacity --range " + range +
         " --target \"" + target + "\" -n 3 -t 1";
}

}  // namespace

TEST_CASE("bedflow size answers with evidence and writes every evaluated point",
          "[cli][size]") {
  const fs::path output = work_directory() / "found.h5";
  fs::remove(output);
  const Outcome run = run_size(
      common("20:60", "admissions_emergency <= 200") + " -o \"" + output.string() + "\"", "found");
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("Answer: services.virtual_ward.capacity = "));
  CHECK_THAT(run.out, Catch::Contains(": meets"));
  CHECK_THAT(run.out, Catch::Contains(": misses"));  // the evidence one step below
  REQUIRE(fs::exists(output));
  CHECK(sizing_attribute(output, "status") == "found");
  CHECK_THAT(sizing_attribute(output, "answer"),
             Catch::StartsWith("services.virtual_ward.capacity="));
  // One /variants group per evaluated point, and far fewer than the 41 values of the range.
  const hsize_t points = variant_count(output);
  CHECK(points >= 3);
  CHECK(points <= 2 + 6);
  fs::remove(output);
}

TEST_CASE("bedflow size says so, exits 1 and keeps the evidence when nothing meets",
          "[cli][size]") {
  const fs::path output = work_directory() / "none.h5";
  fs::remove(output);
  const Outcome run = run_size(
      common("1:20", "admissions_emergency <= 10") + " -o \"" + output.string() + "\"", "none");
  CHECK(run.status == 1);
  CHECK_THAT(run.out, Catch::Contains("No value of services.virtual_ward.capacity in 1..20 meets"));
  CHECK_THAT(run.out, Catch::Contains("raise HIGH or relax the target"));
  CHECK_THAT(run.out, !Catch::Contains("Answer:"));
  REQUIRE(fs::exists(output));
  CHECK(sizing_attribute(output, "status") == "none_meets");
  CHECK(sizing_attribute(output, "answer").empty());
  fs::remove(output);
}

TEST_CASE("bedflow size refuses bad input with exit 2 and writes nothing", "[cli][size]") {
  const fs::path output = work_directory() / "refused.h5";
  fs::remove(output);
  const std::string to = " -o \"" + output.string() + "\"";
  struct Case {
    const char* tag;
    std::string arguments;
    const char* message;
  };
  const Case cases[] = {
      {"operator", common("20:60", "admissions_emergency = 5") + to, "unsupported operator"},
      {"threshold", common("20:60", "admissions_emergency <= lots") + to, "not a finite number"},
      {"measure", common("20:60", "admisions_emergency <= 5") + to,
       "did you mean 'admissions_emergency'?"},
      {"range", common("60:20", "admissions_emergency <= 5") + to, "is empty"},
      {"confidence", common("20:60", "admissions_emergency <= 5") + to + " --confidence 1.5",
       "confidence 1.5 is out of range"},
      {"replications", "\"" + kScenario + "\" --vary services.virtual_ward.capacity --range "
                       "20:60 --target \"admissions_emergency <= 5\" -n 1" + to, "at least 2"},
      {"scenario_replications",
       "\"" + kScenario + "\" --vary services.virtual_ward.capacity --range 20:60 --target "
       "\"admissions_emergency <= 5\" --set scenario.replications=1" + to,
       "scenario.replications is 1; sizing needs at least 2"},
      {"path", "\"" + kScenario + "\" --vary services.virtual_ward.capacty --range 1:5 "
               "--target \"admissions_emergency <= 5\"" + to, "did you mean 'capacity'?"},
      {"missing", "\"" + kScenario + "\" --vary services.virtual_ward.capacity" + to,
       "--range is required"},
      {"scenario", "/nonexistent/s.yaml --vary a --range 1:2 --target \"m <= 1\"" + to,
       "not found"},
  };
  for (const auto& c : cases) {
    INFO(c.tag);
    const Outcome run = run_size(c.arguments, std::string("refused_") + c.tag);
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains(c.message));
    CHECK_FALSE(fs::exists(output));
    CHECK_THAT(run.err, !Catch::Contains("point 1:"));  // refused before any simulation
  }
}

TEST_CASE("bedflow size never overwrites a file without --force", "[cli][size]") {
  const fs::path output = work_directory() / "existing.h5";
  {
    std::ofstream keep(output);
    keep << "not mine to overwrite";
  }
  const std::string arguments =
      common("20:30", "admissions_emergency <= 1200") + " -o \"" + output.string() + "\"";
  const Outcome refused = run_size(arguments, "existing");
  CHECK(refused.status == 2);
  CHECK_THAT(refused.err, Catch::Contains("--force"));
  CHECK(fs::file_size(output) == std::string("not mine to overwrite").size());

  const Outcome forced = run_size(arguments + " --force", "existing_forced");
  CHECK(forced.status == 0);
  CHECK(sizing_attribute(output, "status") != "");
  fs::remove(output);
}

TEST_CASE("bedflow size with two levers reports the cheapest combination and its table",
          "[cli][size]") {
  const fs::path output = work_directory() / "two.h5";
  fs::remove(output);
  // Place costs only: a point's yearly cost is 365 x the places it commissions, exactly.
  const std::string arguments =
      "\"" + kScenario + "\" --vary services.acute.capacity --range 6:14:4 "
      "--vary2 services.virtual_ward.capacity --range2 20:60 "
      "--target \"ed_mean_wait_hours <= 4\" --set services.acute.costs_gbp.place_day=400 "
      "--set services.virtual_ward.costs_gbp.place_day=150 -n 3 -t 1 "
      "-o \"" + output.string() + "\"";
  const Outcome run = run_size(arguments, "two");
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("Cheapest combination: services.acute.capacity = "));
  CHECK_THAT(run.out, Catch::Contains("Points evaluated ("));
  // Unlimited acute beds with a place cost cannot run as given: said, not failed.
  CHECK_THAT(run.out, Catch::Contains("No comparison with the scenario as given: it does not load"));
  REQUIRE(fs::exists(output));
  CHECK(sizing_attribute(output, "status") == "found");
  CHECK(sizing_attribute(output, "cost_unit") == "GBP/year");
  const auto beds = read_column(output, "sizing/points/services.acute.capacity");
  const auto places = read_column(output, "sizing/points/services.virtual_ward.capacity");
  const auto cost = read_column(output, "sizing/points/cost_mean");
  REQUIRE(cost.size() == beds.size());
  REQUIRE(cost.size() > 3);
  for (std::size_t i = 0; i < cost.size(); ++i) {
    CHECK(cost[i] == Approx(365.0 * (400.0 * beds[i] + 150.0 * places[i])).epsilon(1e-9));
  }
  // The frontier has one row per value of the first lever (6, 10, 14).
  CHECK(read_column(output, "sizing/frontier/first") == std::vector<double>{6.0, 10.0, 14.0});
  fs::remove(output);
}

TEST_CASE("bedflow size reports the answer's yearly cost against the scenario as given",
          "[cli][size]") {
  const fs::path output = work_directory() / "yearly.h5";
  fs::remove(output);
  // The ward's 40 places as given, at GBP 150 a place-day and nothing else priced: the change
  // in yearly cost is 365 x 150 x (answer - 40), the same in every replication.
  const Outcome run = run_size(common("20:60", "admissions_emergency <= 200") +
                                   " --set services.virtual_ward.costs_gbp.place_day=150 -o \"" +
                                   output.string() + "\"",
                               "yearly");
  REQUIRE(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("cost_total x 365 / 350 days observed"));
  CHECK_THAT(run.out, Catch::Contains("the scenario as given:   2,190,000 GBP/year"));
  CHECK_THAT(run.out, Catch::Contains("change (answer - as given): "));
  REQUIRE(fs::exists(output));
  CHECK(sizing_attribute(output, "as_given_label") == "as-given");
  const double answer =
      std::stod(sizing_attribute(output, "answer").substr(std::string("services.virtual_ward.capacity=").size()));
  CHECK(read_attribute(output, "as_given_cost_mean") == Approx(365.0 * 150.0 * 40.0));
  CHECK(read_attribute(output, "cost_change_mean") ==
        Approx(365.0 * 150.0 * (answer - 40.0)).epsilon(1e-9));
  CHECK(read_attribute(output, "cost_change_half_width") == Approx(0.0).margin(1e-6));
  CHECK(read_attribute(output, "answer_cost_mean") == Approx(365.0 * 150.0 * answer));
  CHECK(variant_count(output) >= 4);  // the points and the scenario as given
  fs::remove(output);
}

TEST_CASE("bedflow size refuses the old unit-cost options and says where costs went",
          "[cli][size]") {
  const Outcome run = run_size(common("20:60", "admissions_emergency <= 200") +
                                   " --unit-cost 400",
                               "unit_cost");
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("--unit-cost is no longer an option"));
  CHECK_THAT(run.err, Catch::Contains("services.NAME.costs_gbp.place_day"));
}
