#include "bedflow/analysis/sizing_record.hpp"

#include <hdf5.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"

namespace bedflow::analysis {

namespace {

// An owned HDF5 identifier, closed by the matching function exactly once.
template <herr_t (*Close)(hid_t)>
class Owned {
 public:
  explicit Owned(hid_t id) : id_(id) {}
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  Owned(Owned&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Owned& operator=(Owned&&) = delete;
  ~Owned() {
    if (id_ >= 0) Close(id_);
  }
  hid_t get() const noexcept { return id_; }

 private:
  hid_t id_;
};
using FileId = Owned<H5Fclose>;
using GroupId = Owned<H5Gclose>;
using DatasetId = Owned<H5Dclose>;
using SpaceId = Owned<H5Sclose>;
using TypeId = Owned<H5Tclose>;
using AttributeId = Owned<H5Aclose>;
using PropertyId = Owned<H5Pclose>;

class Writer {
 public:
  explicit Writer(std::string path) : path_(std::move(path)) {}

  hid_t check(hid_t id, std::string_view what) const {
    if (id < 0) throw AnalysisError(fmt::format("{}: cannot {}", path_, what));
    return id;
  }
  void check_status(herr_t status, std::string_view what) const {
    if (status < 0) throw AnalysisError(fmt::format("{}: cannot {}", path_, what));
  }

  PropertyId group_properties() const {
    PropertyId gcpl(check(H5Pcreate(H5P_GROUP_CREATE), "create group properties"));
    check_status(H5Pset_link_creation_order(gcpl.get(),
                                            H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
                 "track link order");
    check_status(H5Pset_obj_track_times(gcpl.get(), 0), "turn off object times");
    return gcpl;
  }

  GroupId create_group(hid_t parent, const std::string& name) const {
    const PropertyId gcpl = group_properties();
    return GroupId(check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
                         "create group " + name));
  }

  TypeId string_type() const {
    TypeId type(check(H5Tcopy(H5T_C_S1), "create string type"));
    check_status(H5Tset_size(type.get(), H5T_VARIABLE), "size string type");
    check_status(H5Tset_cset(type.get(), H5T_CSET_UTF8), "set UTF-8");
    return type;
  }

