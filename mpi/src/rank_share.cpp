#include "rank_share.hpp"

#include <exception>

#include "bedflow/engine/replication_runner.hpp"

namespace bedflow::mpi {
namespace {

// Carries the failing replication's number to the reply.
struct ReplicationFailure {
  std::uint32_t replication;
  std::string message;
};

}  // namespace

std::vector<std::uint32_t> share_of(const Batch& batch, int rank, int ranks) {
  std::vector<std::uint32_t> share;
  for (std::uint32_t j = static_cast<std::uint32_t>(rank); j < batch.count;
       j += static_cast<std::uint32_t>(ranks)) {
    share.push_back(batch.first + j);
  }
  return share;
}

RankReply compute_share(const Batch& batch, int rank, int ranks,
                        const results::ReplicationDone& on_done) {
  const auto share = share_of(batch, rank, ranks);
  std::vector<std::uint64_t> events(share.size(), 0);  // slot i written before on_done(i)
  RankReply reply;
  try {
    reply.results = engine::run_replications<model::ReplicationResult>(
        0, share.size(), batch.job.threads,
        [&](std::size_t i) {
          try {
            auto result = results::simulate_job_replication(batch.job, share[i]);
            events[i] = result.events_processed;
            return result;
          } catch (const std::exception& error) {
            throw ReplicationFailure{share[i], error.what()};
          }
        },
        [&](std::size_t i) {
          if (on_done) on_done(share[i], events[i]);
        });
  } catch (const ReplicationFailure& failure) {
    reply = RankReply{};
    reply.failed = true;
    reply.failed_replication = failure.replication;
    reply.error = failure.message;
  }
  return reply;
}

}  // namespace bedflow::mpi
