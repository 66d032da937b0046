#include "byte_messages.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace bedflow::mpi {
namespace {

constexpr std::size_t kPieceBytes = std::size_t{1} << 30;
constexpr int kReplyTag = 71;

template <class Piece>
void for_each_piece(std::size_t size, Piece&& piece) {
  for (std::size_t offset = 0; offset < size; offset += kPieceBytes) {
    piece(offset, static_cast<int>(std::min(kPieceBytes, size - offset)));
  }
}

}  // namespace

void check_mpi(int code, const char* what) {
  if (code == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, text, &length);
  throw std::runtime_error(std::string("MPI ") + what + " failed: " + std::string(text, length));
}

void broadcast_bytes(Bytes& bytes, int root, MPI_Comm comm) {
  std::uint64_t size = bytes.size();
  check_mpi(MPI_Bcast(&size, 1, MPI_UINT64_T, root, comm), "broadcast");
  bytes.resize(size);
  for_each_piece(bytes.size(), [&](std::size_t offset, int n) {
    check_mpi(MPI_Bcast(bytes.data() + offset, n, MPI_BYTE, root, comm), "broadcast");
  });
}

void send_bytes(const Bytes& bytes, int destination, MPI_Comm comm) {
  const std::uint64_t size = bytes.size();
  check_mpi(MPI_Send(&size, 1, MPI_UINT64_T, destination, kReplyTag, comm), "send");
  for_each_piece(bytes.size(), [&](std::size_t offset, int n) {
    check_mpi(MPI_Send(bytes.data() + offset, n, MPI_BYTE, destination, kReplyTag, comm), "send");
  });
}

Bytes receive_bytes(int source, MPI_Comm comm) {
  std::uint64_t size = 0;
  check_mpi(MPI_Recv(&size, 1, MPI_UINT64_T, source, kReplyTag, comm, MPI_STATUS_IGNORE),
            "receive");
  Bytes bytes(size);
  for_each_piece(bytes.size(), [&](std::size_t offset, int n) {
    check_mpi(MPI_Recv(bytes.data() + offset, n, MPI_BYTE, source, kReplyTag, comm,
                       MPI_STATUS_IGNORE),
              "receive");
  });
  return bytes;
}

}  // namespace bedflow::mpi
