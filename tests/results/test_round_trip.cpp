// The HDF5 layer keeps everything it is given: write, read back, compare field by field.
#include <catch2/catch.hpp>

#include <cstring>
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
    INFO("event " << e);
    REQUIRE(a.patient_events[e] == b.patient_events[e]);
  }
  REQUIRE(a.event_codes == b.event_codes);
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

// Numbers only, 22 bytes a row: event, service and cohort are codes, named in the string
// columns of the codes group beside the table.
void require_events_table(const std::string& path, const std::string& table,
                          const std::string& codes_group,
                          const std::vector<model::ReplicationResult>& logged) {
  const auto fields = stored_event_fields(path, table);
  REQUIRE(fields.size() == 7);
  const char* names[] = {"replication", "patient", "time_days", "event", "service", "cohort",
                         "warmup"};
  const std::size_t sizes[] = {4, 4, 8, 1, 2, 2, 1};
  for (std::size_t f = 0; f < fields.size(); ++f) {
    INFO(fields[f].name);
    REQUIRE(fields[f].name == names[f]);
    REQUIRE(fields[f].type_class == (f == 2 ? H5T_FLOAT : H5T_INTEGER));
    REQUIRE(fields[f].size == sizes[f]);
  }
  const auto h5file = results::h5::open_file_read_only(path);
  const auto codes = results::h5::open_group(h5file.get(), codes_group);
  const auto events = results::h5::read_string_column(codes.get(), "event");
  REQUIRE(events == std::vector<std::string>(model::kPatientEventNames.begin(),
                                             model::kPatientEventNames.end()));
  REQUIRE(results::h5::read_string_column(codes.get(), "service") ==
          logged.front().event_codes.places);
  REQUIRE(results::h5::read_string_column(codes.get(), "cohort") ==
          logged.front().event_codes.cohorts);
}

}  // namespace

TEST_CASE("the patient-level log is one compound dataset, one row per event") {
  const auto plain = test::fake_file(11, 2, /*with_events=*/true);
  const auto plain_path = test::scratch_path("events_plain.h5");
  results::write_results_file(plain_path, plain);
  require_events_table(plain_path, "events", "events_codes",
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
  require_events_table(sweep_path, "variants/510/events", "variants/510/events_codes",
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

TEST_CASE("a long log with every code survives a write and read back unchanged") {
  // More rows than one chunk (16384), every event kind, names of mixed widths, multi-byte
  // UTF-8 and an empty name: each must come back as it went in.
  auto file = test::fake_file(5, 2);
  const model::PatientEventCodes codes{
      {"acute", "Maidstone \u2013 Tunbridge Wells", "care_home", "emergency", "home"},
      {"adult", "", "frail_elderly"}};
  for (auto& rep : file.variants.front().replications) rep.event_codes = codes;
  auto& first = file.variants.front().replications.front();
  for (std::uint32_t p = 0; p < 40000; ++p) {
    first.patient_events.push_back(
        {0.25 * p, p, static_cast<std::uint16_t>((p / 3) % 5), static_cast<std::uint16_t>(p % 3),
         static_cast<model::PatientEventKind>(p % model::kPatientEventNames.size()),
         p < 1000});
  }
  file.variants.front().replications.back().patient_events.push_back(
      {1.5, 0, 2, 2, model::PatientEventKind::leave, false});
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

TEST_CASE("a log of format 3 (names as strings in the rows) reads back as codes") {
  const auto path = test::scratch_path("events_format3.h5");
  results::write_results_file(path, test::fake_file(11, 2, /*with_events=*/true));
  {
    const auto h5file = results::h5::open_file_for_write(path);
    REQUIRE(H5Ldelete(h5file.get(), "events", H5P_DEFAULT) >= 0);
    REQUIRE(H5Ldelete(h5file.get(), "events_codes", H5P_DEFAULT) >= 0);
    const auto text = results::h5::fixed_utf8_string_type(13);
    const results::h5::Datatype row(H5Tcreate(H5T_COMPOUND, 16 + 3 * 13));
    REQUIRE(H5Tinsert(row.get(), "replication", 0, H5T_STD_U32LE) >= 0);
    REQUIRE(H5Tinsert(row.get(), "patient", 4, H5T_STD_U32LE) >= 0);
    REQUIRE(H5Tinsert(row.get(), "time_days", 8, H5T_IEEE_F64LE) >= 0);
    REQUIRE(H5Tinsert(row.get(), "event", 16, text.get()) >= 0);
    REQUIRE(H5Tinsert(row.get(), "service", 16 + 13, text.get()) >= 0);
    REQUIRE(H5Tinsert(row.get(), "cohort", 16 + 26, text.get()) >= 0);
    std::vector<char> rows(3 * (16 + 39), '\0');
    const auto put = [&](std::size_t r, std::uint32_t rep, std::uint32_t patient, double t,
                         const std::string& event, const std::string& service,
                         const std::string& cohort) {
      char* at = rows.data() + r * (16 + 39);
      std::memcpy(at, &rep, 4);
      std::memcpy(at + 4, &patient, 4);
      std::memcpy(at + 8, &t, 8);
      std::memcpy(at + 16, event.data(), event.size());
      std::memcpy(at + 29, service.data(), service.size());
      std::memcpy(at + 42, cohort.data(), cohort.size());
    };
    put(0, 0, 0, 1.5, "arrive", "home", "frail_elderly");
    put(1, 0, 0, 2.5, "medically_fit", "acute", "frail_elderly");
    put(2, 1, 0, 0.5, "admit", "acute", "adult");
    auto dataset = results::h5::create_records(h5file.get(), "events", row.get(), 3);
    results::h5::write_records_block(dataset.get(), "events", row.get(), 0, 3, rows.data());
  }
  const auto file = results::read_results_file(path);
  const auto& reps = file.variants.front().replications;
  REQUIRE(reps[0].event_codes.places == std::vector<std::string>{"home", "acute"});
  REQUIRE(reps[0].event_codes.cohorts == std::vector<std::string>{"frail_elderly", "adult"});
  REQUIRE(reps[0].patient_events.size() == 2);
  REQUIRE(reps[1].patient_events.size() == 1);
  const auto& fit = reps[0].patient_events[1];
  CHECK(fit.event == model::PatientEventKind::medically_fit);
  CHECK(fit.place == 1);
  CHECK(fit.time_days == 2.5);
  CHECK_FALSE(fit.warmup);
  CHECK(reps[1].patient_events[0].cohort == 1);
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
