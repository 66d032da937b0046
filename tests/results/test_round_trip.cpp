// The HDF5 layer keeps everything it is given: write, read back, compare field by field.
#include <catch2/catch.hpp>

#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "bedflow/results/h5/read.hpp"
#include "bedflow/results/h5/write.hpp"
#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/write_results.hpp"
#include "fake_results.hpp"

using namespace bedflow;

namespace {

void require_same_replication(const model::ReplicationResult& a,
                              const model::ReplicationResult& b) {
  REQUIRE(a.replication == b.replication);
  REQUIRE(a.window == b.window);
  REQUIRE(a.events_processed == b.events_processed);
  REQUIRE(a.series_start_days == b.series_start_days);
  REQUIRE(a.series_step_days == b.series_step_days);
  REQUIRE(a.scalars.size() == b.scalars.size());
  for (std::size_t m = 0; m < a.scalars.size(); ++m) {
    REQUIRE(a.scalars[m].name == b.scalars[m].name);
    REQUIRE(a.scalars[m].unit == b.scalars[m].unit);
    REQUIRE(a.scalars[m].value == b.scalars[m].value);  // exact: doubles stored as doubles
    REQUIRE(a.scalars[m].headline == b.scalars[m].headline);
    REQUIRE(a.scalars[m].accumulation == b.scalars[m].accumulation);
    REQUIRE(a.scalars[m].precision == b.scalars[m].precision);
  }
  REQUIRE(a.series.size() == b.series.size());
  for (std::size_t s = 0; s < a.series.size(); ++s) {
    REQUIRE(a.series[s].group == b.series[s].group);
    REQUIRE(a.series[s].measure == b.series[s].measure);
    REQUIRE(a.series[s].unit == b.series[s].unit);
    REQUIRE(a.series[s].values == b.series[s].values);
  }
  REQUIRE(a.patient_events.size() == b.patient_events.size());
  for (std::size_t e = 0; e < a.patient_events.size(); ++e) {
    REQUIRE(a.patient_events[e].patient == b.patient_events[e].patient);
    REQUIRE(a.patient_events[e].time_days == b.patient_events[e].time_days);
    REQUIRE(a.patient_events[e].event == b.patient_events[e].event);
    REQUIRE(a.patient_events[e].service == b.patient_events[e].service);
    REQUIRE(a.patient_events[e].cohort == b.patient_events[e].cohort);
  }
}

void require_same_file(const results::ResultsFile& a, const results::ResultsFile& b) {
  const auto& ma = a.metadata;
  const auto& mb = b.metadata;
  REQUIRE(ma.scenario_name == mb.scenario_name);
  REQUIRE(ma.scenario_file == mb.scenario_file);
  REQUIRE(ma.scenario_given == mb.scenario_given);
  REQUIRE(ma.scenario_resolved == mb.scenario_resolved);
  REQUIRE(ma.overrides == mb.overrides);
  REQUIRE(ma.sweep == mb.sweep);
  REQUIRE(ma.seed == mb.seed);
  REQUIRE(ma.percentiles == mb.percentiles);
  REQUIRE(ma.replications == mb.replications);
  REQUIRE(ma.precision_target == mb.precision_target);
  REQUIRE(ma.max_replications == mb.max_replications);
  REQUIRE(ma.bedflow_version == mb.bedflow_version);
  REQUIRE(ma.git_commit == mb.git_commit);
  REQUIRE(ma.started_at == mb.started_at);
  REQUIRE(ma.finished_at == mb.finished_at);
  REQUIRE(a.variants.size() == b.variants.size());
  for (std::size_t v = 0; v < a.variants.size(); ++v) {
    REQUIRE(a.variants[v].label == b.variants[v].label);
    REQUIRE(a.variants[v].override_text == b.variants[v].override_text);
    REQUIRE(a.variants[v].resolved_yaml == b.variants[v].resolved_yaml);
    REQUIRE(a.variants[v].precision_reached == b.variants[v].precision_reached);
    REQUIRE(a.variants[v].replications.size() == b.variants[v].replications.size());
    for (std::size_t r = 0; r < a.variants[v].replications.size(); ++r) {
      require_same_replication(a.variants[v].replications[r], b.variants[v].replications[r]);
    }
  }
}


}  // namespace

