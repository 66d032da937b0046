// `bedflow-mpi`: the `bedflow` command line under mpirun. Rank 0 runs the command as
// `bedflow` would, with replications spread over every rank; the other ranks serve
// replications until rank 0 has finished. With one rank it is plain `bedflow`.
#include <exception>
#include <iostream>

#include <mpi.h>

#include "bedflow/mpi/mpi_executor.hpp"
#include "cli/command_line_main.hpp"
#include "cli/exit_status.hpp"

int main(int argc, char** argv) {
  int provided = 0;
  if (MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
    std::cerr << "bedflow-mpi: error: MPI could not start\n";
    return bedflow::cli::kFailure;
  }
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  int status = bedflow::cli::kSuccess;
  try {
    if (rank != 0) {
      bedflow::mpi::serve_replications(MPI_COMM_WORLD);
    } else if (ranks == 1) {
      status = bedflow::cli::run_command_line(argc, argv);
    } else {
      auto executor = std::make_unique<bedflow::mpi::MpiReplicationExecutor>(MPI_COMM_WORLD);
      auto* mpi_executor = executor.get();
      bedflow::results::install_replication_executor(std::move(executor));
      status = bedflow::cli::run_command_line(argc, argv);
      mpi_executor->stop_workers();
    }
  } catch (const std::exception& error) {
    // Only MPI failures reach here (commands report their own errors): stop every rank.
    std::cerr << "bedflow-mpi: rank " << rank << ": error: " << error.what() << "\n";
    MPI_Abort(MPI_COMM_WORLD, bedflow::cli::kFailure);
  }
  MPI_Finalize();
  return status;
}
