// What the command line makes of how a scenario file is written: a child scenario's default
// results path, and warnings that never stop a run.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::test;

namespace {

std::string small_text() {
  std::ifstream in(source_path("tests/scenario/fixtures/good/small.yaml"));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("a child scenario without a name writes results/<its file stem>.h5, not its "
          "parent's") {
  const auto directory = scratch_directory("child_output");
  write(directory + "/base.yaml", small_text());  // named `small`
  write(directory + "/more-beds.yaml",
        "schema: 1\nextends: base.yaml\nservices: { acute: { capacity: 320 } }\n");
  const std::vector<std::string> quick = {"-n", "2", "-t", "1", "--set",
                                          "scenario.horizon_days=20"};
  auto arguments = std::vector<std::string>{"run", "base.yaml"};
  arguments.insert(arguments.end(), quick.begin(), quick.end());
  const auto parent = run_bedflow(arguments, directory);
  INFO(parent.err);
  REQUIRE(parent.exit_status == 0);
  arguments[1] = "more-beds.yaml";
  arguments.push_back("--force");  // as tools/run.sh passes it
  const auto child = run_bedflow(arguments, directory);
  INFO(child.err);
  REQUIRE(child.exit_status == 0);
  CHECK(files_in(directory + "/results") ==
        std::vector<std::string>{"more-beds.h5", "small.h5"});
}

TEST_CASE("validate and run warn of a profile edge held over the run, and still succeed") {
  const auto directory = scratch_directory("profile_warning");
  // The small scenario's surge returns to 1 on 2026-02-20: no warning.
  std::string text = small_text();
  const auto quiet = run_bedflow({"validate", write(directory + "/ended.yaml", text)}, directory);
  CHECK(quiet.exit_status == 0);
  CHECK(quiet.err.find("WARNING") == std::string::npos);

  // Without that point, 1.2 holds from 2026-02-01 to the end of the run.
  const std::string ending = ", [2026-02-20, 1.0]]";
  const auto pos = text.find(ending);
  REQUIRE(pos != std::string::npos);
  text.replace(pos, ending.size(), "]");
  const auto file = write(directory + "/surge.yaml", text);
  const auto validated = run_bedflow({"validate", file}, directory);
  INFO(validated.err);
  CHECK(validated.exit_status == 0);
  CHECK(validated.err.find(file + ":11:") != std::string::npos);
  CHECK(validated.err.find("WARNING: profiles.surge.dated: profile surge: its last point "
                           "(2026-02-01, factor 1.2) holds until the end of the run on "
                           "2026-03-05") != std::string::npos);
  const auto ran = run_bedflow({"run", file, "-n", "1", "-t", "1", "-o", "out.h5"}, directory);
  INFO(ran.err);
  CHECK(ran.exit_status == 0);
  CHECK(ran.err.find("WARNING: profiles.surge.dated") != std::string::npos);
  CHECK(fs::exists(directory + "/out.h5"));
}