TEST_CASE("a plain run's results survive a write and read back unchanged") {
  auto file = test::fake_file(42, 5, /*with_events=*/true);
  file.metadata.overrides = "services.acute.capacity=3200";
  file.metadata.precision_target = 0.05;
  file.metadata.max_replications = 200;
  file.variants.front().precision_reached = false;
  const auto path = test::scratch_path("round_trip_plain.h5");
  results::write_results_file(path, file);
  const auto back = results::read_results_file(path);
  REQUIRE_FALSE(back.is_sweep());
  require_same_file(file, back);
}

TEST_CASE("a sweep's variants survive a write and read back unchanged") {
  auto file = test::fake_file(7, 3, /*with_events=*/true);
  file.metadata.sweep = "services.acute.capacity=500:520:10";
  auto base = file.variants.front();
  file.variants.clear();
  for (const char* value : {"500", "510", "520"}) {
    auto variant = base;
    variant.label = value;
    variant.override_text = std::string("services.acute.capacity=") + value;
    variant.resolved_yaml = "capacity: " + std::string(value);
    file.variants.push_back(variant);
  }
  file.variants[1].label = "a/b";  // a label that is not a valid HDF5 name as it stands
  const auto path = test::scratch_path("round_trip_sweep.h5");
  results::write_results_file(path, file);
  const auto back = results::read_results_file(path);
  REQUIRE(back.is_sweep());
  require_same_file(file, back);
}

TEST_CASE("the same results give the same bytes") {
  const auto file = test::fake_file(3, 4, true);
  const auto first = test::scratch_path("bytes_a.h5");
  const auto second = test::scratch_path("bytes_b.h5");
  results::write_results_file(first, file);
  results::write_results_file(second, file);
  const auto a = test::file_bytes(first);
  REQUIRE(!a.empty());
  REQUIRE(a == test::file_bytes(second));
}

TEST_CASE("replications that disagree on their measures are refused") {
  auto file = test::fake_file(3, 3);
  file.variants.front().replications[2].scalars.pop_back();
  const auto path = test::scratch_path("inconsistent.h5");
  REQUIRE_THROWS_AS(results::write_results_file(path, file), results::ResultsError);
}

TEST_CASE("reading refuses a missing file, a non-HDF5 file and a file without its marker") {
  REQUIRE_THROWS_WITH(results::read_results_file(test::scratch_path("absent.h5")),
                      Catch::Contains("no such file"));
  const auto text = test::scratch_path("not_hdf5.h5");
  std::ofstream(text) << "hello\n";
  REQUIRE_THROWS_WITH(results::read_results_file(text), Catch::Contains("not an HDF5 file"));
}

