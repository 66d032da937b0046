#include "bedflow/results/replication_plan.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "bedflow/engine/replication_runner.hpp"
#include "bedflow/results/replication_executor.hpp"
#include "bedflow/results/results_error.hpp"

namespace bedflow::results {
namespace {

// Runs replications [first, total) somewhere and calls back once per finished replication.
using RunBatch = std::function<std::vector<model::ReplicationResult>(
    std::uint32_t first, std::uint32_t count, const ReplicationDone& on_done)>;

class BatchRunner {
 public:
  BatchRunner(RunBatch run_batch, const ReportProgress& progress)
      : run_batch_(std::move(run_batch)), progress_(progress),
        started_(std::chrono::steady_clock::now()) {}

  void run(std::vector<model::ReplicationResult>& results, std::uint32_t total) {
    const auto first = static_cast<std::uint32_t>(results.size());
    if (total <= first) return;
    planned_ = total;
    auto batch = run_batch_(first, total - first, [&](std::uint32_t, std::uint64_t events) {
      ++done_;
      events_ += events;
      if (progress_) {
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started_;
        progress_(ProgressUpdate{done_, planned_, events_, elapsed.count()});
      }
    });
    for (auto& result : batch) results.push_back(std::move(result));
  }

 private:
  RunBatch run_batch_;
  const ReportProgress& progress_;
  std::chrono::steady_clock::time_point started_;
  std::uint64_t events_ = 0;  // of the replications finished so far
  std::uint32_t done_ = 0;
  std::uint32_t planned_ = 0;
};

PlanOutcome run_plan(const ReplicationPlan& plan, BatchRunner& runner) {
  if (plan.replications == 0) throw ResultsError("at least one replication is needed");
  PlanOutcome outcome;
  if (plan.precision <= 0.0) {
    runner.run(outcome.replications, plan.replications);
    return outcome;
  }
  const std::uint32_t cap = std::max(plan.max_replications, 2u);
  // A first batch of kPilotReplications at least (or the cap, and then no target is reached).
  std::uint32_t total = std::min(std::max(plan.replications, kPilotReplications), cap);
  while (true) {
    runner.run(outcome.replications, total);
    outcome.last_check =
        check_precision(summarise_measures(outcome.replications), plan.precision,
                        plan.precision_measures);
    outcome.precision_reached = outcome.last_check.reached;
    if (outcome.precision_reached || total >= cap) return outcome;
    total = next_replication_total(total, outcome.last_check.worst_ratio, cap);
  }
}

}  // namespace

std::uint32_t next_replication_total(std::uint32_t done, double worst_ratio, std::uint32_t cap) {
  const double estimate = std::ceil(static_cast<double>(done) * worst_ratio * worst_ratio);
  const double bounded = std::clamp(estimate, static_cast<double>(done) + 1.0,
                                    2.0 * static_cast<double>(std::max<std::uint32_t>(done, 1)));
  return static_cast<std::uint32_t>(std::min(bounded, static_cast<double>(cap)));
}

PlanOutcome run_replication_plan(const ReplicationPlan& plan,
                                 const SimulateReplication& simulate,
                                 const ReportProgress& progress) {
  const unsigned threads = std::max(1u, plan.threads);
  BatchRunner runner(
      [&](std::uint32_t first, std::uint32_t count, const ReplicationDone& on_done) {
        std::vector<std::uint64_t> events(count, 0);  // slot k written before on_done(k)
        return engine::run_replications<model::ReplicationResult>(
            first, count, threads,
            [&](std::size_t k) {
              auto result = simulate(static_cast<std::uint32_t>(k));
              events[k - first] = result.events_processed;
              return result;
            },
            [&](std::size_t k) { on_done(static_cast<std::uint32_t>(k), events[k - first]); });
      },
      progress);
  return run_plan(plan, runner);
}

PlanOutcome run_replication_plan(const ReplicationPlan& plan, const ReplicationJob& job,
                                 const ReportProgress& progress) {
  BatchRunner runner(
      [&](std::uint32_t first, std::uint32_t count, const ReplicationDone& on_done) {
        return run_job_replications(job, first, count, on_done);
      },
      progress);
  return run_plan(plan, runner);
}

}  // namespace bedflow::results
