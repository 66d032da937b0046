#include "bedflow/mpi/mpi_executor.hpp"

#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "bedflow/scenario/load.hpp"
#include "byte_messages.hpp"
#include "rank_share.hpp"

namespace bedflow::mpi {
namespace {

constexpr int kRoot = 0;

int size_of(MPI_Comm comm) {
  int size = 1;
  check_mpi(MPI_Comm_size(comm, &size), "size");
  return size;
}

int rank_of(MPI_Comm comm) {
  int rank = 0;
  check_mpi(MPI_Comm_rank(comm, &rank), "rank");
  return rank;
}

// The scenario of the latest job on this rank: batches of one run share it, so it is loaded
// once per variant or sizing point, not once per batch.
class ScenarioCache {
 public:
  const model::Scenario& get(const results::ReplicationJob& job) {
    if (!loaded_ || path_ != job.scenario_path || overrides_ != job.overrides) {
      loaded_.reset();
      std::vector<scenario::Override> overrides;
      for (const auto& [path, value] : job.overrides) overrides.push_back({path, value});
      loaded_ = scenario::load_scenario(job.scenario_path, overrides).scenario;
      path_ = job.scenario_path;
      overrides_ = job.overrides;
    }
    return *loaded_;
  }

 private:
  std::optional<model::Scenario> loaded_;
  std::string path_;
  std::vector<std::pair<std::string, std::string>> overrides_;
};

}  // namespace

MpiReplicationExecutor::MpiReplicationExecutor(MPI_Comm comm)
    : comm_(comm), ranks_(size_of(comm)) {}

MpiReplicationExecutor::~MpiReplicationExecutor() {
  try {
    stop_workers();
  } catch (...) {  // MPI already failing: mpirun ends the job
  }
}

void MpiReplicationExecutor::stop_workers() {
  if (stopped_) return;
  stopped_ = true;
  Bytes stop;  // an empty batch
  broadcast_bytes(stop, kRoot, comm_);
}

std::string MpiReplicationExecutor::describe(unsigned threads) const {
  return fmt::format("{} MPI ranks x {} thread{}", ranks_, threads, threads == 1 ? "" : "s");
}

std::vector<model::ReplicationResult> MpiReplicationExecutor::run(
    const results::ReplicationJob& job, std::uint32_t first, std::uint32_t count,
    const results::ReplicationDone& on_done) const {
  if (stopped_) throw std::logic_error("MPI replications after the other ranks stopped");
  Batch batch{job, first, count};
  batch.job.scenario = nullptr;
  Bytes message = encode_batch(batch);
  broadcast_bytes(message, kRoot, comm_);

  batch.job.scenario = job.scenario;  // rank 0 uses the scenario it loaded
  std::vector<std::optional<model::ReplicationResult>> slots(count);
  std::optional<RankReply> failure;
  auto take = [&](RankReply reply, bool report) {
    if (reply.failed) {
      if (!failure || reply.failed_replication < failure->failed_replication) {
        failure = std::move(reply);
      }
      return;
    }
    for (auto& result : reply.results) {
      const std::uint32_t k = result.replication;
      if (k < first || k - first >= count || slots[k - first]) {
        throw std::runtime_error(fmt::format("MPI: a rank returned replication {} twice or "
                                             "outside the batch", k));
      }
      if (report && on_done) on_done(k, result.events_processed);
      if (report && job.patient_events != nullptr) job.patient_events->take(result);
      slots[k - first] = std::move(result);
    }
  };
  take(compute_share(batch, kRoot, ranks_, on_done), false);
  for (int rank = 1; rank < ranks_; ++rank) take(decode_reply(receive_bytes(rank, comm_)), true);
  if (failure) throw std::runtime_error(failure->error);

  std::vector<model::ReplicationResult> results;
  results.reserve(count);
  for (auto& slot : slots) {
    if (!slot) throw std::runtime_error("MPI: a replication is missing from the ranks' replies");
    results.push_back(std::move(*slot));
  }
  return results;
}

void serve_replications(MPI_Comm comm) {
  const int rank = rank_of(comm);
  const int ranks = size_of(comm);
  ScenarioCache cache;
  while (true) {
    Bytes message;
    broadcast_bytes(message, kRoot, comm);
    if (message.empty()) return;
    Batch batch = decode_batch(message);
    RankReply reply;
    try {
      batch.job.scenario = &cache.get(batch.job);
      reply = compute_share(batch, rank, ranks);
    } catch (const std::exception& error) {
      const auto share = share_of(batch, rank, ranks);
      reply.failed = !share.empty();
      reply.failed_replication = share.empty() ? 0 : share.front();
      reply.error = fmt::format("MPI rank {} could not load the scenario: {}", rank, error.what());
    }
    send_bytes(encode_reply(reply), kRoot, comm);
  }
}

}  // namespace bedflow::mpi
