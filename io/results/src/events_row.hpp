#pragma once
// One row of the events table, packed with no padding, in memory as on disk, so the memory
// layout needs no struct and HDF5 only swaps number bytes on a big-endian host:
//   replication (4 bytes) | patient (4) | time_days (8) | event (1) | service (2) |
//   cohort (2) | warmup (1)
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

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

inline void pack(char* out, std::uint32_t replication, const model::PatientEvent& e) {
  const auto event = static_cast<std::uint8_t>(e.event);
  const std::uint8_t warmup = e.warmup ? 1 : 0;
  std::memcpy(out + kReplication, &replication, sizeof replication);
  std::memcpy(out + kPatient, &e.patient, sizeof e.patient);
  std::memcpy(out + kTime, &e.time_days, sizeof e.time_days);
  std::memcpy(out + kEvent, &event, sizeof event);
  std::memcpy(out + kService, &e.place, sizeof e.place);
  std::memcpy(out + kCohort, &e.cohort, sizeof e.cohort);
  std::memcpy(out + kWarmup, &warmup, sizeof warmup);
}

}  // namespace bedflow::results::events_table::row
