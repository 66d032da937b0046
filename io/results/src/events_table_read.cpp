// Reading the events table back: format 4's integer codes, or format 3's strings.
#include <algorithm>
#include <cstring>
#include <map>

#include <fmt/format.h>

#include "bedflow/results/h5/read.hpp"
#include "bedflow/results/h5/write.hpp"
#include "events_row.hpp"
#include "events_table.hpp"

namespace bedflow::results::events_table {
namespace {

h5::Datatype member_type(hid_t compound, const std::string& table, const char* field) {
  const int index = H5Tget_member_index(compound, field);
  if (index < 0) throw ResultsError("'" + table + "' has no field '" + field + "'");
  return h5::Datatype(h5::check(H5Tget_member_type(compound, static_cast<unsigned>(index)),
                                "cannot read the type of field '" + std::string(field) + "'"));
}

// Checks `name` is a compound table with at least the number fields, with a clear error
// before HDF5 tries to convert it; true when its event field holds strings (format 3).
bool holds_strings(hid_t dataset, const std::string& name) {
  const h5::Datatype stored(
      h5::check(H5Dget_type(dataset), "cannot read the type of '" + name + "'"));
  if (H5Tget_class(stored.get()) != H5T_COMPOUND) {
    throw ResultsError("'" + name + "' is not a compound table (written by an older bedflow?)");
  }
  for (const auto* field : {"replication", "patient", "time_days", "service", "cohort"}) {
    member_type(stored.get(), name, field);
  }
  return H5Tget_class(member_type(stored.get(), name, "event").get()) == H5T_STRING;
}

template <class T>
T get(const char* row, std::size_t offset) {
  T value;
  std::memcpy(&value, row + offset, sizeof value);
  return value;
}

// Reads every row of `name` a chunk at a time with `memory` as the row layout.
template <class OnRow>
void for_each_row(hid_t dataset, const std::string& name, hid_t memory, OnRow&& on_row) {
  const auto total = h5::row_count(dataset, name);
  const auto stride = H5Tget_size(memory);
  std::vector<char> block;
  for (std::size_t first = 0; first < total; first += h5::kRowsPerChunk) {
    const auto count = std::min(h5::kRowsPerChunk, total - first);
    block.assign(count * stride, 0);
    h5::read_records_block(dataset, name, memory, first, count, block.data());
    for (std::size_t r = 0; r < count; ++r) on_row(first + r, block.data() + r * stride);
  }
}

Table read_codes_table(hid_t parent, hid_t dataset, const std::string& name,
                       const std::string& codes_name) {
  Table table;
  const auto codes = h5::open_group(parent, codes_name);
  const auto events = h5::read_string_column(codes.get(), "event");
  table.codes.places = h5::read_string_column(codes.get(), "service");
  table.codes.cohorts = h5::read_string_column(codes.get(), "cohort");
  for (std::size_t k = 0; k < std::min(events.size(), model::kPatientEventNames.size()); ++k) {
    if (events[k] != model::kPatientEventNames[k]) {
      throw ResultsError(fmt::format("'{}/event' code {} is '{}' where this bedflow has '{}'",
                                     codes_name, k, events[k], model::kPatientEventNames[k]));
    }
  }
  const auto memory = row::type(false);
  for_each_row(dataset, name, memory.get(), [&](std::size_t r, const char* row) {
    model::PatientEvent e;
    e.patient = get<std::uint32_t>(row, row::kPatient);
    e.time_days = get<double>(row, row::kTime);
    const auto event = get<std::uint8_t>(row, row::kEvent);
    e.place = get<std::uint16_t>(row, row::kService);
    e.cohort = get<std::uint16_t>(row, row::kCohort);
    e.warmup = get<std::uint8_t>(row, row::kWarmup) != 0;
    if (event >= std::min(events.size(), model::kPatientEventNames.size()) ||
        e.place >= table.codes.places.size() || e.cohort >= table.codes.cohorts.size()) {
      throw ResultsError(fmt::format("'{}' row {}: a code outside its table in '{}'", name, r,
                                     codes_name));
    }
    e.event = static_cast<model::PatientEventKind>(event);
    table.replication.push_back(get<std::uint32_t>(row, row::kReplication));
    table.rows.push_back(e);
  });
  return table;
}

// Format 3: strings in the rows, turned into codes here.
Table read_string_table(hid_t dataset, const std::string& name) {
  const h5::Datatype stored(
      h5::check(H5Dget_type(dataset), "cannot read the type of '" + name + "'"));
  const std::array<const char*, 3> fields = {"event", "service", "cohort"};
  std::array<std::size_t, 3> widths{};
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const auto member = member_type(stored.get(), name, fields[f]);
    if (H5Tget_class(member.get()) != H5T_STRING || H5Tis_variable_str(member.get()) != 0) {
      throw ResultsError("'" + name + "' field '" + fields[f] + "' is not a fixed-length string");
    }
    widths[f] = H5Tget_size(member.get());
  }
  h5::Datatype memory(h5::check(H5Tcreate(H5T_COMPOUND, 16 + widths[0] + widths[1] + widths[2]),
                                "cannot create the events row type"));
  h5::check_status(H5Tinsert(memory.get(), "replication", 0, H5T_NATIVE_UINT32), "replication");
  h5::check_status(H5Tinsert(memory.get(), "patient", 4, H5T_NATIVE_UINT32), "patient");
  h5::check_status(H5Tinsert(memory.get(), "time_days", 8, H5T_NATIVE_DOUBLE), "time_days");
  std::array<std::size_t, 3> offsets{};
  for (std::size_t f = 0, offset = 16; f < fields.size(); offset += widths[f], ++f) {
    offsets[f] = offset;
    h5::check_status(H5Tinsert(memory.get(), fields[f], offset,
                               h5::fixed_utf8_string_type(widths[f]).get()),
                     fields[f]);
  }
  Table table;
  std::map<std::string, std::uint16_t> places, cohorts;
  const auto code = [](std::map<std::string, std::uint16_t>& codes,
                       std::vector<std::string>& names, std::string text) {
    const auto [at, added] = codes.emplace(text, static_cast<std::uint16_t>(names.size()));
    if (added) names.push_back(std::move(text));
    return at->second;
  };
  for_each_row(dataset, name, memory.get(), [&](std::size_t r, const char* row) {
    std::array<std::string, 3> text;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const char* field = row + offsets[f];
      text[f] = std::string(field, std::find(field, field + widths[f], '\0'));
    }
    const auto* kind = std::find(model::kPatientEventNames.begin(),
                                 model::kPatientEventNames.end(), text[0]);
    if (kind == model::kPatientEventNames.end()) {
      throw ResultsError(fmt::format("'{}' row {}: unknown event '{}'", name, r, text[0]));
    }
    model::PatientEvent e;
    e.patient = get<std::uint32_t>(row, 4);
    e.time_days = get<double>(row, 8);
    e.event = static_cast<model::PatientEventKind>(kind - model::kPatientEventNames.begin());
    e.place = code(places, table.codes.places, std::move(text[1]));
    e.cohort = code(cohorts, table.codes.cohorts, std::move(text[2]));
    table.replication.push_back(get<std::uint32_t>(row, 0));
    table.rows.push_back(e);
  });
  return table;
}

}  // namespace

Table read(hid_t parent, const std::string& name, const std::string& codes_name) {
  const auto dataset = h5::open_dataset(parent, name);
  if (holds_strings(dataset.get(), name)) return read_string_table(dataset.get(), name);
  return read_codes_table(parent, dataset.get(), name, codes_name);
}

}  // namespace bedflow::results::events_table
