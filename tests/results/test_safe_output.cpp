// The target path only ever holds a finished file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "bedflow/results/results_error.hpp"
#include "bedflow/results/safe_output.hpp"
#include "fake_results.hpp"

using namespace bedflow;
namespace fs = std::filesystem;

TEST_CASE("a committed output appears at the target, the temporary file is gone") {
  const auto target = test::scratch_path("safe_commit.h5");
  std::string temporary;
  {
    results::SafeOutputFile output(target, false);
    temporary = output.temporary_path();
    REQUIRE(fs::exists(temporary));
    REQUIRE_FALSE(fs::exists(target));
    REQUIRE(fs::path(temporary).parent_path() == fs::path(target).parent_path());
    std::ofstream(temporary) << "finished";
    output.commit();
  }
  REQUIRE(fs::exists(target));
  REQUIRE_FALSE(fs::exists(temporary));
}

TEST_CASE("an output abandoned before commit leaves nothing behind") {
  const auto target = test::scratch_path("safe_abandon.h5");
  std::string temporary;
  try {
    results::SafeOutputFile output(target, false);
    temporary = output.temporary_path();
    std::ofstream(temporary) << "half";
    throw std::runtime_error("the run failed");
  } catch (const std::runtime_error&) {
  }
  REQUIRE_FALSE(temporary.empty());
  REQUIRE_FALSE(fs::exists(temporary));
  REQUIRE_FALSE(fs::exists(target));
}

TEST_CASE("an existing output is kept unless overwriting is asked for") {
  const auto target = test::scratch_path("safe_existing.h5");
  std::ofstream(target) << "precious";
  REQUIRE_THROWS_WITH(results::SafeOutputFile(target, false), Catch::Contains("--force"));
  {
    results::SafeOutputFile output(target, true);
    std::ofstream(output.temporary_path()) << "new";
    output.commit();
  }
  std::ifstream in(target);
  std::string content;
  in >> content;
  REQUIRE(content == "new");
}

TEST_CASE("an output in a missing directory is refused before any work") {
  const auto target = test::scratch_path("no_such_dir") + "/out.h5";
  REQUIRE_THROWS_AS(results::SafeOutputFile(target, false), results::ResultsError);
}

TEST_CASE("a directory is never taken for an output file, even with overwrite") {
  const auto target = test::scratch_path("a_directory");
  fs::create_directories(target);
  REQUIRE_THROWS_WITH(results::SafeOutputFile(target, true), Catch::Contains("is a directory"));
  REQUIRE(fs::is_directory(target));
}
