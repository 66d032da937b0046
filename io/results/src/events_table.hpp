#pragma once
// The patient-level log as ONE compound HDF5 dataset, one row per event, so that h5py/pandas
// (`pd.DataFrame(f["events"][:])`) and R (rhdf5, hdf5r) read it as a table with no bedflow
// code, plus the names behind its integer codes in a group of string columns beside it.
//
// Invariants:
//  - Row fields, in this order, packed (22 bytes a row, little-endian): replication (uint32),
//    patient (uint32), time_days (float64), event (uint8), service (uint16), cohort (uint16),
//    warmup (uint8). `event` indexes `<codes>/event` (model::kPatientEventNames), `service`
//    indexes `<codes>/service` (the places: services, arrival streams, home) and `cohort`
//    indexes `<codes>/cohort`. The same names and order on disk and in docs/outputs.md.
//  - The table is chunked (h5::kRowsPerChunk rows), extendible, shuffled and deflate-
//    compressed (zlib streams, each with its Adler-32 checksum): filters every HDF5 build
//    has, so h5py and R read it without plugins. Chunks are compressed here and written
//    whole (H5Dwrite_chunk).
//  - Rows are written in replication order, each replication's events in the order logged.
//    Only whole chunks are written until finish(): the same rows give the same bytes,
//    however they were handed over.
//  - Writing holds one chunk of rows besides what the caller holds; reading holds one chunk
//    besides the rows returned.
//  - Reading also accepts format 3's table (event, service and cohort as fixed-length
//    strings, no warmup column): names are turned into codes in order of first appearance
//    and warmup reads as false.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"
#include "bedflow/results/h5/handle.hpp"

namespace bedflow::results::events_table {

// Copies a table made by Appender (`source`, in another file) to a new table `parent/name`,
// chunk by chunk as stored: no decompression, and no H5Ocopy, which crashes inside HDF5 1.10
// when a write fails (a full disk) part-way.
void copy_table(hid_t source, hid_t parent, const std::string& name);

// Appends rows to a new, empty table `parent/name`.
class Appender {
 public:
  Appender(hid_t parent, std::string name);
  Appender(const Appender&) = delete;
  Appender& operator=(const Appender&) = delete;
  ~Appender();
  // Throws ResultsError when HDF5 fails.
  void append(std::uint32_t replication, std::span<const model::PatientEvent> rows);
  // Writes the last, partial chunk; no append() after it.
  void finish();
  std::size_t rows() const noexcept { return written_ + filled_; }
  hid_t dataset() const noexcept { return dataset_.get(); }

 private:
  void flush();
  h5::Dataset dataset_;
  std::string name_;
  std::vector<char> planes_;  // one chunk of rows, shuffled (byte planes) for compression
  struct Compressor;            // one zlib stream, reset per chunk (no allocation per chunk)
  std::unique_ptr<Compressor> compressor_;
  std::size_t filled_ = 0;   // rows in planes_
  std::size_t written_ = 0;  // rows in the dataset
};

// Writes the code tables as string columns `event`, `service` and `cohort` of a new group
// `parent/name`.
void write_codes(hid_t parent, const std::string& name, const model::PatientEventCodes& codes);

struct Table {
  std::vector<std::uint32_t> replication;  // of each row
  std::vector<model::PatientEvent> rows;
  model::PatientEventCodes codes;
};

// Reads `parent/name` and its codes `parent/codes_name`; throws ResultsError if it is not a
// 1-D table with those fields or a code is out of range of its table.
Table read(hid_t parent, const std::string& name, const std::string& codes_name);

}  // namespace bedflow::results::events_table
