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
  // Not run for no time: names depend on the window too (ED waits by calendar month).
  return HospitalModel(scenario, 0, 0, false).measure_names();
}

}  // namespace bedflow::model
