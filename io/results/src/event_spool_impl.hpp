#pragma once
// EventSpool's state, seen by write_results_file() to copy a variant's table.
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "bedflow/results/event_spool.hpp"
#include "bedflow/results/h5/handle.hpp"
#include "events_table.hpp"

namespace bedflow::results {

struct EventSpool::Impl {
  std::string path;
  h5::File file;
  mutable std::mutex mutex;
  std::vector<std::uint64_t> rows;                // by variant, once finished
  std::optional<events_table::Appender> current;  // the variant being run
  std::uint32_t next = 0;                         // replication whose rows are appended now
  // Rows of replications above `next`, held until it is their turn: blocks as they came,
  // and whether the replication has finished.
  struct Waiting {
    std::vector<std::vector<model::PatientEvent>> blocks;
    bool finished = false;
  };
  std::map<std::uint32_t, Waiting> waiting;
  // A block that must wait is kept as it is (no copy), and the model goes on filling an
  // emptied buffer from here: a fresh 1.5 MB buffer each time would cost the kernel's page
  // faults (zero-filling) on every row logged into it, a tenth of a logged run's CPU. A
  // buffer is made only when none is spare, and no more are kept than were made (a finished
  // replication's own rows are not kept), so the spare buffers never outnumber the blocks
  // that once waited at the same time: memory peaks where the waiting rows alone put it.
  std::vector<std::vector<model::PatientEvent>> spare;
  std::size_t buffers_made = 0;

  // An empty buffer for the model in place of a block that waits.
  std::vector<model::PatientEvent> replacement_buffer();
  void recycle(std::vector<model::PatientEvent>&& block);

  // After `next` finished: moves on to the following replications, appending what they
  // hold, past every one that has finished too.
  void advance();

  static std::string table_name(std::size_t variant) { return std::to_string(variant); }
  // Copies variant `variant`'s table to `parent/name` (chunks copied as stored).
  void copy_to(std::size_t variant, hid_t parent, const std::string& name) const;
};

}  // namespace bedflow::results
