// tools/fanchart.py reads a results file with h5py alone and draws a PNG.
#include <catch2/catch.hpp>

#include <fstream>

#include "child_process.hpp"

using namespace bedflow::test;

TEST_CASE("the fan chart script draws a PNG from a results file") {
  const auto directory = scratch_directory("fanchart");
  const auto results = directory + "/r.h5";
  REQUIRE(run_bedflow({"run", source_path("tests/scenario/fixtures/good/small.yaml"), "-n", "5",
                       "-o", results})
              .exit_status == 0);
  const auto chart = directory + "/acute.png";
  const auto drawn = run_program("/usr/bin/python3", {source_path("tools/fanchart.py"), results,
                                                      "--service", "acute", "-o", chart});
  INFO(drawn.err);
  REQUIRE(drawn.exit_status == 0);
  std::ifstream png(chart, std::ios::binary);
  char magic[4] = {};
  png.read(magic, 4);
  REQUIRE(std::string(magic + 1, 3) == "PNG");
  // Titled in words with the observed window, dates on the axis (matplotlib writes no text
  // into the PNG, so the script reports what it drew on request).
  const auto described = run_program(
      "/usr/bin/python3", {source_path("tools/fanchart.py"), results, "--service", "acute",
                           "-o", directory + "/again.png", "--describe"});
  INFO(described.out);
  REQUIRE(described.exit_status == 0);
  REQUIRE(described.out.find("title: Patients in acute") != std::string::npos);
  REQUIRE(described.out.find("x axis: date from ") != std::string::npos);

  const auto unknown = run_program("/usr/bin/python3", {source_path("tools/fanchart.py"), results,
                                                        "--service", "no_such_service"});
  REQUIRE(unknown.exit_status != 0);
  REQUIRE(unknown.err.find("no_such_service") != std::string::npos);
}
