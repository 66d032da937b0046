#include "bedflow/results/h5/read.hpp"

#include <filesystem>
#include <vector>

namespace bedflow::results::h5 {
namespace {

// More elements than any results file holds: a damaged shape, refused before allocating.
constexpr hssize_t kMaxElements = hssize_t{1} << 32;
constexpr std::size_t kMaxStringBytes = std::size_t{1} << 32;

std::size_t element_count(hid_t dataset, const std::string& name, int expected_rank) {
  Dataspace space(check(H5Dget_space(dataset), "cannot read the shape of '" + name + "'"));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank != expected_rank) {
    throw ResultsError("'" + name + "' has " + std::to_string(rank) + " dimensions, expected " +
                       std::to_string(expected_rank));
  }
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0 || count > kMaxElements) {
    throw ResultsError("cannot count the elements of '" + name + "' (damaged file?)");
  }
  return static_cast<std::size_t>(count);
}

// The width of a stored fixed-length string type; refuses anything else, variable-length
// strings included (bedflow never writes them, and HDF5 reads a damaged one unsafely).
std::size_t fixed_string_width(hid_t stored_type, const std::string& name) {
  const Datatype type(check(stored_type, "cannot read the type of '" + name + "'"));
  if (H5Tget_class(type.get()) != H5T_STRING) {
    throw ResultsError("'" + name + "' is not text");
  }
  if (H5Tis_variable_str(type.get()) != 0) {
    throw ResultsError("'" + name + "' holds variable-length strings; bedflow writes "
                       "fixed-length ones (a file from another program?)");
  }
  const std::size_t width = H5Tget_size(type.get());
  if (width == 0 || width > kMaxStringBytes) {
    throw ResultsError("'" + name + "' has a string width of " + std::to_string(width) +
                       " bytes (damaged file?)");
  }
  return width;
}

// A fixed-width cell without its NUL padding.
std::string cell_text(const char* cell, std::size_t width) {
  std::size_t length = 0;
  while (length < width && cell[length] != '\0') ++length;
  return std::string(cell, length);
}

template <class T>
std::vector<T> read_numeric_column(hid_t parent, const std::string& name, hid_t memory_type) {
  const auto dataset = open_dataset(parent, name);
  std::vector<T> values(element_count(dataset.get(), name, 1));
  if (!values.empty()) {
    check_status(H5Dread(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                         values.data()),
                 "cannot read '" + name + "'");
  }
  return values;
}

template <class T>
T read_numeric_attribute(hid_t object, const std::string& name, hid_t memory_type) {
  Attribute attribute(
      check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "missing attribute '" + name + "'"));
  T value{};
  check_status(H5Aread(attribute.get(), memory_type, &value),
               "cannot read attribute '" + name + "'");
  return value;
}

}  // namespace

std::size_t row_count(hid_t dataset, const std::string& name) {
  return element_count(dataset, name, 1);
}

void read_records_block(hid_t dataset, const std::string& name, hid_t memory_type,
                        std::size_t first, std::size_t count, void* rows) {
  if (count == 0) return;
  const RowBlock block = select_rows(dataset, name, first, count);
  check_status(H5Dread(dataset, memory_type, block.memory.get(), block.file.get(), H5P_DEFAULT,
                       rows),
               "cannot read rows " + std::to_string(first) + " to " +
                   std::to_string(first + count - 1) + " of '" + name + "'");
}

File open_file_read_only(const std::string& path) {
  silence_library_errors();
  if (!std::filesystem::exists(path)) throw ResultsError(path + ": no such file");
  if (H5Fis_hdf5(path.c_str()) <= 0) throw ResultsError(path + ": not an HDF5 file");
  return File(check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT),
                    path + ": cannot open HDF5 file"));
}

Group open_group(hid_t parent, const std::string& name) {
  return Group(check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT),
                     "missing group '" + name + "'"));
}

Dataset open_dataset(hid_t parent, const std::string& name) {
  return Dataset(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT),
                       "missing dataset '" + name + "'"));
}

bool has_link(hid_t parent, const std::string& name) {
  return H5Lexists(parent, name.c_str(), H5P_DEFAULT) > 0;
}

bool is_group(hid_t parent, const std::string& name) {
  if (!has_link(parent, name)) return false;
  H5O_info_t info{};
  check_status(H5Oget_info_by_name(parent, name.c_str(), &info, H5P_DEFAULT),
               "cannot inspect '" + name + "'");
  return info.type == H5O_TYPE_GROUP;
}

std::vector<std::string> children(hid_t group) {
  H5G_info_t info{};
  check_status(H5Gget_info(group, &info), "cannot list a group");
  PropertyList gcpl(check(H5Gget_create_plist(group), "cannot read group properties"));
  unsigned order_flags = 0;
  check_status(H5Pget_link_creation_order(gcpl.get(), &order_flags),
               "cannot read link order");
  const H5_index_t index =
      (order_flags & H5P_CRT_ORDER_INDEXED) ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;
  std::vector<std::string> names;
  names.reserve(info.nlinks);
  for (hsize_t k = 0; k < info.nlinks; ++k) {
    const ssize_t length =
        H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, k, nullptr, 0, H5P_DEFAULT);
    if (length < 0) throw ResultsError("cannot read a link name");
    std::string name(static_cast<std::size_t>(length) + 1, '\0');
    H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, k, name.data(), name.size(),
                       H5P_DEFAULT);
    name.resize(static_cast<std::size_t>(length));
    names.push_back(std::move(name));
  }
  return names;
}

