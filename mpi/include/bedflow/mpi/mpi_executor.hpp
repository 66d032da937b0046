#pragma once
// Replications spread over the ranks of an MPI job (OpenMPI's C API).
//
// Rank 0 runs the command line as a single process would, with an MpiReplicationExecutor
// installed; every other rank runs serve_replications() until rank 0 says stop. For each
// batch rank 0 broadcasts the job (the scenario file and overrides, never the scenario
// itself), every rank loads that scenario and computes replications first + j for the j
// with j mod ranks == its rank, on its own threads, and sends them to rank 0.
//
// Invariants:
//  - Result k is computed from (scenario, seed, k) alone, so rank 0 assembles exactly the
//    results a single process computes: files written by rank 0 hold the same datasets,
//    byte for byte, for any number of ranks or threads.
//  - Only rank 0 reads user options, prints and writes files; the other ranks only read the
//    scenario files (from the same paths: a shared file system, or the same files on every
//    machine).
//  - A rank whose replication fails replies with the error; rank 0 throws the error of the
//    lowest-numbered failing replication once every rank has replied, so a failed run ends
//    like a single-process one (message, exit 1, no results file). A rank that dies is
//    handled by mpirun, which ends the job; rank 0's temporary file is removed on SIGTERM.
//  - MPI is called from each rank's main thread only (MPI_THREAD_FUNNELED is enough).
#include <memory>
#include <string>
#include <vector>

#include <mpi.h>

#include "bedflow/results/replication_executor.hpp"

namespace bedflow::mpi {

class MpiReplicationExecutor final : public results::ReplicationExecutor {
 public:
  explicit MpiReplicationExecutor(MPI_Comm comm);
  // Tells the other ranks to stop, if stop_workers() was not called.
  ~MpiReplicationExecutor() override;

  std::vector<model::ReplicationResult> run(const results::ReplicationJob& job,
                                            std::uint32_t first, std::uint32_t count,
                                            const results::ReplicationDone& on_done)
      const override;
  std::string describe(unsigned threads) const override;

  // Ends serve_replications() on every other rank. Idempotent.
  void stop_workers();

 private:
  MPI_Comm comm_;
  int ranks_ = 1;
  bool stopped_ = false;
};

// The loop of ranks 1..n-1: computes its share of each batch rank 0 broadcasts, until told
// to stop. Returns normally on stop; errors in a batch go back to rank 0 as replies.
void serve_replications(MPI_Comm comm);

}  // namespace bedflow::mpi