  void attribute(hid_t object, const std::string& name, hid_t type, const void* value) const {
    const SpaceId space(check(H5Screate(H5S_SCALAR), "create dataspace"));
    const AttributeId attr(check(
        H5Acreate2(object, name.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
        "create attribute " + name));
    check_status(H5Awrite(attr.get(), type, value), "write attribute " + name);
  }
  void attribute(hid_t object, const std::string& name, const std::string& value) const {
    const TypeId type = string_type();
    const char* text = value.c_str();
    attribute(object, name, type.get(), &text);
  }
  void attribute(hid_t object, const std::string& name, double value) const {
    attribute(object, name, H5T_NATIVE_DOUBLE, &value);
  }
  void attribute(hid_t object, const std::string& name, std::int64_t value) const {
    attribute(object, name, H5T_NATIVE_INT64, &value);
  }

  void column(hid_t parent, const std::string& name, hid_t file_type, hid_t memory_type,
              std::size_t count, const void* data) const {
    const hsize_t dims[1] = {count};
    const SpaceId space(check(H5Screate_simple(1, dims, nullptr), "create dataspace"));
    PropertyId dcpl(check(H5Pcreate(H5P_DATASET_CREATE), "create dataset properties"));
    check_status(H5Pset_obj_track_times(dcpl.get(), 0), "turn off object times");
    const DatasetId dataset(check(H5Dcreate2(parent, name.c_str(), file_type, space.get(),
                                             H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                                  "create dataset " + name));
    if (count > 0) {
      check_status(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
                   "write dataset " + name);
    }
  }
  void column(hid_t parent, const std::string& name, const std::vector<double>& values) const {
    column(parent, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.size(), values.data());
  }
  void column(hid_t parent, const std::string& name,
              const std::vector<std::int64_t>& values) const {
    column(parent, name, H5T_STD_I64LE, H5T_NATIVE_INT64, values.size(), values.data());
  }
  void column(hid_t parent, const std::string& name,
              const std::vector<std::string>& values) const {
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const auto& value : values) pointers.push_back(value.c_str());
    const TypeId type = string_type();
    column(parent, name, type.get(), type.get(), pointers.size(), pointers.data());
  }

 private:
  std::string path_;
};

FileId open_file(const Writer& writer, const std::string& path, RecordMode mode) {
  if (mode == RecordMode::append) {
    return FileId(writer.check(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open for writing"));
  }
  const PropertyId fcpl(writer.check(H5Pcreate(H5P_FILE_CREATE), "create file properties"));
  writer.check_status(H5Pset_link_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED |
                                                                 H5P_CRT_ORDER_INDEXED),
                      "track link order");
  writer.check_status(H5Pset_obj_track_times(fcpl.get(), 0), "turn off object times");
  return FileId(writer.check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), H5P_DEFAULT),
                             "create HDF5 file"));
}

}  // namespace

std::string decision_rule_text(double confidence) {
  return fmt::format(
      "a point meets the target when the one-sided Student-t bound of the replication mean at "
      "level {} (mean + t_(n-1,{}) sd/sqrt(n) for <= and <, mean - t_(n-1,{}) sd/sqrt(n) for "
      ">= and >) is on the target's side of the threshold",
      confidence, confidence, confidence);
}

std::string setting_label(const LeverSetting& setting) {
  std::string label;
  for (const auto& [path, value] : setting) {
    if (!label.empty()) label += ",";
    label += fmt::format("{}={}", path, value);
  }
  return label;
}

void write_sizing_record(const std::string& path, const SizingRecord& record, RecordMode mode) {
  const Writer writer(path);
  if (record.labels.size() != record.points.size()) {
    throw AnalysisError(fmt::format("{}: sizing record has {} labels for {} points", path,
                                    record.labels.size(), record.points.size()));
  }
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors are reported by AnalysisError
  const FileId file = open_file(writer, path, mode);
  const GroupId sizing = writer.create_group(file.get(), "sizing");

  writer.attribute(sizing.get(), "target", record.target.describe());
  writer.attribute(sizing.get(), "measure", record.target.measure);
  writer.attribute(sizing.get(), "measure_unit", record.measure_unit);
  writer.attribute(sizing.get(), "comparison", std::string(to_string(record.target.comparison)));
  writer.attribute(sizing.get(), "threshold", record.target.threshold);
  writer.attribute(sizing.get(), "confidence", record.confidence);
  writer.attribute(sizing.get(), "decision_rule", decision_rule_text(record.confidence));
  writer.attribute(sizing.get(), "status", std::string(to_string(record.status)));
  writer.attribute(sizing.get(), "answer", record.answer ? setting_label(*record.answer) : "");
  writer.attribute(sizing.get(), "cost", record.cost_description);

  {
    const GroupId levers = writer.create_group(sizing.get(), "levers");
    std::vector<std::string> paths;
    std::vector<std::int64_t> low, high, step;
    for (const auto& lever : record.levers) {
      paths.push_back(lever.path);
      low.push_back(lever.low);
      high.push_back(lever.high);
      step.push_back(lever.step);
    }
    writer.column(levers.get(), "path", paths);
    writer.column(levers.get(), "low", low);
    writer.column(levers.get(), "high", high);
    writer.column(levers.get(), "step", step);
  }

  {
    const GroupId points = writer.create_group(sizing.get(), "points");
    const std::size_t n = record.points.size();
    std::vector<std::int64_t> order(n), replications(n), meets(n);
    std::vector<double> mean(n), sd(n), half_width(n), bound(n), cost_mean(n), cost_half(n);
    bool has_cost = false;
    for (std::size_t i = 0; i < n; ++i) {
      const EvaluatedPoint& p = record.points[i];
      order[i] = static_cast<std::int64_t>(i);
      replications[i] = static_cast<std::int64_t>(p.target.n);
      mean[i] = p.target.mean;
      sd[i] = p.target.sd;
      half_width[i] = p.target.half_width;
      bound[i] = p.target.bound;
      meets[i] = p.target.meets ? 1 : 0;
      if (p.cost) {
        has_cost = true;
        cost_mean[i] = p.cost->mean;
        cost_half[i] = p.cost->half_width;
      } else {
        cost_mean[i] = cost_half[i] = std::numeric_limits<double>::quiet_NaN();
      }
    }
    writer.column(points.get(), "evaluation_order", order);
    writer.column(points.get(), "label", record.labels);
    for (const auto& lever : record.levers) {
      std::vector<std::int64_t> values(n);
      for (std::size_t i = 0; i < n; ++i) {
        const auto found = record.points[i].setting.find(lever.path);
        values[i] = found == record.points[i].setting.end() ? -1 : found->second;
      }
      writer.column(points.get(), lever.path, values);
    }
    writer.column(points.get(), "replications", replications);
    writer.column(points.get(), "target_mean", mean);
    writer.column(points.get(), "target_sd", sd);
    writer.column(points.get(), "target_half_width", half_width);
    writer.column(points.get(), "target_bound", bound);
    writer.column(points.get(), "meets", meets);
    if (has_cost) {
      writer.column(points.get(), "cost_mean", cost_mean);
      writer.column(points.get(), "cost_half_width", cost_half);
    }
  }

  if (!record.frontier.empty()) {
    const GroupId frontier = writer.create_group(sizing.get(), "frontier");
    std::vector<std::int64_t> first, second, point;
    std::vector<double> cost;
    for (const auto& row : record.frontier) {
      first.push_back(row.first);
      second.push_back(row.second.value_or(-1));
      point.push_back(row.point ? static_cast<std::int64_t>(*row.point) : -1);
      cost.push_back(row.point && record.points[*row.point].cost
                         ? record.points[*row.point].cost->mean
                         : std::numeric_limits<double>::quiet_NaN());
    }
    writer.column(frontier.get(), "first", first);
    writer.column(frontier.get(), "second", second);
    writer.column(frontier.get(), "cost_mean", cost);
    writer.column(frontier.get(), "point", point);
  }

  // Written last: a /sizing group without it was interrupted.
  writer.attribute(sizing.get(), "complete", std::int64_t{1});
  writer.check_status(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "flush");
}

}  // namespace bedflow::analysis
