#pragma once
// Writing the handful of HDF5 shapes bedflow's files use (results files, sizing records).
//
// Invariants:
//  - Objects are created without modification times, so the same results give the same
//    bytes (the thread-count test compares files byte for byte).
//  - Groups track link creation order, so a reader sees measures in the order written.
//  - String columns, texts and attributes are variable-length UTF-8 (h5py: .asstr(); R:
//    character vectors); records carry whatever string type their caller gives.
//  - Columns and matrices are chunked and deflate-compressed when they hold any data.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "bedflow/results/h5/handle.hpp"

namespace bedflow::results::h5 {

// Creates (truncates) an HDF5 file on disk with bedflow's file properties: link creation
// order, no object times, the 1.8+ formats whose metadata carry checksums.
File create_file(const std::string& path);
// Flushes everything written so far to `path`'s file and syncs it, so that a full disk is
// reported here as ResultsError("<path>: cannot write (...)") rather than at close.
void save_file(hid_t file, const std::string& path);
// Call first thing in a program, before any other HDF5 call: HDF5 then does not close its
// open files when the process exits. A file whose flush failed on a full disk is left
// half-closed in HDF5's tables, and closing it again at exit crashed the process after it
// had reported the error and removed its temporary file; the system reclaims all at exit.
void leave_library_open_at_exit();
// Opens an existing HDF5 file read-write on disk, to add to it or change it in place.
File open_file_for_write(const std::string& path);
Group create_group(hid_t parent, const std::string& name);
// Opens an existing group (of a file being written) to add to it.
Group open_group_for_write(hid_t parent, const std::string& name);

void write_attribute(hid_t object, const std::string& name, const std::string& value);
void write_attribute(hid_t object, const std::string& name, double value);
void write_attribute(hid_t object, const std::string& name, std::int64_t value);
void write_attribute(hid_t object, const std::string& name, std::uint64_t value);

// One-dimensional columns of a tidy table; the returned dataset can take attributes.
Dataset write_column(hid_t parent, const std::string& name, std::span<const double> values);
Dataset write_column(hid_t parent, const std::string& name,
                     std::span<const std::int32_t> values);
Dataset write_column(hid_t parent, const std::string& name,
                     std::span<const std::int64_t> values);
Dataset write_column(hid_t parent, const std::string& name,
                     std::span<const std::uint64_t> values);
Dataset write_column(hid_t parent, const std::string& name,
                     std::span<const std::string> values);
// Rows per chunk of every 1-D dataset (fewer when the dataset is shorter). Writing records in
// blocks of this many rows fills one whole chunk per block.
inline constexpr std::size_t kRowsPerChunk = 16384;
// A 1-D dataset of `count` elements of any type (e.g. compound rows of a table), stored as
// `file_type`, chunked and compressed like a column; fill it with write_records_block, so a
// long table never has to be laid out in memory all at once.
Dataset create_records(hid_t parent, const std::string& name, hid_t file_type,
                       std::size_t count);
// Writes rows [first, first + count) of a dataset from create_records; `rows` holds `count`
// elements laid out as `memory_type` says.
void write_records_block(hid_t dataset, const std::string& name, hid_t memory_type,
                         std::size_t first, std::size_t count, const void* rows);
// A scalar string dataset (for long texts such as a scenario file).
Dataset write_text(hid_t parent, const std::string& name, const std::string& text);
// A rows x columns matrix of doubles, row-major, chunked by whole rows.
Dataset write_matrix(hid_t parent, const std::string& name, std::size_t rows,
                     std::size_t columns, std::span<const double> values);

}  // namespace bedflow::results::h5
