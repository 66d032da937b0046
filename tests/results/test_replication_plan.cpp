// Replications on threads: identical results for any thread count; precision mode.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "bedflow/results/replication_plan.hpp"
#include "bedflow/results/write_results.hpp"
#include "fake_results.hpp"

using namespace bedflow;

namespace {

// A replication with enough work that threads really interleave.
model::ReplicationResult simulate(std::uint32_t replication) {
  auto result = test::fake_replication(99, replication, true);
  engine::RandomStream stream(99, replication, engine::stream_id("work"));
  double sum = 0.0;
  for (int k = 0; k < 20000; ++k) sum += stream.uniform01();
  result.scalars.push_back({"work", "units", sum, false});
  return result;
}

}  // namespace

TEST_CASE("results files are byte-identical for 1, 2 and 8 threads") {
  std::string reference;
  for (unsigned threads : {1u, 2u, 8u}) {
    std::uint32_t progress_calls = 0;
    results::ReplicationPlan plan;
    plan.replications = 24;
    plan.threads = threads;
    auto outcome = results::run_replication_plan(
        plan, simulate, [&](const results::ProgressUpdate& update) {
          ++progress_calls;
          REQUIRE(update.done == progress_calls);
          REQUIRE(update.planned == 24);
        });
    REQUIRE(progress_calls == 24);
    auto file = test::fake_file(99, 0);
    file.metadata.replications = 24;
    file.variants.front().replications = std::move(outcome.replications);
    const auto path = test::scratch_path("threads_" + std::to_string(threads) + ".h5");
    results::write_results_file(path, file);
    const auto bytes = test::file_bytes(path);
    REQUIRE(bytes.size() > 1000);
    if (reference.empty()) {
      reference = bytes;
    } else {
      REQUIRE(bytes == reference);
    }
  }
}

TEST_CASE("precision mode stops once every headline measure is precise enough") {
  results::ReplicationPlan plan;
  plan.replications = 3;
  plan.threads = 2;
  plan.precision = 0.005;
  plan.max_replications = 500;
  const auto outcome = results::run_replication_plan(plan, simulate);
  REQUIRE(outcome.precision_reached);
  const auto summaries = results::summarise_measures(outcome.replications);
  for (const auto& s : summaries) {
    if (!s.headline || s.ci.mean == 0.0) continue;
    REQUIRE(s.ci.half_width <= plan.precision * std::abs(s.ci.mean));
  }
  // Stopping is sequential: the first batch (at least the pilot's) was not enough.
  REQUIRE(outcome.replications.size() > results::kPilotReplications);
  // The count is decided by the results alone, not by the threads.
  plan.threads = 1;
  REQUIRE(results::run_replication_plan(plan, simulate).replications.size() ==
          outcome.replications.size());
}

TEST_CASE("precision mode respects its cap and says the target was missed") {
  results::ReplicationPlan plan;
  plan.replications = 2;
  plan.threads = 2;
  plan.precision = 1e-6;
  plan.max_replications = 9;
  const auto outcome = results::run_replication_plan(plan, simulate);
  REQUIRE_FALSE(outcome.precision_reached);
  REQUIRE(outcome.replications.size() == 9);
  REQUIRE_FALSE(outcome.last_check.not_reached.empty());
}

TEST_CASE("precision mode judges from a pilot batch, not from two equal values") {
  // A rare count: 1 in the first two replications, then 0 or 1. From two values the
  // interval is zero wide and any target looks met; the pilot batch of 10 sees the spread.
  auto rare = [](std::uint32_t replication) {
    auto result = test::fake_replication(7, replication, false);
    const double count = replication < 2 ? 1.0 : static_cast<double>(replication % 2);
    result.scalars.push_back({"rare_events", "patients", count, false});
    return result;
  };
  results::ReplicationPlan plan;
  plan.replications = 2;
  plan.precision = 0.05;
  plan.precision_measures = {"rare_events"};
  plan.max_replications = 40;
  const auto outcome = results::run_replication_plan(plan, rare);
  REQUIRE(outcome.replications.size() >= results::kPilotReplications);
  REQUIRE_FALSE(outcome.precision_reached);
  REQUIRE(outcome.last_check.not_reached == std::vector<std::string>{"rare_events"});
  // A cap below the pilot is still obeyed, and so few replications never reach a target,
  // even for a measure that is the same in all of them.
  plan.max_replications = 4;
  const auto capped = results::run_replication_plan(plan, rare);
  REQUIRE(capped.replications.size() == 4);
  REQUIRE_FALSE(capped.precision_reached);
  plan.precision_measures = {"work"};
  plan.replications = 4;
  REQUIRE_FALSE(results::run_replication_plan(plan, simulate).precision_reached);
}

TEST_CASE("the next total grows with the shortfall, at most doubling, within the cap") {
  REQUIRE(results::next_replication_total(10, 1.2, 1000) == 15);   // 10 x 1.44 -> 15
  REQUIRE(results::next_replication_total(10, 5.0, 1000) == 20);   // doubling at most
  REQUIRE(results::next_replication_total(10, 1.0001, 1000) == 11);
  REQUIRE(results::next_replication_total(10, 5.0, 12) == 12);
}
