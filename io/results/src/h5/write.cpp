#include "bedflow/results/h5/write.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>

namespace bedflow::results::h5 {
namespace {

PropertyList group_creation_properties() {
  PropertyList gcpl(check(H5Pcreate(H5P_GROUP_CREATE), "cannot create group properties"));
  check_status(H5Pset_link_creation_order(gcpl.get(),
                                          H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
               "cannot track link creation order");
  check_status(H5Pset_obj_track_times(gcpl.get(), 0), "cannot turn off object times");
  return gcpl;
}

// Below this many bytes a dataset is stored uncompressed: deflate would save a few bytes of
// it, and setting up zlib's state (hundreds of KB, zero-filled) for each of a run's many
// small datasets was a twentieth of a small run's time.
constexpr std::size_t kSmallestCompressedBytes = 4096;

// How a dataset's values arrive: all in one write straight after it is made, or in blocks.
enum class Filling { one_write, in_blocks };

// Creation properties for an n-dimensional dataset of `bytes` bytes: chunked, with a
// checksum, when non-empty; shuffled and deflated when at least kSmallestCompressedBytes.
// A dataset filled in one write has no fill value written first: HDF5 would otherwise make
// and zero each chunk before the write covers it (a tenth of a small run's CPU). One filled
// in blocks keeps it, so a chunk that a block covers in part never holds unset bytes.
PropertyList dataset_creation_properties(std::span<const hsize_t> chunk, std::size_t bytes,
                                         Filling filling) {
  PropertyList dcpl(check(H5Pcreate(H5P_DATASET_CREATE), "cannot create dataset properties"));
  check_status(H5Pset_obj_track_times(dcpl.get(), 0), "cannot turn off object times");
  const bool empty = std::any_of(chunk.begin(), chunk.end(), [](hsize_t c) { return c == 0; });
  if (!empty) {
    check_status(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()),
                 "cannot set chunking");
    if (filling == Filling::one_write) {
      check_status(H5Pset_fill_time(dcpl.get(), H5D_FILL_TIME_NEVER),
                   "cannot turn off fill values");
    }
    // A checksum per chunk: a damaged chunk is an error on reading, never wrong numbers.
    check_status(H5Pset_fletcher32(dcpl.get()), "cannot set the Fletcher-32 checksum");
    if (bytes >= kSmallestCompressedBytes) {
      check_status(H5Pset_shuffle(dcpl.get()), "cannot set shuffle filter");
      check_status(H5Pset_deflate(dcpl.get(), 6), "cannot set deflate filter");
    }
  }
  return dcpl;
}

Dataset create_one_dimensional(hid_t parent, const std::string& name, hid_t file_type,
                               std::size_t count, Filling filling) {
  const hsize_t dims[1] = {count};
  const hsize_t chunk[1] = {std::min<hsize_t>(count, kRowsPerChunk)};
  Dataspace space(check(H5Screate_simple(1, dims, nullptr), "cannot create dataspace"));
  const auto dcpl = dataset_creation_properties(chunk, count * H5Tget_size(file_type), filling);
  return Dataset(check(H5Dcreate2(parent, name.c_str(), file_type, space.get(), H5P_DEFAULT,
                                  dcpl.get(), H5P_DEFAULT),
                       "cannot create dataset '" + name + "'"));
}

Dataset write_one_dimensional(hid_t parent, const std::string& name, hid_t file_type,
                              hid_t memory_type, std::size_t count, const void* data) {
  auto dataset = create_one_dimensional(parent, name, file_type, count, Filling::one_write);
  if (count > 0) {
    check_status(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
                 "cannot write dataset '" + name + "'");
  }
  return dataset;
}

void write_scalar_attribute(hid_t object, const std::string& name, hid_t type,
                            const void* value) {
  Dataspace space(check(H5Screate(H5S_SCALAR), "cannot create scalar dataspace"));
  Attribute attribute(check(
      H5Acreate2(object, name.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
      "cannot create attribute '" + name + "'"));
  check_status(H5Awrite(attribute.get(), type, value),
               "cannot write attribute '" + name + "'");
}

}  // namespace

File create_file(const std::string& path) {
  silence_library_errors();
  PropertyList fcpl(check(H5Pcreate(H5P_FILE_CREATE), "cannot create file properties"));
  check_status(H5Pset_link_creation_order(fcpl.get(),
                                          H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
               "cannot track link creation order");
  check_status(H5Pset_obj_track_times(fcpl.get(), 0), "cannot turn off object times");
  // The 1.8 object formats and later carry checksums on their metadata (object headers,
  // B-trees, heaps), so a damaged file is refused on opening instead of misread. 1.10's
  // chunk indexes (HDF5 1.10 or later reads them) store a dataset of one chunk with no
  // B-tree: a small run's file is a quarter of the size and written a quarter faster.
  PropertyList fapl(check(H5Pcreate(H5P_FILE_ACCESS), "cannot create file access properties"));
  check_status(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V110, H5F_LIBVER_LATEST),
               "cannot choose the file format version");
  return File(check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()),
                    path + ": cannot create HDF5 file"));
}

void save_file(hid_t file, const std::string& path) {
  check_status(H5Fflush(file, H5F_SCOPE_GLOBAL), path + ": cannot write (flush failed)");
  // Some filesystems (NFS, quotas) report a full disk only on fsync.
  void* handle = nullptr;
  if (H5Fget_vfd_handle(file, H5P_DEFAULT, &handle) >= 0 && handle != nullptr) {
    const int fd = *static_cast<int*>(handle);
    if (::fsync(fd) != 0 && errno != EINVAL) {
      throw ResultsError(path + ": cannot write (" + std::strerror(errno) + ")");
    }
  }
}