namespace {

// The field names of /events (or a sweep variant's events) as stored, in order, with their
// HDF5 classes; empty when the dataset is absent.
struct StoredField {
  std::string name;
  H5T_class_t type_class;
  bool fixed_utf8_string;
  std::size_t size;  // bytes
};

std::vector<StoredField> stored_event_fields(const std::string& path, const std::string& at) {
  const auto h5file = results::h5::open_file_read_only(path);
  if (!results::h5::has_link(h5file.get(), at)) return {};
  const auto dataset = results::h5::open_dataset(h5file.get(), at);
  const results::h5::Datatype type(H5Dget_type(dataset.get()));
  REQUIRE(H5Tget_class(type.get()) == H5T_COMPOUND);
  const results::h5::Dataspace space(H5Dget_space(dataset.get()));
  REQUIRE(H5Sget_simple_extent_ndims(space.get()) == 1);
  std::vector<StoredField> fields;
  const int members = H5Tget_nmembers(type.get());
  for (int m = 0; m < members; ++m) {
    const auto index = static_cast<unsigned>(m);
    char* name = H5Tget_member_name(type.get(), index);
    const results::h5::Datatype member(H5Tget_member_type(type.get(), index));
    const bool utf8_string = H5Tget_class(member.get()) == H5T_STRING &&
                             H5Tis_variable_str(member.get()) == 0 &&
                             H5Tget_strpad(member.get()) == H5T_STR_NULLPAD &&
                             H5Tget_cset(member.get()) == H5T_CSET_UTF8;
    fields.push_back({name, H5Tget_member_class(type.get(), index), utf8_string,
                      H5Tget_size(member.get())});
    H5free_memory(name);
  }
  return fields;
}

// The strings are fixed-length (compressed inside the chunks), each wide enough for the
// longest value of its field in the log written.
void require_events_table(const std::vector<StoredField>& fields,
                          const std::vector<model::ReplicationResult>& logged) {
  REQUIRE(fields.size() == 6);
  const char* names[] = {"replication", "patient", "time_days", "event", "service", "cohort"};
  for (std::size_t f = 0; f < fields.size(); ++f) {
    INFO(fields[f].name);
    REQUIRE(fields[f].name == names[f]);
  }
  REQUIRE(fields[0].type_class == H5T_INTEGER);
  REQUIRE(fields[1].type_class == H5T_INTEGER);
  REQUIRE(fields[2].type_class == H5T_FLOAT);
  for (std::size_t f = 3; f < 6; ++f) REQUIRE(fields[f].fixed_utf8_string);
  std::size_t longest_event = 0;
  std::size_t longest_service = 0;
  std::size_t longest_cohort = 0;
  for (const auto& rep : logged) {
    for (const auto& e : rep.patient_events) {
      longest_event = std::max(longest_event, e.event.size());
      longest_service = std::max(longest_service, e.service.size());
      longest_cohort = std::max(longest_cohort, e.cohort.size());
    }
  }
  REQUIRE(longest_event > 0);
  REQUIRE(fields[3].size >= longest_event);
  REQUIRE(fields[4].size >= longest_service);
  REQUIRE(fields[5].size >= longest_cohort);
}

}  // namespace

TEST_CASE("the patient-level log is one compound dataset, one row per event") {
  const auto plain = test::fake_file(11, 2, /*with_events=*/true);
  const auto plain_path = test::scratch_path("events_plain.h5");
  results::write_results_file(plain_path, plain);
  require_events_table(stored_event_fields(plain_path, "events"),
                       plain.variants.front().replications);
  {
    const auto h5file = results::h5::open_file_read_only(plain_path);
    const auto dataset = results::h5::open_dataset(h5file.get(), "events");
    std::size_t logged = 0;
    for (const auto& rep : plain.variants.front().replications) logged += rep.patient_events.size();
    REQUIRE(results::h5::row_count(dataset.get(), "events") == logged);
  }

  auto sweep = plain;
  sweep.metadata.sweep = "services.acute.capacity=500:510:10";
  sweep.variants.front().label = "500";
  sweep.variants.push_back(sweep.variants.front());
  sweep.variants.back().label = "510";
  const auto sweep_path = test::scratch_path("events_sweep.h5");
  results::write_results_file(sweep_path, sweep);
  require_events_table(stored_event_fields(sweep_path, "variants/510/events"),
                       sweep.variants.back().replications);
  REQUIRE(stored_event_fields(sweep_path, "events").empty());

  // No log asked for: no /events at all, and the file still reads back.
  const auto quiet_path = test::scratch_path("events_none.h5");
  results::write_results_file(quiet_path, test::fake_file(11, 2));
  REQUIRE(stored_event_fields(quiet_path, "events").empty());
  REQUIRE(results::read_results_file(quiet_path).variants.front().replications.front()
              .patient_events.empty());
}

