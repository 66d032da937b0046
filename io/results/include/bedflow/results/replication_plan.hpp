#pragma once
// Runs a scenario's replications (on threads, or on MPI ranks through the executor): a fixed count, or sequentially until the
// headline measures are precise enough (precision mode).
//
// Invariants:
//  - Replications are numbered 0, 1, 2, ... and result k depends only on simulate(k), so the
//    outcome is bit-identical for any thread count. In precision mode the size of every
//    batch is decided from the results so far, never from the thread count, so even the
//    number of replications run is the same for any thread count.
//  - Precision mode stops at the first check where every aimed-at measure's 95% half-width
//    is within `precision` x |mean| (measures with mean 0 are skipped), or at
//    `max_replications`, whichever comes first; the outcome says which.
//  - progress() is called after each replication, from whichever thread finished it, one
//    call at a time; it must not throw.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"
#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/replication_executor.hpp"

namespace bedflow::results {

struct ReplicationPlan {
  std::uint32_t replications = 10;  // fixed count, or the first batch in precision mode
  unsigned threads = 1;
  double precision = 0.0;           // relative 95% half-width target; 0: fixed count
  std::vector<std::string> precision_measures;  // aimed at; empty: the `precision` list
  std::uint32_t max_replications = 1000;
};

struct ProgressUpdate {
  std::uint32_t done = 0;        // replications finished so far
  std::uint32_t planned = 0;     // replications in the current plan (grows in precision mode)
  std::uint64_t events = 0;      // events simulated so far
  double elapsed_seconds = 0.0;
};

using SimulateReplication = std::function<model::ReplicationResult(std::uint32_t)>;
using ReportProgress = std::function<void(const ProgressUpdate&)>;

struct PlanOutcome {
  std::vector<model::ReplicationResult> replications;
  bool precision_reached = true;  // always true for a fixed count
  PrecisionCheck last_check;      // precision mode: the check that ended the run
};

// Replications computed by `simulate` on `plan.threads` threads of this process.
PlanOutcome run_replication_plan(const ReplicationPlan& plan,
                                 const SimulateReplication& simulate,
                                 const ReportProgress& progress = {});

// Replications of `job` on the process's replication executor (threads, or MPI ranks);
// `plan.threads` is not used: the job says how many threads each process uses.
PlanOutcome run_replication_plan(const ReplicationPlan& plan, const ReplicationJob& job,
                                 const ReportProgress& progress = {});

// Precision mode's next total after `done` replications whose worst measure is
// `worst_ratio` times too wide: the classical n x ratio^2 estimate, at least one more, at
// most double (early variance estimates are noisy), never above `cap`.
std::uint32_t next_replication_total(std::uint32_t done, double worst_ratio, std::uint32_t cap);

}  // namespace bedflow::results
