// Damaged results files: every reader either reads a damaged copy or refuses it with a
// ResultsError; it never crashes and (under the sanitizers) never reads out of bounds.
// HDF5 1.10 itself leaks a few buffers on some damaged files, so this program runs with leak
// detection off (tests/results/CMakeLists.txt); memory errors still abort it.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/write_results.hpp"
#include "fake_results.hpp"

using namespace bedflow;

TEST_CASE("a damaged results file is refused or read, never a crash") {
  // One flipped byte at a time, across the whole of a small file: the reader either reads
  // it (the byte was padding or a value) or throws ResultsError. Under the sanitizers this
  // also proves no out-of-bounds read happens on the way.
  const auto path = test::scratch_path("byte_flip_source.h5");
  results::write_results_file(path, test::fake_file(3, 2, /*with_events=*/true));
  const std::string original = test::file_bytes(path);
  REQUIRE(original.size() > 1000);
  const auto damaged = test::scratch_path("byte_flip.h5");
  std::size_t refused = 0, read = 0;
  constexpr std::size_t kStride = 53;  // a prime stride: every structure of the file is hit
  for (std::size_t at = 0; at < original.size(); at += kStride) {
    std::string bytes = original;
    bytes[at] = static_cast<char>(~static_cast<unsigned char>(bytes[at]));
    std::ofstream(damaged, std::ios::binary | std::ios::trunc) << bytes;
    try {
      (void)results::read_results_file(damaged);
      ++read;
    } catch (const results::ResultsError&) {
      ++refused;
    }
  }
  INFO(read << " damaged copies read, " << refused << " refused");
  REQUIRE(refused > 0);
  REQUIRE(read + refused == (original.size() + kStride - 1) / kStride);
}

