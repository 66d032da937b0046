// `bedflow report`: unreadable files are refused naming them (exit 2), an existing page is
// kept without --force, and nothing half-written is ever left behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::test;

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("bedflow report refuses an unreadable file, naming it, and writes nothing") {
  const auto directory = scratch_directory("report_bad");
  std::ofstream(fs::path(directory) / "broken.h5") << "not HDF5";
  const auto result = run_bedflow({"report", "broken.h5", "-o", "page.html"}, directory);
  REQUIRE(result.exit_status == 2);
  REQUIRE(result.err.find("broken.h5") != std::string::npos);
  REQUIRE(files_in(directory) == std::vector<std::string>{"broken.h5"});

  const auto missing = run_bedflow({"report", "absent.h5", "-o", "page.html"}, directory);
  REQUIRE(missing.exit_status == 2);
  REQUIRE(missing.err.find("absent.h5") != std::string::npos);
}

TEST_CASE("bedflow report writes a page, keeps it without --force, replaces it with --force") {
  const auto directory = scratch_directory("report_page");
  const std::string scenario = source_path("tests/scenario/fixtures/good/small.yaml");
  REQUIRE(run_bedflow({"run", scenario, "-o", "small.h5", "-n", "2"}, directory).exit_status == 0);

  const auto first = run_bedflow({"report", "small.h5", "-o", "page.html"}, directory);
  INFO(first.err);
  REQUIRE(first.exit_status == 0);
  const auto page = fs::path(directory) / "page.html";
  const auto html = read_all(page);
  REQUIRE(html.find("<section id=\"answer\"") != std::string::npos);
  REQUIRE(html.find("</html>") != std::string::npos);

  std::ofstream(page) << "kept";
  const auto refused = run_bedflow({"report", "small.h5", "-o", "page.html"}, directory);
  REQUIRE(refused.exit_status == 2);
  REQUIRE(refused.err.find("page.html") != std::string::npos);
  REQUIRE(read_all(page) == "kept");

  const auto forced = run_bedflow({"report", "small.h5", "-o", "page.html", "--force"}, directory);
  REQUIRE(forced.exit_status == 0);
  REQUIRE(read_all(page).find("</html>") != std::string::npos);
  for (const auto& name : files_in(directory)) REQUIRE(name.find(".partial") == std::string::npos);

  const auto beside = run_bedflow({"report", "small.h5"}, directory);
  REQUIRE(beside.exit_status == 0);
  REQUIRE(fs::exists(fs::path(directory) / "small.html"));
}
