#include "bedflow/models/simulate.hpp"

#include <chrono>

#include "hospital_model.hpp"

namespace bedflow::model {

ReplicationResult simulate_replication(const Scenario& scenario, std::uint64_t seed,
                                       std::uint32_t replication,
                                       const SimulationOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  HospitalModel model(scenario, seed, replication,
                      options.patient_events || scenario.outputs.patient_events,
                      options.patient_event_blocks);
  ReplicationResult result = model.run();
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

std::vector<std::string> measure_names(const Scenario& scenario) {
  Scenario probe = scenario;
  probe.run.horizon_days = 0.0;
  probe.run.warmup_days = 0.0;
  probe.census.clear();
  probe.outputs.patient_events = false;
  std::vector<std::string> names;
  for (const auto& scalar : simulate_replication(probe, 0, 0).scalars) {
    names.push_back(scalar.name);
  }
  return names;
}

}  // namespace bedflow::model