TEST_CASE("a log that is a plain column, not the compound table, is refused clearly") {
  const auto path = test::scratch_path("events_as_column.h5");
  results::write_results_file(path, test::fake_file(11, 2, /*with_events=*/true));
  {
    const auto h5file = results::h5::open_file_for_write(path);
    REQUIRE(H5Ldelete(h5file.get(), "events", H5P_DEFAULT) >= 0);
    const std::vector<std::int32_t> replication{0, 1};
    results::h5::write_column(h5file.get(), "events", std::span<const std::int32_t>(replication));
  }
  REQUIRE_THROWS_WITH(results::read_results_file(path), Catch::Contains("not a compound table"));
}

TEST_CASE("a long log with strings of mixed widths survives a write and read back unchanged") {
  // More rows than one chunk (16384), values shorter than their field's width, one exactly
  // as wide, multi-byte UTF-8, and an empty string: each must come back as it went in.
  auto file = test::fake_file(5, 2);
  const char* events[] = {"arrive", "medically_fit", "x"};
  const char* services[] = {"acute", "Maidstone \u2013 Tunbridge Wells", "home"};
  auto& first = file.variants.front().replications.front();
  for (std::uint32_t p = 0; p < 40000; ++p) {
    first.patient_events.push_back(
        {p, 0.25 * p, events[p % 3], services[(p / 3) % 3], p % 7 == 0 ? "" : "adult"});
  }
  file.variants.front().replications.back().patient_events.push_back(
      {0, 1.5, "leave", "care_home", "frail_elderly"});
  const auto path = test::scratch_path("events_long.h5");
  results::write_results_file(path, file);
  require_same_file(file, results::read_results_file(path));

  const auto again = test::scratch_path("events_long_again.h5");
  results::write_results_file(again, file);
  REQUIRE(test::file_bytes(path) == test::file_bytes(again));
}

TEST_CASE("a log whose strings are not fixed-length is refused clearly") {
  // The table's shape with a variable-length `event`: the reader names the field.
  const auto path = test::scratch_path("events_variable_strings.h5");
  results::write_results_file(path, test::fake_file(11, 2, /*with_events=*/true));
  {
    const auto h5file = results::h5::open_file_for_write(path);
    REQUIRE(H5Ldelete(h5file.get(), "events", H5P_DEFAULT) >= 0);
    const auto variable = results::h5::utf8_string_type();
    const results::h5::Datatype fixed(H5Tcopy(H5T_C_S1));
    REQUIRE(H5Tset_size(fixed.get(), 8) >= 0);
    const results::h5::Datatype row(H5Tcreate(H5T_COMPOUND, 16 + sizeof(char*) + 16));
    REQUIRE(H5Tinsert(row.get(), "replication", 0, H5T_STD_U32LE) >= 0);
    REQUIRE(H5Tinsert(row.get(), "patient", 4, H5T_STD_U32LE) >= 0);
    REQUIRE(H5Tinsert(row.get(), "time_days", 8, H5T_IEEE_F64LE) >= 0);
    REQUIRE(H5Tinsert(row.get(), "event", 16, variable.get()) >= 0);
    REQUIRE(H5Tinsert(row.get(), "service", 16 + sizeof(char*), fixed.get()) >= 0);
    REQUIRE(H5Tinsert(row.get(), "cohort", 16 + sizeof(char*) + 8, fixed.get()) >= 0);
    results::h5::create_records(h5file.get(), "events", row.get(), 1);
  }
  REQUIRE_THROWS_WITH(results::read_results_file(path),
                      Catch::Contains("field 'event' is not a fixed-length string"));
}

TEST_CASE("a damaged scenario text is refused by its checksum, not misread") {
  const auto path = test::scratch_path("text_checksum.h5");
  auto file = test::fake_file(3, 2);
  file.metadata.scenario_given = "services:\n  acute:\n    capacity: 3040\n";
  results::write_results_file(path, file);
  std::string bytes = test::file_bytes(path);
  const auto at = bytes.find("capacity: 3040");
  REQUIRE(at != std::string::npos);
  bytes[at + 11] = '9';  // 3040 -> 3940: still valid text, still valid YAML
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  REQUIRE_THROWS_WITH(results::read_results_file(path),
                      Catch::Contains("scenario_given") && Catch::Contains("checksum"));
}
