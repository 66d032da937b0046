// The queueing station's bookkeeping: conservation, recycled customer slots, the exact
// finite-window Little identity, reproducibility bit for bit on every queue implementation,
// the loss rule and configuration errors. (Its agreement with queueing theory is in
// test_queueing_theory.cpp.)
#include <stdexcept>

#include <catch2/catch.hpp>

#include "bedflow/engine/queueing_station.hpp"
#include "queue_types.hpp"

using namespace bedflow::engine;

namespace {
QueueingStationConfig busy_station(std::uint64_t replication) {
  QueueingStationConfig config;
  config.arrivals_per_day = 9.5;
  config.servers = 10;  // utilisation 0.95: long lines build up and clear
  config.service = DistributionParams::exponential(1.0);
  config.warmup = 30 * kDay;
  config.horizon = 2000 * kDay;
  config.seed = 7;
  config.replication = replication;
  return config;
}

void check_bookkeeping(const QueueingStationResult& r, const QueueingStationConfig& config) {
  CHECK(r.arrived == r.served + r.blocked + r.inside_at_end());
  CHECK(r.area_in_system == static_cast<double>(r.presence_in_window));
  CHECK(r.peak_slots == r.peak_inside);
  CHECK(r.in_service_at_end <= static_cast<std::uint64_t>(config.servers));
  if (config.rule == WaitingRule::fifo_line) CHECK(r.blocked == 0);
  if (config.rule == WaitingRule::loss) {
    CHECK(r.waiting_at_end == 0);
    CHECK(r.max_wait_days == 0.0);
  }
  // Every processed event is an arrival, a departure or the warm-up mark.
  CHECK(r.events_processed == r.arrived + r.served + (config.warmup > 0 ? 1 : 0));
  CHECK(r.window_days == to_days(config.horizon - config.warmup));
}
}  // namespace

TEMPLATE_TEST_CASE("customers are conserved and slots recycled", "[station]", BEDFLOW_ALL_QUEUES) {
  const QueueingStationConfig config = busy_station(1);
  QueueingStation<TestType> station(config);
  const QueueingStationResult r = station.run();
  check_bookkeeping(r, config);
  CHECK(station.peak_slots() == r.peak_slots);
  // Memory follows the customers inside, not the customers simulated: ~19,000 arrive,
  // never more than a few hundred are inside at once.
  CHECK(r.arrived > 15'000);
  CHECK(r.peak_slots * 20 < r.arrived);
  CHECK(r.mean_in_system == Approx(r.mean_in_service + r.mean_waiting).epsilon(1e-12));
  CHECK_THROWS_AS(station.run(), std::logic_error);
}

TEST_CASE("same seed, same results bit for bit, on every queue implementation", "[station]") {
  for (const WaitingRule rule : {WaitingRule::fifo_line, WaitingRule::loss}) {
    QueueingStationConfig config = busy_station(4);
    config.rule = rule;
    config.service = DistributionParams::lognormal_mean_sd(1.0, 1.5);
    const auto binary = run_queueing_station<BinaryHeapQueue>(config);
    const auto quaternary = run_queueing_station<QuaternaryHeapQueue>(config);
    const auto reference = run_queueing_station<ReferenceQueue>(config);
    check_bookkeeping(binary, config);
    CHECK(binary == run_queueing_station<BinaryHeapQueue>(config));
    CHECK(binary == quaternary);
    CHECK(binary == reference);
    QueueingStationConfig other = config;
    other.seed += 1;
    CHECK_FALSE(binary == run_queueing_station<BinaryHeapQueue>(other));
    other = config;
    other.replication += 1;
    CHECK_FALSE(binary == run_queueing_station<BinaryHeapQueue>(other));
  }
}

TEST_CASE("common random numbers: more servers, same customers", "[station]") {
  // Arrivals come from their own stream, so a change of capacity leaves them untouched.
  QueueingStationConfig config = busy_station(2);
  const auto tight = run_queueing_station(config);
  config.servers = 12;
  const auto roomy = run_queueing_station(config);
  CHECK(tight.arrived == roomy.arrived);
  CHECK(tight.window_arrived == roomy.window_arrived);
  CHECK(roomy.mean_wait_days < tight.mean_wait_days);
}

TEST_CASE("the loss rule turns away whoever finds every server busy", "[station]") {
  QueueingStationConfig config = busy_station(3);
  config.rule = WaitingRule::loss;
  config.servers = 2;  // heavily overloaded: most are turned away
  const auto r = run_queueing_station(config);
  check_bookkeeping(r, config);
  CHECK(r.blocked > r.served);
  CHECK(r.window_blocked <= r.blocked);
  CHECK(r.mean_waiting == 0.0);
  CHECK(r.mean_wait_days == 0.0);
  CHECK(r.mean_in_service <= 2.0);
}

TEST_CASE("the warm-up is excluded from window statistics", "[station]") {
  QueueingStationConfig config = busy_station(5);
  config.warmup = 0;
  const auto whole = run_queueing_station(config);
  check_bookkeeping(whole, config);
  CHECK(whole.window_arrived == whole.arrived);
  config.warmup = config.horizon / 2;
  const auto half = run_queueing_station(config);
  check_bookkeeping(half, config);
  CHECK(half.arrived == whole.arrived);
  CHECK(half.window_arrived < whole.arrived);
  CHECK(half.window_arrived > whole.arrived / 3);
}

TEST_CASE("bad configurations are refused", "[station]") {
  QueueingStationConfig config;
  config.arrivals_per_day = 0.0;
  CHECK_THROWS_AS(QueueingStation<>(config), std::invalid_argument);
  config = {};
  config.servers = 0;
  CHECK_THROWS_AS(QueueingStation<>(config), std::invalid_argument);
  config = {};
  config.warmup = config.horizon + 1;
  CHECK_THROWS_AS(QueueingStation<>(config), std::invalid_argument);
  config = {};
  config.service = DistributionParams::exponential(-1.0);
  CHECK_THROWS_AS(QueueingStation<>(config), DistributionError);
}