void leave_library_open_at_exit() { H5dont_atexit(); }

File open_file_for_write(const std::string& path) {
  silence_library_errors();
  return File(check(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT),
                    path + ": cannot open HDF5 file for writing"));
}

Group create_group(hid_t parent, const std::string& name) {
  const auto gcpl = group_creation_properties();
  return Group(check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
                     "cannot create group '" + name + "'"));
}

Group open_group_for_write(hid_t parent, const std::string& name) {
  return Group(check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT),
                     "cannot open group '" + name + "'"));
}

void write_attribute(hid_t object, const std::string& name, const std::string& value) {
  const auto type = fixed_utf8_string_type(value.size());
  std::string padded = value;
  padded.resize(std::max<std::size_t>(value.size(), 1), '\0');
  write_scalar_attribute(object, name, type.get(), padded.data());
}

void write_attribute(hid_t object, const std::string& name, double value) {
  write_scalar_attribute(object, name, H5T_NATIVE_DOUBLE, &value);
}

void write_attribute(hid_t object, const std::string& name, std::int64_t value) {
  write_scalar_attribute(object, name, H5T_NATIVE_INT64, &value);
}

void write_attribute(hid_t object, const std::string& name, std::uint64_t value) {
  write_scalar_attribute(object, name, H5T_NATIVE_UINT64, &value);
}

Dataset write_column(hid_t parent, const std::string& name, std::span<const double> values) {
  return write_one_dimensional(parent, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.size(),
                               values.data());
}

Dataset write_column(hid_t parent, const std::string& name,
                     std::span<const std::int32_t> values) {
  return write_one_dimensional(parent, name, H5T_STD_I32LE, H5T_NATIVE_INT32, values.size(),
                               values.data());
}

Dataset write_column(hid_t parent, const std::string& name,
                     std::span<const std::int64_t> values) {
  return write_one_dimensional(parent, name, H5T_STD_I64LE, H5T_NATIVE_INT64, values.size(),
                               values.data());
}

Dataset write_column(hid_t parent, const std::string& name,
                     std::span<const std::uint64_t> values) {
  return write_one_dimensional(parent, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, values.size(),
                               values.data());
}

Dataset write_column(hid_t parent, const std::string& name,
                     std::span<const std::string> values) {
  std::size_t width = 1;
  for (const auto& value : values) width = std::max(width, value.size());
  std::vector<char> cells(values.size() * width, '\0');
  for (std::size_t k = 0; k < values.size(); ++k) {
    std::copy(values[k].begin(), values[k].end(), cells.begin() + static_cast<std::ptrdiff_t>(k * width));
  }
  const auto type = fixed_utf8_string_type(width);
  return write_one_dimensional(parent, name, type.get(), type.get(), values.size(),
                               cells.data());
}

Dataset create_records(hid_t parent, const std::string& name, hid_t file_type,
                       std::size_t count) {
  return create_one_dimensional(parent, name, file_type, count, Filling::in_blocks);
}

void write_records_block(hid_t dataset, const std::string& name, hid_t memory_type,
                         std::size_t first, std::size_t count, const void* rows) {
  if (count == 0) return;
  const RowBlock block = select_rows(dataset, name, first, count);
  check_status(H5Dwrite(dataset, memory_type, block.memory.get(), block.file.get(), H5P_DEFAULT,
                        rows),
               "cannot write dataset '" + name + "'");
}

Dataset write_text(hid_t parent, const std::string& name, const std::string& text) {
  const auto type = fixed_utf8_string_type(text.size());
  std::string padded = text;
  padded.resize(std::max<std::size_t>(text.size(), 1), '\0');
  Dataspace space(check(H5Screate(H5S_SCALAR), "cannot create scalar dataspace"));
  PropertyList dcpl(check(H5Pcreate(H5P_DATASET_CREATE), "cannot create dataset properties"));
  check_status(H5Pset_obj_track_times(dcpl.get(), 0), "cannot turn off object times");
  Dataset dataset(check(H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT,
                                   dcpl.get(), H5P_DEFAULT),
                        "cannot create dataset '" + name + "'"));
  // A scalar text cannot carry a chunk checksum: its CRC-32 goes beside it, checked on reading.
  write_attribute(dataset.get(), kTextChecksum, text_checksum(text));
  check_status(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, padded.data()),
               "cannot write dataset '" + name + "'");
  return dataset;
}

Dataset write_matrix(hid_t parent, const std::string& name, std::size_t rows,
                     std::size_t columns, std::span<const double> values) {
  const hsize_t dims[2] = {rows, columns};
  // Chunks of whole rows, about 64 KiB each: one replication's series reads in one go.
  const hsize_t rows_per_chunk =
      columns == 0 ? 0 : std::clamp<hsize_t>(8192 / columns, 1, std::max<hsize_t>(rows, 1));
  const hsize_t chunk[2] = {std::min<hsize_t>(rows_per_chunk, rows), columns};
  Dataspace space(check(H5Screate_simple(2, dims, nullptr), "cannot create dataspace"));
  const auto dcpl = dataset_creation_properties(
      chunk, static_cast<std::size_t>(rows * columns) * sizeof(double), Filling::one_write);
  Dataset dataset(check(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space.get(),
                                   H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                        "cannot create dataset '" + name + "'"));
  if (!values.empty()) {
    check_status(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                          values.data()),
                 "cannot write dataset '" + name + "'");
  }
  return dataset;
}

}  // namespace bedflow::results::h5
