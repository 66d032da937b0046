// The HDF5 record of a sizing run: written tables read back as written.
#include <catch2/catch.hpp>

#include <hdf5.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/sizing_record.hpp"

using namespace bedflow::analysis;

namespace {

std::string temporary_path(const std::string& name) {
  return (std::filesystem::path(BEDFLOW_BINARY_DIR) / ("test_analysis_record_" + name)).string();
}

std::vector<double> read_doubles(hid_t file, const std::string& name) {
  const hid_t dataset = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
  REQUIRE(dataset >= 0);
  const hid_t space = H5Dget_space(dataset);
  std::vector<double> values(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  REQUIRE(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0);
  H5Sclose(space);
  H5Dclose(dataset);
  return values;
}

std::vector<std::int64_t> read_integers(hid_t file, const std::string& name) {
  const hid_t dataset = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
  REQUIRE(dataset >= 0);
  const hid_t space = H5Dget_space(dataset);
  std::vector<std::int64_t> values(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  REQUIRE(H5Dread(dataset, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0);
  H5Sclose(space);
  H5Dclose(dataset);
  return values;
}

double read_double_attribute(hid_t object, const std::string& name) {
  const hid_t attribute = H5Aopen(object, name.c_str(), H5P_DEFAULT);
  REQUIRE(attribute >= 0);
  double value = 0.0;
  REQUIRE(H5Aread(attribute, H5T_NATIVE_DOUBLE, &value) >= 0);
  H5Aclose(attribute);
  return value;
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  const hid_t attribute = H5Aopen(object, name.c_str(), H5P_DEFAULT);
  REQUIRE(attribute >= 0);
  const hid_t type = H5Aget_type(attribute);
  // bedflow stores fixed-length, NUL-padded strings.
  REQUIRE(H5Tis_variable_str(type) == 0);
  std::string value(H5Tget_size(type), '\0');
  REQUIRE(H5Aread(attribute, type, value.data()) >= 0);
  value.resize(value.find('\0') == std::string::npos ? value.size() : value.find('\0'));
  H5Tclose(type);
  H5Aclose(attribute);
  return value;
}

EvaluatedPoint point(std::int64_t a, std::int64_t b, double mean, bool meets, double cost) {
  EvaluatedPoint p;
  p.setting = {{"services.acute.capacity", a}, {"services.reablement.capacity", b}};
  p.target.n = 5;
  p.target.mean = mean;
  p.target.sd = 1.5;
  p.target.half_width = 0.7;
  p.target.bound = mean + 0.6;
  p.target.meets = meets;
  Evidence c;
  c.mean = cost;
  c.half_width = 10.0;
  p.cost = c;
  return p;
}

}  // namespace

TEST_CASE("a sizing record round-trips through HDF5", "[record]") {
  SizingRecord record;
  record.levers = {make_lever("services.acute.capacity", "10:20:10"),
                   make_lever("services.reablement.capacity", "0:8:2")};
  record.target = parse_target("delayed_bed_days_per_week <= 500");
  record.confidence = 0.9;
  record.status = SizingStatus::found;
  record.cost_description = "mean of cost_total";
  record.points = {point(10, 0, 800.0, false, 100.0), point(10, 8, 450.0, true, 180.0),
                   point(10, 4, 499.0, true, 140.0), point(20, 0, 470.0, true, 150.0)};
  for (const auto& p : record.points) record.labels.push_back(setting_label(p.setting));
  record.answer = record.points[2].setting;
  record.frontier = {FrontierRow{10, 4, 2}, FrontierRow{20, 0, 3}};
  record.cost_unit = "GBP/year";
  CostComparison comparison;
  comparison.as_given_label = "as-given";
  comparison.as_given.mean = 130.0;
  comparison.as_given.half_width = 4.0;
  comparison.answer.mean = 140.0;
  comparison.change.mean = 10.0;
  comparison.change.half_width = 1.5;
  comparison.change.level = 0.9;
  comparison.change.n = 8;
  record.comparison = comparison;

  const std::string path = temporary_path("roundtrip.h5");
  std::filesystem::remove(path);
  write_sizing_record(path, record, RecordMode::create);

  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const hid_t sizing = H5Gopen2(file, "sizing", H5P_DEFAULT);
  REQUIRE(sizing >= 0);
  CHECK(read_string_attribute(sizing, "target") == "delayed_bed_days_per_week <= 500");
  CHECK(read_string_attribute(sizing, "status") == "found");
  CHECK(read_string_attribute(sizing, "answer") ==
        "services.acute.capacity=10,services.reablement.capacity=4");
  CHECK_THAT(read_string_attribute(sizing, "decision_rule"), Catch::Contains("one-sided"));
  CHECK(H5Aexists(sizing, "complete") > 0);
  CHECK(read_string_attribute(sizing, "cost_unit") == "GBP/year");
  CHECK(read_string_attribute(sizing, "as_given_label") == "as-given");
  CHECK(read_double_attribute(sizing, "as_given_cost_mean") == 130.0);
  CHECK(read_double_attribute(sizing, "as_given_cost_half_width") == 4.0);
  CHECK(read_double_attribute(sizing, "answer_cost_mean") == 140.0);
  CHECK(read_double_attribute(sizing, "cost_change_mean") == 10.0);
  CHECK(read_double_attribute(sizing, "cost_change_half_width") == 1.5);
  CHECK(read_double_attribute(sizing, "cost_change_level") == 0.9);
  CHECK(read_double_attribute(sizing, "cost_change_n") == 8.0);

  CHECK(read_integers(file, "sizing/points/services.reablement.capacity") ==
        std::vector<std::int64_t>{0, 8, 4, 0});
  CHECK(read_integers(file, "sizing/points/services.acute.capacity") ==
        std::vector<std::int64_t>{10, 10, 10, 20});
  CHECK(read_integers(file, "sizing/points/meets") == std::vector<std::int64_t>{0, 1, 1, 1});
  CHECK(read_doubles(file, "sizing/points/target_mean") ==
        std::vector<double>{800.0, 450.0, 499.0, 470.0});
  CHECK(read_doubles(file, "sizing/points/target_bound")[2] == 499.6);
  CHECK(read_doubles(file, "sizing/points/cost_mean") ==
        std::vector<double>{100.0, 180.0, 140.0, 150.0});
  CHECK(read_integers(file, "sizing/levers/step") == std::vector<std::int64_t>{10, 2});
  CHECK(read_integers(file, "sizing/frontier/second") == std::vector<std::int64_t>{4, 0});
  CHECK(read_integers(file, "sizing/frontier/point") == std::vector<std::int64_t>{2, 3});
  H5Gclose(sizing);
  H5Fclose(file);

  // read_sizing_record() gives every stored figure back.
  const auto stored = read_sizing_record(path);
  REQUIRE(stored.has_value());
  CHECK(stored->target == "delayed_bed_days_per_week <= 500");
  CHECK(stored->status == "found");
  CHECK(stored->confidence == 0.9);
  CHECK(stored->answer == "services.acute.capacity=10,services.reablement.capacity=4");
  REQUIRE(stored->levers.size() == 2);
  CHECK(stored->levers[1].path == "services.reablement.capacity");
  CHECK(stored->levers[1].step == 2);
  CHECK(stored->labels == record.labels);
  CHECK(stored->lever_values[1] == std::vector<double>{0, 8, 4, 0});
  CHECK(stored->target_mean == std::vector<double>{800.0, 450.0, 499.0, 470.0});
  CHECK(stored->meets == std::vector<std::int32_t>{0, 1, 1, 1});
  CHECK(stored->cost_mean == std::vector<double>{100.0, 180.0, 140.0, 150.0});
  CHECK(stored->frontier_second == std::vector<double>{4, 0});
  CHECK(stored->cost_unit == "GBP/year");
  REQUIRE(stored->as_given.has_value());
  CHECK(stored->as_given->label == "as-given");
  CHECK(stored->as_given->cost_mean == 130.0);
  CHECK(stored->as_given->change_half_width == 1.5);
  CHECK(stored->as_given->change_level == 0.9);
  CHECK(stored->as_given->change_n == 8);

  // Appending to an existing file adds the group beside what is there.
  const std::string appended = temporary_path("append.h5");
  std::filesystem::remove(appended);
  {
    const hid_t other = H5Fcreate(appended.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    const hid_t group = H5Gcreate2(other, "summary", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    H5Gclose(group);
    H5Fclose(other);
  }
  CHECK_FALSE(read_sizing_record(appended).has_value());  // no /sizing yet
  write_sizing_record(appended, record, RecordMode::append);
  const hid_t reopened = H5Fopen(appended.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  CHECK(H5Lexists(reopened, "summary", H5P_DEFAULT) > 0);
  CHECK(H5Lexists(reopened, "sizing", H5P_DEFAULT) > 0);
  H5Fclose(reopened);
  std::filesystem::remove(path);
  std::filesystem::remove(appended);
}

TEST_CASE("a sizing record that cannot be written says which file", "[record]") {
  SizingRecord record;
  record.target = parse_target("m <= 1");
  CHECK_THROWS_WITH(write_sizing_record("/nonexistent-dir/x.h5", record, RecordMode::create),
                    Catch::Contains("/nonexistent-dir/x.h5"));
  CHECK_THROWS_WITH(write_sizing_record(temporary_path("missing.h5"), record, RecordMode::append),
                    Catch::Contains("cannot open"));
}

TEST_CASE("reading an unfinished sizing record is refused, naming the file", "[record]") {
  const std::string path = temporary_path("unfinished.h5");
  std::filesystem::remove(path);
  {
    const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    const hid_t group = H5Gcreate2(file, "sizing", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    H5Gclose(group);
    H5Fclose(file);
  }
  CHECK_THROWS_WITH(read_sizing_record(path),
                    Catch::Contains(path) && Catch::Contains("unfinished"));
  CHECK_THROWS_WITH(read_sizing_record(temporary_path("no-such.h5")), Catch::Contains("no-such.h5"));
  std::filesystem::remove(path);
}
