#pragma once
// Where a scenario's replications run: on threads in this process (the default), or spread
// over the ranks of an MPI job (`bedflow-mpi` installs that executor at start-up; mpi/).
//
// Invariants:
//  - run() returns the results of replications first .. first + count - 1 in index order,
//    and result k is model::simulate_replication(job's scenario, job.seed, k, job.options)
//    whichever thread or rank computed it: results are bit-identical for any number of
//    threads or ranks.
//  - If replications fail, the error of the lowest-numbered failing replication is thrown
//    after all work on this batch has stopped.
//  - on_done(k, events) is called once per finished replication, one call at a time, in this
//    process; it must not throw.
//  - The process-wide executor is installed once, before any command runs, and is not
//    replaced while replications run.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "bedflow/models/replication_result.hpp"
#include "bedflow/models/scenario.hpp"
#include "bedflow/models/simulate.hpp"

namespace bedflow::results {

// Takes the patient log of each replication while it runs and as it finishes, so that a run
// need not hold every replication's log until the end (see event_spool.hpp). add_block()
// takes rows of a running replication, in the order logged, leaving `rows` empty (possibly
// another buffer); take() takes the rest of a
// finished one, moving its rows out of `result` (patient_events is left empty, event_codes
// stay). Both are called from whichever thread runs the replication, possibly several at
// once, and throw ResultsError when they cannot store the rows (the replication then fails).
class PatientEventSink {
 public:
  virtual ~PatientEventSink() = default;
  virtual void add_block(std::uint32_t replication, std::vector<model::PatientEvent>& rows) = 0;
  virtual void take(model::ReplicationResult& result) = 0;
};

// A batch of replications of one scenario, described so that any process can rebuild the
// same scenario: the scenario file and the overrides applied to it, in order.
struct ReplicationJob {
  std::string scenario_path;
  std::vector<std::pair<std::string, std::string>> overrides;  // (path, value), as `--set`
  const model::Scenario* scenario = nullptr;  // loaded in this process from the two above
  std::uint64_t seed = 0;                     // the run's seed (--seed or run.seed)
  model::SimulationOptions options;
  unsigned threads = 1;                       // threads per process
  // When set (and options.patient_events), every replication's log goes here as soon as it
  // finishes, in this process: rank 0 with MPI. Not sent to other ranks.
  PatientEventSink* patient_events = nullptr;
};

// Called when replication `replication` has finished, having simulated `events` events.
using ReplicationDone = std::function<void(std::uint32_t replication, std::uint64_t events)>;

class ReplicationExecutor {
 public:
  virtual ~ReplicationExecutor() = default;
  virtual std::vector<model::ReplicationResult> run(const ReplicationJob& job,
                                                    std::uint32_t first, std::uint32_t count,
                                                    const ReplicationDone& on_done) const = 0;
  // Where replications run, for messages: "2 threads", "3 ranks x 2 threads".
  virtual std::string describe(unsigned threads) const;
};

// Runs replication k of the job in this process, and hands its log to job.patient_events.
model::ReplicationResult simulate_job_replication(const ReplicationJob& job,
                                                  std::uint32_t replication);

// The executor of this process: threads unless another was installed.
const ReplicationExecutor& replication_executor();
void install_replication_executor(std::unique_ptr<ReplicationExecutor> executor);

// replication_executor().run(...), with no progress callback when none is given.
std::vector<model::ReplicationResult> run_job_replications(const ReplicationJob& job,
                                                           std::uint32_t first,
                                                           std::uint32_t count,
                                                           const ReplicationDone& on_done = {});

}  // namespace bedflow::results
