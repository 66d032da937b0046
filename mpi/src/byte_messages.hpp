#pragma once
// Byte buffers over MPI of any size: MPI counts are ints, so buffers go in pieces of at most
// 1 GiB after their 64-bit length.
#include <mpi.h>

#include "bedflow/mpi/result_codec.hpp"

namespace bedflow::mpi {

// Rank `root` sends `bytes` to every rank of `comm`; the others receive into `bytes`.
void broadcast_bytes(Bytes& bytes, int root, MPI_Comm comm);
void send_bytes(const Bytes& bytes, int destination, MPI_Comm comm);
Bytes receive_bytes(int source, MPI_Comm comm);

// Throws std::runtime_error naming `what` when an MPI call failed.
void check_mpi(int code, const char* what);

}  // namespace bedflow::mpi
