#include "bedflow/results/replication_executor.hpp"

#include <string>
#include <utility>

#include "bedflow/engine/replication_runner.hpp"
#include "bedflow/results/results_error.hpp"

namespace bedflow::results {
namespace {

class ThreadExecutor final : public ReplicationExecutor {
 public:
  std::vector<model::ReplicationResult> run(const ReplicationJob& job, std::uint32_t first,
                                            std::uint32_t count,
                                            const ReplicationDone& on_done) const override {
    // Each slot is written by the thread that ran the replication, before its on_done.
    std::vector<std::uint64_t> events(count, 0);
    // The streamed patient log holds a finished replication's rows until every earlier one
    // is written (a replication's log is ~30 MB on the Kent and Medway baseline): no thread
    // runs further ahead than one replication per thread.
    const std::size_t window = job.patient_events != nullptr ? job.threads : engine::kNoWindow;
    return engine::run_replications<model::ReplicationResult>(
        first, count, job.threads,
        [&](std::size_t k) {
          auto result = simulate_job_replication(job, static_cast<std::uint32_t>(k));
          events[k - first] = result.events_processed;
          return result;
        },
        [&](std::size_t k) {
          if (on_done) on_done(static_cast<std::uint32_t>(k), events[k - first]);
        },
        window);
  }
};

std::unique_ptr<ReplicationExecutor>& installed() {
  static std::unique_ptr<ReplicationExecutor> executor = std::make_unique<ThreadExecutor>();
  return executor;
}

}  // namespace

std::string ReplicationExecutor::describe(unsigned threads) const {
  return threads == 1 ? "1 thread" : std::to_string(threads) + " threads";
}

model::ReplicationResult simulate_job_replication(const ReplicationJob& job,
                                                  std::uint32_t replication) {
  if (job.scenario == nullptr) throw ResultsError("a replication job has no scenario");
  if (job.patient_events == nullptr) {
    return model::simulate_replication(*job.scenario, job.seed, replication, job.options);
  }
  auto options = job.options;
  options.patient_event_blocks = [sink = job.patient_events](
                                     std::uint32_t k, std::vector<model::PatientEvent>& rows) {
    sink->add_block(k, rows);
  };
  auto result = model::simulate_replication(*job.scenario, job.seed, replication, options);
  job.patient_events->take(result);
  return result;
}

const ReplicationExecutor& replication_executor() { return *installed(); }

void install_replication_executor(std::unique_ptr<ReplicationExecutor> executor) {
  if (executor) installed() = std::move(executor);
}

std::vector<model::ReplicationResult> run_job_replications(const ReplicationJob& job,
                                                           std::uint32_t first,
                                                           std::uint32_t count,
                                                           const ReplicationDone& on_done) {
  return replication_executor().run(job, first, count, on_done);
}

}  // namespace bedflow::results
