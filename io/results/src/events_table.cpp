#include "events_table.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <utility>

#include "bedflow/results/h5/read.hpp"
#include "bedflow/results/h5/write.hpp"

namespace bedflow::results::events_table {
namespace {

// A row is packed with no padding, in memory as on disk, so the memory layout needs no struct
// and HDF5 only swaps number bytes on a big-endian host:
//   replication (4 bytes) | patient (4) | time_days (8) | event | service | cohort
// where each string field is as wide as its longest value in the log.
constexpr std::size_t kReplicationOffset = 0;
constexpr std::size_t kPatientOffset = 4;
constexpr std::size_t kTimeOffset = 8;
constexpr std::size_t kFirstStringOffset = 16;
constexpr std::array<const char*, 3> kNumberFields = {"replication", "patient", "time_days"};
constexpr std::array<const char*, 3> kStringFields = {"event", "service", "cohort"};

using Widths = std::array<std::size_t, kStringFields.size()>;

std::size_t row_size(const Widths& widths) {
  std::size_t size = kFirstStringOffset;
  for (const auto width : widths) size += width;
  return size;
}

// Fixed-length, NUL-padded UTF-8 (h5::fixed_utf8_string_type): the strings sit inside the
// rows, so inside the compressed chunks (variable-length strings would live uncompressed in
// HDF5's global heap).
using h5::fixed_utf8_string_type;

// The packed row type: native numbers for memory, little-endian ones for the file (as h5py
// writes). Built per call, not cached: HDF5's predefined type identifiers live only while the
// library is open.
h5::Datatype row_type(const Widths& widths, bool in_file) {
  h5::Datatype type(h5::check(H5Tcreate(H5T_COMPOUND, row_size(widths)),
                              "cannot create the events row type"));
  const auto insert = [&](const char* name, std::size_t offset, hid_t member) {
    h5::check_status(H5Tinsert(type.get(), name, offset, member),
                     std::string("cannot add field '") + name + "'");
  };
  insert(kNumberFields[0], kReplicationOffset, in_file ? H5T_STD_U32LE : H5T_NATIVE_UINT32);
  insert(kNumberFields[1], kPatientOffset, in_file ? H5T_STD_U32LE : H5T_NATIVE_UINT32);
  insert(kNumberFields[2], kTimeOffset, in_file ? H5T_IEEE_F64LE : H5T_NATIVE_DOUBLE);
  std::size_t offset = kFirstStringOffset;
  for (std::size_t f = 0; f < kStringFields.size(); ++f) {
    insert(kStringFields[f], offset, fixed_utf8_string_type(widths[f]).get());
    offset += widths[f];
  }
  return type;
}

const std::string& string_field(const model::PatientEvent& e, std::size_t field) {
  switch (field) {
    case 0: return e.event;
    case 1: return e.service;
    default: return e.cohort;
  }
}

// The longest value of each string field (at least 1: HDF5 has no zero-length strings).
Widths widest(const std::vector<model::ReplicationResult>& replications) {
  Widths widths{1, 1, 1};
  for (const auto& rep : replications) {
    for (const auto& e : rep.patient_events) {
      for (std::size_t f = 0; f < widths.size(); ++f) {
        widths[f] = std::max(widths[f], string_field(e, f).size());
      }
    }
  }
  return widths;
}

// Lays one row out; `row` is zeroed, which pads each string with NULs.
void pack(char* row, std::uint32_t replication, const model::PatientEvent& e,
          const Widths& widths) {
  std::memcpy(row + kReplicationOffset, &replication, sizeof replication);
  std::memcpy(row + kPatientOffset, &e.patient, sizeof e.patient);
  std::memcpy(row + kTimeOffset, &e.time_days, sizeof e.time_days);
  std::size_t offset = kFirstStringOffset;
  for (std::size_t f = 0; f < widths.size(); ++f) {
    const auto& text = string_field(e, f);
    std::memcpy(row + offset, text.data(), text.size());
    offset += widths[f];
  }
}

// A fixed-length string field ends at its first NUL, or fills its width.
std::string unpack_string(const char* field, std::size_t width) {
  return std::string(field, std::find(field, field + width, '\0'));
}

// Checks `stored` is this table, with a clear error before HDF5 tries to convert it, and
// returns the stored width of each string field.
Widths stored_widths(hid_t dataset, const std::string& name) {
  const h5::Datatype stored(
      h5::check(H5Dget_type(dataset), "cannot read the type of '" + name + "'"));
  if (H5Tget_class(stored.get()) != H5T_COMPOUND) {
    throw ResultsError("'" + name + "' is not a compound table (written by an older bedflow?)");
  }
  for (const auto* field : kNumberFields) {
    if (H5Tget_member_index(stored.get(), field) < 0) {
      throw ResultsError("'" + name + "' has no field '" + field + "'");
    }
  }
  Widths widths{};
  for (std::size_t f = 0; f < kStringFields.size(); ++f) {
    const int index = H5Tget_member_index(stored.get(), kStringFields[f]);
    if (index < 0) {
      throw ResultsError("'" + name + "' has no field '" + kStringFields[f] + "'");
    }
    const h5::Datatype member(h5::check(H5Tget_member_type(stored.get(),
                                                           static_cast<unsigned>(index)),
                                        "cannot read the type of field '" +
                                            std::string(kStringFields[f]) + "'"));
    if (H5Tget_class(member.get()) != H5T_STRING || H5Tis_variable_str(member.get()) != 0) {
      throw ResultsError("'" + name + "' field '" + kStringFields[f] +
                         "' is not a fixed-length string");
    }
    widths[f] = H5Tget_size(member.get());
  }
  return widths;
}

}  // namespace

h5::Dataset write(hid_t parent, const std::string& name,
                  const std::vector<model::ReplicationResult>& replications) {
  std::size_t total = 0;
  for (const auto& rep : replications) total += rep.patient_events.size();
  const auto widths = widest(replications);
  const auto stride = row_size(widths);
  const auto memory = row_type(widths, false);
  const auto file = row_type(widths, true);
  auto dataset = h5::create_records(parent, name, file.get(), total);

  // One chunk's worth of rows at a time: the log may hold millions of rows.
  std::vector<char> block;
  std::size_t first = 0;
  std::size_t filled = 0;
  const auto flush = [&] {
    h5::write_records_block(dataset.get(), name, memory.get(), first, filled, block.data());
    first += filled;
    filled = 0;
  };
  for (const auto& rep : replications) {
    for (const auto& e : rep.patient_events) {
      if (filled == 0) block.assign(std::min(h5::kRowsPerChunk, total - first) * stride, 0);
      pack(block.data() + filled * stride, rep.replication, e, widths);
      if (++filled * stride == block.size()) flush();
    }
  }
  return dataset;
}

std::vector<Row> read(hid_t parent, const std::string& name) {
  const auto dataset = h5::open_dataset(parent, name);
  const auto widths = stored_widths(dataset.get(), name);
  const auto stride = row_size(widths);
  const auto memory = row_type(widths, false);
  const auto total = h5::row_count(dataset.get(), name);

  std::vector<Row> rows;
  rows.reserve(total);
  std::vector<char> block;
  for (std::size_t first = 0; first < total; first += h5::kRowsPerChunk) {
    const auto count = std::min(h5::kRowsPerChunk, total - first);
    block.assign(count * stride, 0);
    h5::read_records_block(dataset.get(), name, memory.get(), first, count, block.data());
    for (std::size_t r = 0; r < count; ++r) {
      const char* row = block.data() + r * stride;
      Row out;
      std::memcpy(&out.replication, row + kReplicationOffset, sizeof out.replication);
      std::memcpy(&out.event.patient, row + kPatientOffset, sizeof out.event.patient);
      std::memcpy(&out.event.time_days, row + kTimeOffset, sizeof out.event.time_days);
      std::size_t offset = kFirstStringOffset;
      out.event.event = unpack_string(row + offset, widths[0]);
      offset += widths[0];
      out.event.service = unpack_string(row + offset, widths[1]);
      offset += widths[1];
      out.event.cohort = unpack_string(row + offset, widths[2]);
      rows.push_back(std::move(out));
    }
  }
  return rows;
}

}  // namespace bedflow::results::events_table
