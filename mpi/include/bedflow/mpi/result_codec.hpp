#pragma once
// Replication jobs and results as bytes, for sending between the ranks of an MPI job.
//
// Invariants:
//  - decode(encode(x)) == x field for field, doubles bit for bit (they are copied as their
//    8 bytes, never printed), so a result computed on another rank is the result this rank
//    would have computed.
//  - Both ends run the same build of bedflow (the same executable under mpirun), so the
//    byte order and layout are the same on every rank; a version byte guards the rest.
//  - Decoding bytes that are short or malformed throws CodecError; it never reads past the
//    end of the buffer.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"
#include "bedflow/results/replication_executor.hpp"

namespace bedflow::mpi {

class CodecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Bytes = std::vector<char>;

// One batch of work: the job (without the in-process scenario pointer) and the range of
// replications, first .. first + count - 1.
struct Batch {
  results::ReplicationJob job;
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

// What one rank sends back for a batch: its results, or the error of its lowest-numbered
// failing replication.
struct RankReply {
  std::vector<model::ReplicationResult> results;  // in replication order
  bool failed = false;
  std::uint32_t failed_replication = 0;
  std::string error;
};

Bytes encode_batch(const Batch& batch);
Batch decode_batch(const Bytes& bytes);

Bytes encode_reply(const RankReply& reply);
RankReply decode_reply(const Bytes& bytes);

}  // namespace bedflow::mpi