bool has_attribute(hid_t object, const std::string& name) {
  return H5Aexists(object, name.c_str()) > 0;
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  Attribute attribute(
      check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "missing attribute '" + name + "'"));
  const std::size_t width = fixed_string_width(H5Aget_type(attribute.get()), name);
  Dataspace space(check(H5Aget_space(attribute.get()), "cannot read the shape of '" + name + "'"));
  if (H5Sget_simple_extent_npoints(space.get()) != 1) {
    throw ResultsError("attribute '" + name + "' is not a single text");
  }
  const auto type = fixed_utf8_string_type(width);
  std::vector<char> cell(width, '\0');
  check_status(H5Aread(attribute.get(), type.get(), cell.data()),
               "cannot read attribute '" + name + "' as text");
  return cell_text(cell.data(), width);
}

double read_double_attribute(hid_t object, const std::string& name) {
  return read_numeric_attribute<double>(object, name, H5T_NATIVE_DOUBLE);
}

std::int64_t read_int64_attribute(hid_t object, const std::string& name) {
  return read_numeric_attribute<std::int64_t>(object, name, H5T_NATIVE_INT64);
}

std::uint64_t read_uint64_attribute(hid_t object, const std::string& name) {
  return read_numeric_attribute<std::uint64_t>(object, name, H5T_NATIVE_UINT64);
}

std::vector<double> read_double_column(hid_t parent, const std::string& name) {
  return read_numeric_column<double>(parent, name, H5T_NATIVE_DOUBLE);
}

std::vector<std::int32_t> read_int32_column(hid_t parent, const std::string& name) {
  return read_numeric_column<std::int32_t>(parent, name, H5T_NATIVE_INT32);
}

std::vector<std::uint64_t> read_uint64_column(hid_t parent, const std::string& name) {
  return read_numeric_column<std::uint64_t>(parent, name, H5T_NATIVE_UINT64);
}

std::vector<std::string> read_string_column(hid_t parent, const std::string& name) {
  const auto dataset = open_dataset(parent, name);
  const std::size_t count = element_count(dataset.get(), name, 1);
  std::vector<std::string> values;
  if (count == 0) return values;
  const std::size_t width = fixed_string_width(H5Dget_type(dataset.get()), name);
  if (width > kMaxStringBytes / count) {
    throw ResultsError("'" + name + "' is too large to be a results column (damaged file?)");
  }
  const auto type = fixed_utf8_string_type(width);
  std::vector<char> cells(count * width, '\0');
  check_status(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, cells.data()),
               "cannot read '" + name + "' as text");
  values.reserve(count);
  for (std::size_t k = 0; k < count; ++k) values.push_back(cell_text(&cells[k * width], width));
  return values;
}

std::string read_text(hid_t parent, const std::string& name) {
  const auto dataset = open_dataset(parent, name);
  if (element_count(dataset.get(), name, 0) != 1) {
    throw ResultsError("'" + name + "' is not a single text");
  }
  const std::size_t width = fixed_string_width(H5Dget_type(dataset.get()), name);
  const auto type = fixed_utf8_string_type(width);
  std::vector<char> cell(width, '\0');
  check_status(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, cell.data()),
               "cannot read '" + name + "' as text");
  std::string text = cell_text(cell.data(), width);
  if (!has_attribute(dataset.get(), kTextChecksum) ||
      read_uint64_attribute(dataset.get(), kTextChecksum) != text_checksum(text)) {
    throw ResultsError("'" + name + "' fails its checksum (damaged file?)");
  }
  return text;
}

Matrix read_matrix(hid_t parent, const std::string& name) {
  const auto dataset = open_dataset(parent, name);
  Dataspace space(check(H5Dget_space(dataset.get()), "cannot read the shape of '" + name + "'"));
  if (H5Sget_simple_extent_ndims(space.get()) != 2) {
    throw ResultsError("'" + name + "' is not a replication x time matrix");
  }
  hsize_t dims[2] = {0, 0};
  H5Sget_simple_extent_dims(space.get(), dims, nullptr);
  if (dims[1] != 0 && dims[0] > static_cast<hsize_t>(kMaxElements) / dims[1]) {
    throw ResultsError("'" + name + "' is too large to be a results matrix (damaged file?)");
  }
  Matrix matrix{static_cast<std::size_t>(dims[0]), static_cast<std::size_t>(dims[1]), {}};
  matrix.values.resize(matrix.rows * matrix.columns);
  if (!matrix.values.empty()) {
    check_status(H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                         matrix.values.data()),
                 "cannot read '" + name + "'");
  }
  return matrix;
}

}  // namespace bedflow::results::h5
