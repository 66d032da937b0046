#pragma once
// Owning wrappers for HDF5 identifiers, shared by every HDF5 file bedflow writes or reads
// (results files, sizing records). Only code that links bedflow::results_h5 includes this.
//
// Invariants:
//  - A Handle owns exactly one valid identifier or none; it is closed exactly once, by the
//    close function matching its kind, when the Handle dies. Handles move, never copy.
//  - check() turns every negative HDF5 return into a ResultsError naming what was attempted,
//    so no HDF5 failure is ever silently ignored.
#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "bedflow/results/results_error.hpp"

namespace bedflow::results::h5 {

using Closer = herr_t (*)(hid_t);

template <Closer close>
class Handle {
 public:
  Handle() = default;
  explicit Handle(hid_t id) : id_(id) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  ~Handle() { reset(); }

  hid_t get() const noexcept { return id_; }
  void reset() noexcept {
    if (id_ >= 0) close(id_);
    id_ = H5I_INVALID_HID;
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using Attribute = Handle<H5Aclose>;
using PropertyList = Handle<H5Pclose>;

// Throws ResultsError("<what>") when `id` is negative; returns it otherwise.
hid_t check(hid_t id, const std::string& what);
void check_status(herr_t status, const std::string& what);

// The CRC-32 of a stored text (Boost.CRC), kept in its dataset's `kTextChecksum` attribute:
// scalar datasets cannot carry HDF5's chunk checksums.
inline constexpr const char* kTextChecksum = "crc32";
std::uint64_t text_checksum(const std::string& text);

// Variable-length UTF-8: only for building test files of other programs' shapes; bedflow
// stores no variable-length strings (their bytes live in HDF5's global heap, where a damaged
// length crashes the library while reading).
Datatype utf8_string_type();
// The type of every string bedflow stores: fixed-length UTF-8 of `width` bytes (at least 1),
// NUL-padded. A value exactly `width` bytes long has no NUL after it.
Datatype fixed_utf8_string_type(std::size_t width);

// Rows [first, first + count) of a 1-D dataset: the selection in the file and a matching
// memory space, as H5Dread and H5Dwrite take them. count > 0.
struct RowBlock {
  Dataspace file;
  Dataspace memory;
};
RowBlock select_rows(hid_t dataset, const std::string& name, std::size_t first,
                     std::size_t count);

// HDF5 prints its own error stack by default; we report errors ourselves, once.
void silence_library_errors();

}  // namespace bedflow::results::h5
