#pragma once
// The hospital model's entry points.
//
// Invariants:
//  - simulate_replication() is a pure function of (scenario, seed, replication): it owns
//    every random stream it uses, derived from those three, and touches no global state, so
//    replications can run on any thread in any order.
//  - The scenario must have passed validation (see scenario.hpp).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"
#include "bedflow/models/scenario.hpp"

namespace bedflow::model {

// Takes the patient log of replication `replication` in blocks while it runs, in the order
// logged, so that a long replication's log need not be held whole; the rows after the last
// block stay in the result's patient_events. It takes `rows` whole, leaving the vector empty
// (it may swap in another buffer: a block kept for later then costs no copy). Called on the
// replication's thread; what it throws ends the replication.
using PatientEventBlocks =
    std::function<void(std::uint32_t replication, std::vector<PatientEvent>& rows)>;

struct SimulationOptions {
  bool patient_events = false;  // keep the patient-level log
  PatientEventBlocks patient_event_blocks;  // optional: hand the log over in blocks
};

ReplicationResult simulate_replication(const Scenario& scenario, std::uint64_t seed,
                                       std::uint32_t replication,
                                       const SimulationOptions& options = {});

// The names of the scalar measures a replication of `scenario` reports, in order, found by
// building the model without running it (names depend on the scenario's structure and its
// observed window, which sets the months of the ED waits by month; never on chance).
std::vector<std::string> measure_names(const Scenario& scenario);

// How many time series a replication of `scenario` records (three per service, then the
// acute and system-wide ones): what the loader's memory estimate multiplies.
std::size_t series_count(const Scenario& scenario);

// Problems in the network of services and routes, found with Boost.Graph: a service from
// which no exit can be reached, a route to an unknown service, routing probabilities that do
// not sum to 1, a loop of services with no capacity limit. Each message names the services.
struct NetworkProblem {
  std::string message;
  std::vector<std::string> services;  // the services involved, for the loader to locate
};
std::vector<NetworkProblem> check_network(const Scenario& scenario);

// Expected number of stays in community services of a patient who enters `service`, for each
// community service that can be re-entered (on a loop of `then` / `on_failure` routes), from
// the routing probabilities: row sums of the absorbing Markov chain's fundamental matrix
// (I - Q)^-1. +inf when the loop has no exit. check_network() refuses more than
// kMaxExpectedStays: such a loop would keep patients circulating for the whole run.
struct ExpectedStays {
  std::string service;
  double stays = 1.0;
};
inline constexpr double kMaxExpectedStays = 1000.0;
std::vector<ExpectedStays> expected_community_stays(const Scenario& scenario);

}  // namespace bedflow::model
