#pragma once
// Stage 1: the composed YAML tree into a model::Scenario, every field checked on its own.
//
// Invariants:
//  - Every key of the tree is either read or reported as unknown (with a hint); nothing is
//    silently ignored.
//  - Every problem is collected in the Context's Diagnostics; fields that fail keep their
//    defaults so reading goes on and later problems are found too.
//  - Cross-references (names that must resolve, sums) are left to stage 2 (cross_check).
#include <cstdint>
#include <string>

#include "bedflow/models/scenario.hpp"
#include "fields.hpp"
#include "tree.hpp"

namespace bedflow::scenario {

// `capacity: unlimited` (for analytic infinite-server cases) is stored as the model's own
// marker for "no limit".
using model::kUnlimitedCapacity;

struct StageOneResult {
  model::Scenario scenario;
  std::string census_csv;  // absolute path, empty when the scenario starts empty
};

StageOneResult read_scenario(Context& ctx, const Node& root);

// Section readers (one file each).
void read_run(Context& ctx, const Node& node, model::RunSettings& run);
void read_profiles(Context& ctx, const Node& node, std::vector<model::Profile>& profiles);
void read_cohorts(Context& ctx, const Node& node, std::vector<model::Cohort>& cohorts);
void read_arrivals(Context& ctx, const Node& node, std::vector<model::ArrivalStream>& arrivals);
void read_services(Context& ctx, const Node& node, std::vector<model::Service>& services);
// A service's `when_full`, `if_turned_away` and `closures` (convert_closures.cpp); the kind
// table in read_services decides which kinds may have them.
void read_loss_and_closures(Context& ctx, const Node& body, const std::string& path,
                            model::Service& service);
void read_discharge_pathways(Context& ctx, const Node& node,
                             std::array<model::DischargePathway, 4>& pathways,
                             std::array<std::optional<model::DischargeWindow>, 4>& windows);
// A discharge window on a service or a pathway (convert_windows.cpp).
void read_discharge_window(Context& ctx, const Node& node, const std::string& path,
                           std::optional<model::DischargeWindow>& window);
// `discharge_window` and `turnaround_hours` of a service (convert_windows.cpp).
void read_window_and_turnaround(Context& ctx, const Node& body, const std::string& path,
                                model::Service& service);
// The old top-level costs_gbp block: refused, each key with where it went.
void refuse_global_costs(Context& ctx, const Node& root, const model::Scenario& scenario);
void read_outputs(Context& ctx, const Node& node, model::Outputs& outputs);

// The P0..P3 key names.
inline const std::array<std::string, 4> kPathwayKeys{"P0", "P1", "P2", "P3"};

}  // namespace bedflow::scenario
