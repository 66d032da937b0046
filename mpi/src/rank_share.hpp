#pragma once
// One rank's share of a batch: replications first + j for j mod ranks == rank, computed on
// the job's threads, or the error of the lowest-numbered one that failed.
#include "bedflow/mpi/result_codec.hpp"

namespace bedflow::mpi {

// The replications of `batch` that `rank` of `ranks` computes, in increasing order.
std::vector<std::uint32_t> share_of(const Batch& batch, int rank, int ranks);

// Computes them (`batch.job.scenario` must be set); on_done(k, events) as each finishes.
RankReply compute_share(const Batch& batch, int rank, int ranks,
                        const results::ReplicationDone& on_done = {});

}  // namespace bedflow::mpi
