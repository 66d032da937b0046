#pragma once
// Small hand-made replication results for testing the results layer without the model.
// Values are drawn from engine random streams so they vary by replication like real output.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bedflow/engine/random_stream.hpp"
#include "bedflow/models/replication_result.hpp"
#include "bedflow/results/results_file.hpp"

namespace bedflow::test {

inline model::ReplicationResult fake_replication(std::uint64_t seed, std::uint32_t replication,
                                                 bool with_events = false,
                                                 double shift = 0.0) {
  engine::RandomStream stream(seed, replication, engine::stream_id("fake"));
  model::ReplicationResult result;
  result.replication = replication;
  const double common = stream.uniform01();
  // A 14-day warm-up, then 31 days observed: the window is 2026-10-15 to 2026-11-14.
  result.window = {engine::Date{2026, 10, 1}, 14.0, 45.0};
  constexpr auto total = model::Accumulation::total;
  result.scalars = {
      {"delayed_bed_days", "bed-days", 1000.0 + 100.0 * common + shift, true, total, true},
      {"cost_total", "GBP", 2.5e6 * (1.0 + 0.1 * stream.uniform01()), true, total, true},
      {"acute_occupancy_share", "share", 0.9 + 0.01 * common, false, model::Accumulation::level,
       false},
      {"patients_arrived", "patients", static_cast<double>(5000 + stream.below(50)), false,
       total, false},
      {"elective_cancellations", "patients", 0.0, true, total, true},
  };
  result.series_start_days = 14.0;
  result.series_step_days = 1.0;
  model::TimeSeries occupancy{"acute", "occupancy", "beds", {}};
  model::TimeSeries queue{"acute", "queue", "patients", {}};
  model::TimeSeries delayed{"system", "delayed_total", "patients", {}};
  for (int day = 0; day < 30; ++day) {
    occupancy.values.push_back(500.0 + 20.0 * stream.uniform01());
    queue.values.push_back(static_cast<double>(stream.below(5)));
    delayed.values.push_back(80.0 + 5.0 * stream.uniform01());
  }
  result.series = {occupancy, queue, delayed};
  if (with_events) {
    result.event_codes = {{"acute", "emergency", "home"}, {"frail_elderly"}};
    for (std::uint32_t p = 0; p < 3; ++p) {
      result.patient_events.push_back({14.5 + p, p, 1, 0, model::PatientEventKind::arrive, p == 0});
      result.patient_events.push_back({18.25 + p, p, 0, 0, model::PatientEventKind::leave, false});
    }
  }
  result.events_processed = 1000 + replication;
  return result;
}

inline results::ResultsFile fake_file(std::uint64_t seed, std::uint32_t replications,
                                      bool with_events = false) {
  results::ResultsFile file;
  file.metadata.scenario_name = "fake";
  file.metadata.scenario_file = "fake.yaml";
  file.metadata.scenario_given = "run:\n  name: fake\n";
  file.metadata.scenario_resolved = "run:\n  name: fake\n  seed: 7\n";
  file.metadata.seed = seed;
  file.metadata.replications = replications;
  file.metadata.bedflow_version = results::build_version();
  file.metadata.git_commit = results::build_commit();
  file.metadata.started_at = "2026-11-22T10:00:00Z";
  file.metadata.finished_at = "2026-11-22T10:01:00Z";
  results::Variant variant;
  variant.resolved_yaml = file.metadata.scenario_resolved;
  for (std::uint32_t r = 0; r < replications; ++r) {
    variant.replications.push_back(fake_replication(seed, r, with_events));
  }
  file.variants.push_back(std::move(variant));
  return file;
}

// A file's bytes, to compare two files or damage a copy.
inline std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A fresh scratch path under the build tree for one test (any old file there is removed).
inline std::string scratch_path(const std::string& name) {
  const auto directory = std::filesystem::path(BEDFLOW_BINARY_DIR) / "tests" / "scratch";
  std::filesystem::create_directories(directory);
  const auto path = directory / name;
  std::filesystem::remove_all(path);
  return path.string();
}

}  // namespace bedflow::test
