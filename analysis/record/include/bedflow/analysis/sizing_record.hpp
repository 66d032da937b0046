#pragma once
// The HDF5 record of a sizing run: what was asked, what was found, and every point evaluated.
//
// Layout (group /sizing, added to a results file whose /variants hold the replications of
// each evaluated point, or written on its own):
//   /sizing                 attributes: target, measure, measure_unit, comparison, threshold,
//                           confidence, decision_rule, status, answer
//                           ("path=value[,path=value]" or ""), cost (how cost was measured),
//                           cost_unit, and, when the answer was compared with the scenario as
//                           given: as_given_label, as_given_cost_mean,
//                           as_given_cost_half_width, answer_cost_mean, cost_change_mean,
//                           cost_change_half_width, cost_change_level, cost_change_n;
//                           complete = 1 (written last)
//   /sizing/levers          table: path, low, high, step (one row per lever)
//   /sizing/points          table, one row per evaluated point in evaluation order:
//                           evaluation_order, label (the /variants group it ran as), one
//                           int64 column per lever named by its path, replications,
//                           target_mean, target_sd, target_half_width, target_bound, meets,
//                           and, when a cost source was given, cost_mean, cost_half_width
//   /sizing/frontier        (two levers) one row per first-lever value: first, second
//                           (-1 when no value meets), cost_mean (NaN when none), point (row of
//                           /sizing/points, -1 when none)
//
// Invariants:
//  - Tables are tidy (one column per field, equal lengths), readable by h5py/pandas and R
//    without bedflow code. Objects carry no timestamps, so equal records give equal bytes.
//  - append_sizing_record() opens an existing file read-write and adds /sizing; the caller
//    writes into a temporary file and renames it afterwards, so a failure never leaves a
//    complete-looking file. Throws AnalysisError naming the file on any HDF5 failure.
#include <optional>
#include <string>
#include <vector>

#include "bedflow/analysis/evaluation.hpp"
#include "bedflow/analysis/lever.hpp"
#include "bedflow/analysis/one_lever.hpp"
#include "bedflow/analysis/target.hpp"
#include "bedflow/analysis/two_levers.hpp"

namespace bedflow::analysis {

// The cost of the answer against the scenario as given (no lever overrides), both run with
// the same seed and replications: the change is paired by replication.
struct CostComparison {
  std::string as_given_label;  // the /variants group holding the scenario as given
  Evidence as_given;           // its cost (same measure and scale as the points')
  Evidence answer;             // the answer's cost
  Evidence change;             // answer - as given, per replication
};

struct SizingRecord {
  std::vector<Lever> levers;  // one or two
  Target target;
  std::string measure_unit;  // the target measure's unit, as the run reported it
  double confidence = 0.9;
  SizingStatus status = SizingStatus::none_meets;
  std::optional<LeverSetting> answer;
  std::string cost_description;       // empty when no cost source
  std::string cost_unit;              // e.g. "GBP/year"
  std::optional<CostComparison> comparison;
  std::vector<EvaluatedPoint> points;
  std::vector<std::string> labels;    // one per point: its /variants label
  std::vector<FrontierRow> frontier;  // two levers only
};

// The decision rule in words, stored with every record.
std::string decision_rule_text(double confidence);

// The label under which a point's replications are stored: "path=value[,path=value]".
std::string setting_label(const LeverSetting& setting);

enum class RecordMode { create, append };
void write_sizing_record(const std::string& path, const SizingRecord& record, RecordMode mode);

}  // namespace bedflow::analysis
