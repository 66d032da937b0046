#pragma once
// Streams a run's patient log to disk as replications finish, so that its memory does not
// grow with the log: a spool HDF5 file beside the results file's temporary file holds one
// events table per variant, and write_results_file() copies each table into the results file
// chunk by chunk, without decompressing it (events_table::copy_table).
//
// Invariants:
//  - Rows are appended in replication order (0, 1, 2, ... within each variant), whatever
//    order replications run and finish in: the rows of a replication numbered above the one
//    being appended wait in memory until it is their turn. So the table's bytes are the same
//    for any number of threads or MPI ranks.
//  - Memory: one chunk of packed rows (h5::kRowsPerChunk x 22 bytes); for the replication
//    being appended, one block of the model's (kLogBlock rows of 24 bytes); for each other
//    replication running or finished early, its rows so far (24 bytes a row). With n
//    threads and replications of similar length that is about n - 1 replications' logs.
//    Emptied block buffers are kept for reuse; as one is made only when none is spare, they
//    never outnumber the blocks that once waited together, so they add nothing to the peak.
//  - take() may be called from several threads at once; HDF5 is only called under a lock.
//  - The spool file is removed when the EventSpool is destroyed, whatever happened.
#include <cstdint>
#include <memory>
#include <string>

#include "bedflow/results/replication_executor.hpp"

namespace bedflow::results {

class EventSpool final : public PatientEventSink {
 public:
  // Creates (truncates) the spool file at `path`. Throws ResultsError if it cannot.
  explicit EventSpool(std::string path);
  EventSpool(const EventSpool&) = delete;
  EventSpool& operator=(const EventSpool&) = delete;
  ~EventSpool() override;

  // Starts the next variant's table and returns its index (0, 1, ...): replications are
  // then expected from 0 again.
  std::size_t begin_variant();
  void add_block(std::uint32_t replication, std::vector<model::PatientEvent>& rows) override;
  void take(model::ReplicationResult& result) override;
  // Writes the variant's last rows; throws ResultsError if a replication below one taken
  // never came (the run failed).
  void finish_variant();
  // Rows stored for `variant` so far.
  std::uint64_t rows(std::size_t variant) const;
  const std::string& path() const noexcept;

  struct Impl;  // the HDF5 side, for write_results_file()
  const Impl& impl() const noexcept { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace bedflow::results
