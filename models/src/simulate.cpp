#include "bedflow/models/simulate.hpp"

#include <chrono>

#include "hospital_model.hpp"

namespace bedflow::model {

ReplicationResult simulate_replication(const Scenario& scenario, std::uint64_t seed,
                                       std::uint32_t replication,
                                       const SimulationOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  HospitalModel model(scenario, seed, replication,
                      options.patient_events || scenario.outputs.patient_events);
  ReplicationResult result = model.run();
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace bedflow::model
