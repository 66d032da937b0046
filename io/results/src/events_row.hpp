#pragma once
// One row of the events table, packed with no padding, in memory as on disk, so the memory
// layout needs no struct and HDF5 only swaps number bytes on a big-endian host:
//   replication (4 bytes) | patient (4) | time_days (8) | event (1) | service (2) |
//   cohort (2) | warmup (1)
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

#include "bedflow/models/replication_result.hpp"
#include "bedflow/results/h5/handle.hpp"

namespace bedflow::results::events_table::row {

inline constexpr std::size_t kReplication = 0;
inline constexpr std::size_t kPatient = 4;
inline constexpr std::size_t kTime = 8;
inline constexpr std::size_t kEvent = 16;
inline constexpr std::size_t kService = 17;
inline constexpr std::size_t kCohort = 19;
inline constexpr std::size_t kWarmup = 21;
inline constexpr std::size_t kSize = 22;
inline constexpr std::array<const char*, 7> kFields = {
    "replication", "patient", "time_days", "event", "service", "cohort", "warmup"};

// The packed row type: native numbers for memory, little-endian ones for the file (as h5py
// writes). Built per call, not cached: HDF5's predefined type identifiers live only while the
// library is open.
inline h5::Datatype type(bool in_file) {
  h5::Datatype type(h5::check(H5Tcreate(H5T_COMPOUND, kSize), "cannot create the events row type"));
  const std::array<std::size_t, 7> offsets = {kReplication, kPatient, kTime, kEvent,
                                              kService, kCohort, kWarmup};
  const std::array<hid_t, 7> members = {
      in_file ? H5T_STD_U32LE : H5T_NATIVE_UINT32, in_file ? H5T_STD_U32LE : H5T_NATIVE_UINT32,
      in_file ? H5T_IEEE_F64LE : H5T_NATIVE_DOUBLE, in_file ? H5T_STD_U8LE : H5T_NATIVE_UINT8,
      in_file ? H5T_STD_U16LE : H5T_NATIVE_UINT16, in_file ? H5T_STD_U16LE : H5T_NATIVE_UINT16,
      in_file ? H5T_STD_U8LE : H5T_NATIVE_UINT8};
  for (std::size_t f = 0; f < kFields.size(); ++f) {
    h5::check_status(H5Tinsert(type.get(), kFields[f], offsets[f], members[f]),
                     std::string("cannot add field '") + kFields[f] + "'");
  }
  return type;
}

// Byte k of value(rows[i]) to planes[(field + k) x stride + first + i], for every row i: one
// field of a run of rows, spread over its byte planes.
template <class Unsigned, class Value>
void scatter_field(char* planes, std::size_t stride, std::size_t field, std::size_t first,
                   std::span<const model::PatientEvent> rows, Value value) {
  char* out = planes + field * stride + first;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Unsigned v = value(rows[i]);
    for (std::size_t k = 0; k < sizeof(Unsigned); ++k) {
      out[k * stride + i] = static_cast<char>(static_cast<unsigned char>(v >> (8 * k)));
    }
  }
}

// Rows `first` to `first + rows.size()` of a chunk, written as HDF5's shuffle filter lays a
// chunk out: byte b of every row together (plane b starts at planes + b x stride, stride >=
// the chunk's rows), in the file's (little-endian) byte order on any host. Field by field,
// not row by row: a row's 22 bytes go to 22 planes, and one field at a time keeps few of
// them being written at once (three times faster than packing rows and shuffling the chunk
// after).
inline void pack_shuffled(char* planes, std::size_t stride, std::size_t first,
                          std::uint32_t replication, std::span<const model::PatientEvent> rows) {
  using E = model::PatientEvent;
  scatter_field<std::uint32_t>(planes, stride, kReplication, first, rows,
                               [replication](const E&) { return replication; });
  scatter_field<std::uint32_t>(planes, stride, kPatient, first, rows,
                               [](const E& e) { return e.patient; });
  scatter_field<std::uint64_t>(planes, stride, kTime, first, rows, [](const E& e) {
    return std::bit_cast<std::uint64_t>(e.time_days);
  });
  scatter_field<std::uint8_t>(planes, stride, kEvent, first, rows,
                              [](const E& e) { return static_cast<std::uint8_t>(e.event); });
  scatter_field<std::uint16_t>(planes, stride, kService, first, rows,
                               [](const E& e) { return e.place; });
  scatter_field<std::uint16_t>(planes, stride, kCohort, first, rows,
                               [](const E& e) { return e.cohort; });
  scatter_field<std::uint8_t>(planes, stride, kWarmup, first, rows,
                              [](const E& e) { return static_cast<std::uint8_t>(e.warmup); });
}

}  // namespace bedflow::results::events_table::row
