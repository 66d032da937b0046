#pragma once
// The patient-level log as ONE compound HDF5 dataset, one row per event, so that h5py/pandas
// (`pd.DataFrame(f["events"][:])`) and R (rhdf5, hdf5r) read it as a table with no bedflow code.
//
// Invariants:
//  - Row fields, in this order: replication (uint32), patient (uint32), time_days (float64),
//    event, service, cohort (fixed-length, NUL-padded UTF-8 strings, each as wide as its
//    longest value in the log and at least 1 byte, so they are compressed with the chunks).
//    The same names and order on disk and in docs/outputs.md.
//  - Rows are written in replication order, each replication's events in the order logged;
//    the dataset is exactly as long as the log, chunked and deflate-compressed. The same log
//    gives the same bytes (string padding is always NUL).
//  - Writing and reading hold one chunk of rows at a time besides the log itself.
#include <cstdint>
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"
#include "bedflow/results/h5/handle.hpp"

namespace bedflow::results::events_table {

struct Row {
  std::uint32_t replication = 0;
  model::PatientEvent event;
};

// Writes every replication's patient_events to `parent/name`; returns the dataset for
// attributes. The caller decides whether an empty log is written at all.
h5::Dataset write(hid_t parent, const std::string& name,
                  const std::vector<model::ReplicationResult>& replications);

// Reads `parent/name` back; throws ResultsError if it is not a 1-D table with those fields.
std::vector<Row> read(hid_t parent, const std::string& name);

}  // namespace bedflow::results::events_table
