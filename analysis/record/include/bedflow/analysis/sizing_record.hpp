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
//  - read_sizing_record() gives back every stored figure (for readers that show the record,
//    such as the workbook export) and refuses a /sizing group without its completion mark.
#include <cstdint>
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

namespace bedflow::analysis {

// A sizing record as read back from a file: the stored figures, column by column, with no
// need to rebuild the search's own types (a reader of the file, such as the workbook, only
// shows them).
struct StoredLever {
  std::string path;
  std::int64_t low = 0;
  std::int64_t high = 0;
  std::int64_t step = 0;
};

struct StoredSizingRecord {
  std::string target;         // "acute_occupancy_share <= 0.92"
  std::string measure;
  std::string measure_unit;
  std::string comparison;     // "<=", "<", ">=", ">"
  double threshold = 0.0;
  double confidence = 0.0;
  std::string decision_rule;  // in words
  std::string status;         // "found", "none_meets", ...
  std::string answer;         // "path=value[,path=value]", empty when none
  std::string cost;           // how a point's cost was measured; empty when no cost source
  std::string cost_unit;      // e.g. "GBP/year"; empty when no cost source (or an older record)
  // The answer's cost against the scenario as given (no lever overrides), when compared:
  // as_given_label names its /variants group; the change is answer - as given, paired by
  // replication, with its half-width at cost_change_level over cost_change_n replications.
  struct AsGiven {
    std::string label;
    double cost_mean = 0.0;
    double cost_half_width = 0.0;
    double answer_cost_mean = 0.0;
    double change_mean = 0.0;
    double change_half_width = 0.0;
    double change_level = 0.0;
    std::int64_t change_n = 0;
  };
  std::optional<AsGiven> as_given;
  std::vector<StoredLever> levers;
  // /sizing/points, one entry per evaluated point in evaluation order.
  std::vector<std::string> labels;
  std::vector<std::vector<double>> lever_values;  // [lever][point]: the setting of each lever
  std::vector<double> replications, target_mean, target_sd, target_half_width, target_bound;
  std::vector<std::int32_t> meets;                 // 1 when the point meets the target
  std::vector<double> cost_mean, cost_half_width;  // empty when no cost source
  // /sizing/frontier (two levers only; empty otherwise): second = -1 and cost NaN when no
  // value of the second lever meets the target for that first value.
  std::vector<double> frontier_first, frontier_second, frontier_cost_mean;
};

// Reads the /sizing group of `path`; nullopt when the file has none. Throws AnalysisError
// naming the file when the group is there but unfinished (no `complete` = 1) or unreadable.
std::optional<StoredSizingRecord> read_sizing_record(const std::string& path);

}  // namespace bedflow::analysis
