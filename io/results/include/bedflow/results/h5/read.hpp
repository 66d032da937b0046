#pragma once
// Reading back the shapes write.hpp writes.
//
// Invariants:
//  - Every failure throws ResultsError naming the object that could not be read; a file that
//    is not HDF5 is reported as such before HDF5 is asked to open it.
//  - children() lists a group's members in creation order when the group tracks it (every
//    group bedflow writes does), else in name order.
#include <cstdint>
#include <string>
#include <vector>

#include "bedflow/results/h5/handle.hpp"

namespace bedflow::results::h5 {

File open_file_read_only(const std::string& path);
Group open_group(hid_t parent, const std::string& name);
Dataset open_dataset(hid_t parent, const std::string& name);
bool has_link(hid_t parent, const std::string& name);
bool is_group(hid_t parent, const std::string& name);
std::vector<std::string> children(hid_t group);

bool has_attribute(hid_t object, const std::string& name);
std::string read_string_attribute(hid_t object, const std::string& name);
double read_double_attribute(hid_t object, const std::string& name);
std::int64_t read_int64_attribute(hid_t object, const std::string& name);
std::uint64_t read_uint64_attribute(hid_t object, const std::string& name);

// The number of rows of a 1-D dataset (`name` is for the error when it is not 1-D).
std::size_t row_count(hid_t dataset, const std::string& name);
// Reads rows [first, first + count) of a 1-D dataset into `rows`, laid out as `memory_type`
// says (HDF5 converts from the stored type).
void read_records_block(hid_t dataset, const std::string& name, hid_t memory_type,
                        std::size_t first, std::size_t count, void* rows);

std::vector<double> read_double_column(hid_t parent, const std::string& name);
std::vector<std::int32_t> read_int32_column(hid_t parent, const std::string& name);
std::vector<std::uint64_t> read_uint64_column(hid_t parent, const std::string& name);
std::vector<std::string> read_string_column(hid_t parent, const std::string& name);
std::string read_text(hid_t parent, const std::string& name);

struct Matrix {
  std::size_t rows = 0;
  std::size_t columns = 0;
  std::vector<double> values;  // row-major
};
Matrix read_matrix(hid_t parent, const std::string& name);

}  // namespace bedflow::results::h5
