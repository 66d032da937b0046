// Help for the program and each sub-command; usage errors exit 2 without a crash.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "child_process.hpp"

using bedflow::test::run_bedflow;

TEST_CASE("bedflow --help lists every sub-command and exits 0") {
  const auto result = run_bedflow({"--help"});
  REQUIRE(result.exit_status == 0);
  for (const char* command : {"run", "validate", "compare", "export", "report", "fit", "backtest"}) {
    INFO(command);
    REQUIRE(result.out.find(std::string("  ") + command + " ") != std::string::npos);
  }
}

TEST_CASE("each sub-command explains itself with --help") {
  for (const char* command : {"run", "validate", "compare", "export", "report", "fit", "backtest"}) {
    INFO(command);
    const auto result = run_bedflow({command, "--help"});
    REQUIRE(result.exit_status == 0);
    REQUIRE(result.out.find(std::string("Usage: bedflow ") + command) != std::string::npos);
    REQUIRE(result.out.find("--help") != std::string::npos);
  }
}

TEST_CASE("usage errors exit 2 with a message on stderr") {
  const std::string scenario = bedflow::test::source_path("tests/scenario/fixtures/good/small.yaml");
  const std::vector<std::vector<std::string>> bad_usages{
      {},
      {"frobnicate"},
      {"run"},
      {"run", scenario, "--no-such-option"},
      {"run", scenario, "--replications", "many"},
      {"run", scenario, "--replications", "0"},
      {"run", scenario, "--threads", "-3"},
      {"run", scenario, "--precision", "1.5"},
      {"run", scenario, "extra-argument"},
      {"validate"},
      {"compare", "only-one.h5"},
      {"export", "results.h5"},
      {"report"},
      {"report", "results.h5", "--no-such-option"},
      {"fit"},
      {"fit", "spells.csv"},
      {"backtest", "fitted.yaml"},
      {"backtest", "fitted.yaml", "spells.csv", "--from", "2025-01-01", "-o", "b.csv"},
      {"backtest", "fitted.yaml", "spells.csv", "--from", "2025-01-01", "--to", "2025-02-01",
       "-o", "b.csv", "--replications", "1"},
  };
  for (const auto& arguments : bad_usages) {
    std::string shown;
    for (const auto& a : arguments) shown += a + " ";
    INFO("bedflow " << shown);
    const auto result = run_bedflow(arguments);
    REQUIRE(result.signal == 0);
    REQUIRE(result.exit_status == 2);
    REQUIRE_FALSE(result.err.empty());
  }
}

TEST_CASE("option help wraps only at spaces and commas, never inside a name") {
  // Names and examples in the options' descriptions, each of which must appear whole.
  const std::vector<std::pair<std::string, std::vector<std::string>>> whole{
      {"run",
       {"acute_occupancy_share,", "delayed_patients_mean,", "delayed_bed_days,",
        "avoided_admissions_total,", "cost_total)", "ed_waits_over_12h", "outputs.percentiles;",
        "services.acute.capacity=3200", "services.reablement.capacity=600:800:50"}},
      {"size", {"services.NAME.costs_gbp.place_day", "services.reablement.capacity",
                "acute_occupancy_share"}},
      {"compare", {"outputs.percentiles)"}}};
  for (const auto& [command, names] : whole) {
    const auto help = run_bedflow({command, "--help"});
    REQUIRE(help.exit_status == 0);
    const auto options = help.out.substr(help.out.find("Options:"));
    for (const auto& name : names) {
      INFO(command << ": " << name << "\n" << options);
      CHECK(options.find(name) != std::string::npos);
    }
    // And the wrapping still keeps every line within 80 characters.
    std::size_t start = 0;
    while (start < options.size()) {
      const auto end = std::min(options.find('\n', start), options.size());
      const auto line = options.substr(start, end - start);
      INFO(command << ": " << line);
      CHECK(line.size() <= 80);
      start = end + 1;
    }
  }
}
