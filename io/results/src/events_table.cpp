#include "events_table.hpp"

#include <array>
#include <cstddef>

#include "bedflow/results/h5/read.hpp"
#include "bedflow/results/h5/write.hpp"

namespace bedflow::results::events_table {
namespace {

// One row as HDF5 sees it in memory. Strings are borrowed from the PatientEvents when
// writing, and allocated by HDF5 (freed by StringReclaimer) when reading.
struct Record {
  std::uint32_t replication;
  std::uint32_t patient;
  double time_days;
  const char* event;
  const char* service;
  const char* cohort;
};

struct Field {
  const char* name;
  std::size_t memory_offset;
  hid_t memory_type;
  hid_t file_type;
};

// Built per call, not cached: HDF5's predefined type identifiers live only while the library
// is open. Offsets come from offsetof, so the memory type follows the compiler's padding.
std::array<Field, 6> fields(hid_t string_type) {
  return {{
      {"replication", offsetof(Record, replication), H5T_NATIVE_UINT32, H5T_STD_U32LE},
      {"patient", offsetof(Record, patient), H5T_NATIVE_UINT32, H5T_STD_U32LE},
      {"time_days", offsetof(Record, time_days), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
      {"event", offsetof(Record, event), string_type, string_type},
      {"service", offsetof(Record, service), string_type, string_type},
      {"cohort", offsetof(Record, cohort), string_type, string_type},
  }};
}

// The in-memory compound type (native numbers, padded like Record).
h5::Datatype memory_type() {
  const auto string_type = h5::utf8_string_type();
  h5::Datatype type(h5::check(H5Tcreate(H5T_COMPOUND, sizeof(Record)),
                              "cannot create the events row type"));
  for (const auto& field : fields(string_type.get())) {
    h5::check_status(H5Tinsert(type.get(), field.name, field.memory_offset, field.memory_type),
                     std::string("cannot add field '") + field.name + "'");
  }
  return type;
}

// The on-disk compound type: little-endian numbers, packed with no padding, as h5py writes.
h5::Datatype file_type() {
  const auto string_type = h5::utf8_string_type();
  const auto table = fields(string_type.get());
  std::size_t size = 0;
  for (const auto& field : table) size += H5Tget_size(field.file_type);
  h5::Datatype type(
      h5::check(H5Tcreate(H5T_COMPOUND, size), "cannot create the events file type"));
  std::size_t offset = 0;
  for (const auto& field : table) {
    h5::check_status(H5Tinsert(type.get(), field.name, offset, field.file_type),
                     std::string("cannot add field '") + field.name + "'");
    offset += H5Tget_size(field.file_type);
  }
  return type;
}

// A clear error for a dataset that is not this table, before HDF5 tries to convert it.
void check_is_events_table(hid_t dataset, const std::string& name) {
  const h5::Datatype stored(
      h5::check(H5Dget_type(dataset), "cannot read the type of '" + name + "'"));
  if (H5Tget_class(stored.get()) != H5T_COMPOUND) {
    throw ResultsError("'" + name + "' is not a compound table (written by an older bedflow?)");
  }
  const auto string_type = h5::utf8_string_type();
  for (const auto& field : fields(string_type.get())) {
    if (H5Tget_member_index(stored.get(), field.name) < 0) {
      throw ResultsError("'" + name + "' has no field '" + field.name + "'");
    }
  }
}

// Hands the strings HDF5 allocated during a read back to HDF5, whatever happens after.
class StringReclaimer {
 public:
  StringReclaimer(hid_t type, std::vector<Record>& records) : type_(type), records_(records) {}
  StringReclaimer(const StringReclaimer&) = delete;
  StringReclaimer& operator=(const StringReclaimer&) = delete;
  ~StringReclaimer() {
    if (records_.empty()) return;
    const hsize_t dims[1] = {records_.size()};
    const hid_t space = H5Screate_simple(1, dims, nullptr);
    if (space < 0) return;
    H5Dvlen_reclaim(type_, space, H5P_DEFAULT, records_.data());
    H5Sclose(space);
  }

 private:
  hid_t type_;
  std::vector<Record>& records_;
};

std::string owned(const char* text) { return text == nullptr ? std::string() : std::string(text); }

}  // namespace

h5::Dataset write(hid_t parent, const std::string& name,
                  const std::vector<model::ReplicationResult>& replications) {
  std::size_t total = 0;
  for (const auto& rep : replications) total += rep.patient_events.size();
  std::vector<Record> records;
  records.reserve(total);
  for (const auto& rep : replications) {
    for (const auto& e : rep.patient_events) {
      records.push_back(Record{rep.replication, e.patient, e.time_days, e.event.c_str(),
                               e.service.c_str(), e.cohort.c_str()});
    }
  }
  const auto memory = memory_type();
  const auto file = file_type();
  return h5::write_records(parent, name, file.get(), memory.get(), records.size(),
                           records.data());
}

std::vector<Row> read(hid_t parent, const std::string& name) {
  const auto dataset = h5::open_dataset(parent, name);
  check_is_events_table(dataset.get(), name);
  const auto memory = memory_type();
  // Zeroed, so that a read failing part-way leaves null pointers the reclaimer can skip.
  std::vector<Record> records(h5::row_count(dataset.get(), name), Record{});
  const StringReclaimer reclaim(memory.get(), records);
  if (!records.empty()) {
    h5::check_status(H5Dread(dataset.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                             records.data()),
                     "cannot read '" + name + "' as a table of replication, patient, "
                     "time_days, event, service, cohort");
  }
  std::vector<Row> rows;
  rows.reserve(records.size());
  for (const auto& r : records) {
    rows.push_back(Row{r.replication, model::PatientEvent{r.patient, r.time_days, owned(r.event),
                                                          owned(r.service), owned(r.cohort)}});
  }
  return rows;
}

}  // namespace bedflow::results::events_table
