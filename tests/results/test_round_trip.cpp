// The HDF5 layer keeps everything it is given: write, read back, compare field by field.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/write_results.hpp"
#include "fake_results.hpp"

using namespace bedflow;

namespace {

void require_same_replication(const model::ReplicationResult& a,
                              const model::ReplicationResult& b) {
  REQUIRE(a.replication == b.replication);
  REQUIRE(a.events_processed == b.events_processed);
  REQUIRE(a.series_start_days == b.series_start_days);
  REQUIRE(a.series_step_days == b.series_step_days);
  REQUIRE(a.scalars.size() == b.scalars.size());
  for (std::size_t m = 0; m < a.scalars.size(); ++m) {
    REQUIRE(a.scalars[m].name == b.scalars[m].name);
    REQUIRE(a.scalars[m].unit == b.scalars[m].unit);
    REQUIRE(a.scalars[m].value == b.scalars[m].value);  // exact: doubles stored as doubles
    REQUIRE(a.scalars[m].headline == b.scalars[m].headline);
  }
  REQUIRE(a.series.size() == b.series.size());
  for (std::size_t s = 0; s < a.series.size(); ++s) {
    REQUIRE(a.series[s].group == b.series[s].group);
    REQUIRE(a.series[s].measure == b.series[s].measure);
    REQUIRE(a.series[s].unit == b.series[s].unit);
    REQUIRE(a.series[s].values == b.series[s].values);
  }
  REQUIRE(a.patient_events.size() == b.patient_events.size());
  for (std::size_t e = 0; e < a.patient_events.size(); ++e) {
    REQUIRE(a.patient_events[e].patient == b.patient_events[e].patient);
    REQUIRE(a.patient_events[e].time_days == b.patient_events[e].time_days);
    REQUIRE(a.patient_events[e].event == b.patient_events[e].event);
    REQUIRE(a.patient_events[e].service == b.patient_events[e].service);
    REQUIRE(a.patient_events[e].cohort == b.patient_events[e].cohort);
  }
}

void require_same_file(const results::ResultsFile& a, const results::ResultsFile& b) {
  const auto& ma = a.metadata;
  const auto& mb = b.metadata;
  REQUIRE(ma.scenario_name == mb.scenario_name);
  REQUIRE(ma.scenario_file == mb.scenario_file);
  REQUIRE(ma.scenario_given == mb.scenario_given);
  REQUIRE(ma.scenario_resolved == mb.scenario_resolved);
  REQUIRE(ma.overrides == mb.overrides);
  REQUIRE(ma.sweep == mb.sweep);
  REQUIRE(ma.seed == mb.seed);
  REQUIRE(ma.replications == mb.replications);
  REQUIRE(ma.precision_target == mb.precision_target);
  REQUIRE(ma.max_replications == mb.max_replications);
  REQUIRE(ma.bedflow_version == mb.bedflow_version);
  REQUIRE(ma.git_commit == mb.git_commit);
  REQUIRE(ma.started_at == mb.started_at);
  REQUIRE(ma.finished_at == mb.finished_at);
  REQUIRE(a.variants.size() == b.variants.size());
  for (std::size_t v = 0; v < a.variants.size(); ++v) {
    REQUIRE(a.variants[v].label == b.variants[v].label);
    REQUIRE(a.variants[v].override_text == b.variants[v].override_text);
    REQUIRE(a.variants[v].resolved_yaml == b.variants[v].resolved_yaml);
    REQUIRE(a.variants[v].precision_reached == b.variants[v].precision_reached);
    REQUIRE(a.variants[v].replications.size() == b.variants[v].replications.size());
    for (std::size_t r = 0; r < a.variants[v].replications.size(); ++r) {
      require_same_replication(a.variants[v].replications[r], b.variants[v].replications[r]);
    }
  }
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("a plain run's results survive a write and read back unchanged") {
  auto file = test::fake_file(42, 5, /*with_events=*/true);
  file.metadata.overrides = "services.acute.capacity=3200";
  file.metadata.precision_target = 0.05;
  file.metadata.max_replications = 200;
  file.variants.front().precision_reached = false;
  const auto path = test::scratch_path("round_trip_plain.h5");
  results::write_results_file(path, file);
  const auto back = results::read_results_file(path);
  REQUIRE_FALSE(back.is_sweep());
  require_same_file(file, back);
}

TEST_CASE("a sweep's variants survive a write and read back unchanged") {
  auto file = test::fake_file(7, 3);
  file.metadata.sweep = "services.acute.capacity=500:520:10";
  auto base = file.variants.front();
  file.variants.clear();
  for (const char* value : {"500", "510", "520"}) {
    auto variant = base;
    variant.label = value;
    variant.override_text = std::string("services.acute.capacity=") + value;
    variant.resolved_yaml = "capacity: " + std::string(value);
    file.variants.push_back(variant);
  }
  file.variants[1].label = "a/b";  // a label that is not a valid HDF5 name as it stands
  const auto path = test::scratch_path("round_trip_sweep.h5");
  results::write_results_file(path, file);
  const auto back = results::read_results_file(path);
  REQUIRE(back.is_sweep());
  require_same_file(file, back);
}

TEST_CASE("the same results give the same bytes") {
  const auto file = test::fake_file(3, 4, true);
  const auto first = test::scratch_path("bytes_a.h5");
  const auto second = test::scratch_path("bytes_b.h5");
  results::write_results_file(first, file);
  results::write_results_file(second, file);
  const auto a = file_bytes(first);
  REQUIRE(!a.empty());
  REQUIRE(a == file_bytes(second));
}

TEST_CASE("replications that disagree on their measures are refused") {
  auto file = test::fake_file(3, 3);
  file.variants.front().replications[2].scalars.pop_back();
  const auto path = test::scratch_path("inconsistent.h5");
  REQUIRE_THROWS_AS(results::write_results_file(path, file), results::ResultsError);
}

TEST_CASE("reading refuses a missing file, a non-HDF5 file and a file without its marker") {
  REQUIRE_THROWS_WITH(results::read_results_file(test::scratch_path("absent.h5")),
                      Catch::Contains("no such file"));
  const auto text = test::scratch_path("not_hdf5.h5");
  std::ofstream(text) << "hello\n";
  REQUIRE_THROWS_WITH(results::read_results_file(text), Catch::Contains("not an HDF5 file"));
}
