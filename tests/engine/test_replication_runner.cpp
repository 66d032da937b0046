// The replication runner: results independent of the thread count, each replication reported
// once, and the lowest failing replication's exception rethrown even when a higher one
// fails first.
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "bedflow/engine/queueing_station.hpp"
#include "bedflow/engine/replication_runner.hpp"

using namespace bedflow::engine;

namespace {
QueueingStationResult small_station(std::size_t replication) {
  QueueingStationConfig config;
  config.arrivals_per_day = 4.0;
  config.servers = 3;
  config.service = DistributionParams::lognormal_mean_sd(0.6, 0.8);
  config.horizon = 200 * kDay;
  config.warmup = 20 * kDay;
  config.seed = 99;
  config.replication = replication;
  return run_queueing_station(config);
}
}  // namespace

TEST_CASE("results are identical for 1, 2 and 8 threads", "[runner]") {
  constexpr std::size_t kFirst = 3, kCount = 12;
  std::vector<std::vector<QueueingStationResult>> by_threads;
  for (const unsigned threads : {1u, 2u, 8u}) {
    std::multiset<std::size_t> done;
    by_threads.push_back(run_replications<QueueingStationResult>(
        kFirst, kCount, threads, [](std::size_t i) { return small_station(i); },
        [&done](std::size_t i) { done.insert(i); }));
    INFO(threads << " threads");
    CHECK(done.size() == kCount);
    for (std::size_t i = kFirst; i < kFirst + kCount; ++i) CHECK(done.count(i) == 1);
  }
  REQUIRE(by_threads[0].size() == kCount);
  CHECK(by_threads[0] == by_threads[1]);
  CHECK(by_threads[0] == by_threads[2]);
  // Slot k holds replication first + k, computed on its own.
  CHECK(by_threads[0][4] == small_station(kFirst + 4));
  // Replications differ from each other (each has its own streams).
  CHECK_FALSE(by_threads[0][0] == by_threads[0][1]);
}

TEST_CASE("the lowest failing replication's exception is rethrown", "[runner]") {
  for (const unsigned threads : {1u, 2u, 8u}) {
    INFO(threads << " threads");
    auto run = [](std::size_t i) -> int {
      // Replication 5 fails late, 9 fails at once: with several threads 9 fails first in
      // time, yet 5 is the one reported.
      if (i == 5) {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        throw std::runtime_error("replication 5 failed");
      }
      if (i == 9) throw std::runtime_error("replication 9 failed");
      return static_cast<int>(i);
    };
    CHECK_THROWS_WITH(run_replications<int>(0, 16, threads, run), "replication 5 failed");
  }
}

TEST_CASE("runs with more threads than replications and with none to run", "[runner]") {
  const auto square = [](std::size_t i) { return static_cast<int>(i * i); };
  CHECK(run_replications<int>(2, 3, 8, square) == std::vector<int>{4, 9, 16});
  CHECK(run_replications<int>(0, 0, 4, square).empty());
  CHECK(run_replications<int>(1, 2, 0, square) == std::vector<int>{1, 4});
}

TEST_CASE("with a window, no replication starts that far past the oldest unfinished one",
          "[runner]") {
  // Replication 0 is slow; the others are instant. With a window of 2 on 3 threads, only
  // replication 1 may run (and finish) while 0 does, whatever the threads' timing.
  for (const std::size_t window : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
    INFO("window " << window);
    std::mutex mutex;
    std::vector<std::size_t> finished_order;
    std::size_t finished_before_zero = 0;
    const auto run = [&](std::size_t i) {
      if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(40));
      std::lock_guard lock(mutex);
      if (i == 0) finished_before_zero = finished_order.size();
      finished_order.push_back(i);
      return static_cast<int>(i);
    };
    const auto results = run_replications<int>(0, 12, 3, run, [](std::size_t) {}, window);
    CHECK(results.size() == 12);
    CHECK(finished_order.size() == 12);
    CHECK(finished_before_zero <= window - 1);
  }
}
