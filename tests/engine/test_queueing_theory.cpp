// The kernel against queueing theory. A QueueingStation is run for R independent
// replications (fixed seeds) and each measured quantity is compared with its exact
// steady-state value:
//   - M/M/c: mean wait in queue against Erlang C (and the line, the busy servers and the
//     number in system through their own formulas);
//   - M/G/c/c with lognormal stays: blocking probability against Erlang B, which depends on
//     the stay only through its mean (insensitivity), for two very different lognormals;
//   - M/G/infinity: mean number in system = arrival rate x mean stay;
//   - Little's law on every run in its exact finite-window form: the integral of the number
//     in system over the window equals the summed time customers spent inside the window
//     (L T = sum of W_i, in integer customer-seconds, so it must hold to the last bit); its
//     steady-state form L = lambda W enters through the M/M/c checks of the line and the
//     system against lambda x Wq and lambda x (Wq + E[S]), and through M/G/infinity;
//   - customers conserved on every run;
// on every queue implementation, which must also give identical results.
//
// How the tolerance is set. The replication means are i.i.d., so their Student-t 95%
// confidence interval is valid. A plain 95% interval misses the truth one time in twenty by
// design; with a few dozen such comparisons some would fail for some seed. Each comparison
// therefore accepts the theoretical value within TWICE the half-width (about 4.2 standard
// errors at 19 degrees of freedom, a false alarm rate near 5e-4 per comparison); the margin
// also absorbs the method's small known biases (finite warm-up from an empty start, times
// rounded to whole seconds, customers still waiting at the horizon missing from the wait
// tally), all far below one standard error here. So that a wide interval cannot hide a wrong
// model, each comparison also demands a precise run: the half-width must be below a stated
// fraction of the theoretical value (2% for busy servers and M/G/infinity, 5% for blocking,
// 6% for the mean wait, the noisiest), so an error of a few percent up to about twelve
// percent for the mean wait cannot pass.
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "bedflow/engine/queueing_station.hpp"
#include "bedflow/engine/replication_runner.hpp"
#include "bedflow/engine/statistics.hpp"
#include "queue_types.hpp"

using namespace bedflow::engine;

namespace {

constexpr std::size_t kReplications = 20;
constexpr unsigned kThreads = 2;

// Erlang B by the stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
double erlang_b(std::int64_t servers, double offered) {
  double b = 1.0;
  for (std::int64_t k = 1; k <= servers; ++k) b = offered * b / (static_cast<double>(k) + offered * b);
  return b;
}

// Erlang C (probability of waiting) from Erlang B: C = c B / (c - a (1 - B)), for a < c.
double erlang_c(std::int64_t servers, double offered) {
  const double b = erlang_b(servers, offered);
  const double c = static_cast<double>(servers);
  return c * b / (c - offered * (1.0 - b));
}

template <class Queue>
std::vector<QueueingStationResult> replicate(QueueingStationConfig config) {
  return run_replications<QueueingStationResult>(0, kReplications, kThreads, [config](std::size_t i) {
    QueueingStationConfig c = config;
    c.replication = i;
    return run_queueing_station<Queue>(c);
  });
}

std::vector<double> per_run(const std::vector<QueueingStationResult>& runs,
                            const std::function<double(const QueueingStationResult&)>& measure) {
  std::vector<double> values;
  values.reserve(runs.size());
  for (const auto& r : runs) values.push_back(measure(r));
  return values;
}

// The comparison described at the top of the file. `precision` is the largest half-width
// allowed, as a fraction of `scale` (the theoretical value, or a reference size when the
// theoretical value is 0).
void check_theory(const std::string& what, const std::vector<double>& values, double theory,
                  double precision, double scale) {
  const ConfidenceInterval ci = confidence_interval(values);
  INFO(what << ": theory " << theory << ", replication mean " << ci.mean << " +/- "
            << ci.half_width << " (95%, n = " << ci.n << ")");
  CHECK(ci.half_width <= precision * scale);
  CHECK(std::abs(ci.mean - theory) <= 2.0 * ci.half_width);
}
void check_theory(const std::string& what, const std::vector<double>& values, double theory,
                  double precision) {
  check_theory(what, values, theory, precision, theory);
}

// Conservation and the exact finite-window Little identity, on every run.
void check_every_run(const std::vector<QueueingStationResult>& runs) {
  for (std::size_t i = 0; i < runs.size(); ++i) {
    INFO("replication " << i);
    const auto& r = runs[i];
    CHECK(r.arrived == r.served + r.blocked + r.inside_at_end());
    CHECK(r.area_in_system == static_cast<double>(r.presence_in_window));
    CHECK(r.peak_slots == r.peak_inside);
  }
}

}  // namespace

TEMPLATE_TEST_CASE("M/M/c mean wait agrees with Erlang C", "[theory]", BEDFLOW_ALL_QUEUES) {
  // c = 3 servers, lambda = 2.1 a day, mean service 1 day: offered load 2.1, utilisation 0.7
  // (busy enough that most customers wait, calm enough that 20 runs pin the mean wait down).
  constexpr std::int64_t kServers = 3;
  constexpr double kLambda = 2.1, kMeanService = 1.0;
  const double offered = kLambda * kMeanService;
  const double wait = erlang_c(kServers, offered) * kMeanService /
                      (static_cast<double>(kServers) - offered);
  QueueingStationConfig config;
  config.arrivals_per_day = kLambda;
  config.servers = kServers;
  config.service = DistributionParams::exponential(kMeanService);
  config.warmup = 100 * kDay;
  config.horizon = config.warmup + 8000 * kDay;
  config.seed = 2026;
  const auto runs = replicate<TestType>(config);
  check_every_run(runs);
  for (const auto& r : runs) CHECK(r.blocked == 0);

  check_theory("mean wait in queue (days)", per_run(runs, [](const auto& r) { return r.mean_wait_days; }),
               wait, 0.06);
  check_theory("mean number waiting", per_run(runs, [](const auto& r) { return r.mean_waiting; }),
               kLambda * wait, 0.06);
  check_theory("mean busy servers", per_run(runs, [](const auto& r) { return r.mean_in_service; }),
               offered, 0.02);
  check_theory("mean number in system",
               per_run(runs, [](const auto& r) { return r.mean_in_system; }),
               kLambda * (wait + kMeanService), 0.04);
}

TEMPLATE_TEST_CASE("M/G/c/c blocking with lognormal stays agrees with Erlang B", "[theory]",
                   BEDFLOW_ALL_QUEUES) {
  // c = 10, lambda = 8 a day, mean stay 1 day: offered load 8. Erlang B holds whatever the
  // stay's shape, so a tight and a very skewed lognormal must both give it.
  constexpr std::int64_t kServers = 10;
  constexpr double kLambda = 8.0, kMeanStay = 1.0;
  const double offered = kLambda * kMeanStay;
  const double blocking = erlang_b(kServers, offered);
  for (const double sd : {0.5, 2.0}) {
    INFO("lognormal stay, mean 1 day, sd " << sd << " days");
    QueueingStationConfig config;
    config.arrivals_per_day = kLambda;
    config.servers = kServers;
    config.service = DistributionParams::lognormal_mean_sd(kMeanStay, sd);
    config.rule = WaitingRule::loss;
    config.warmup = 50 * kDay;
    config.horizon = config.warmup + 1500 * kDay;
    config.seed = 1955;
    const auto runs = replicate<TestType>(config);
    check_every_run(runs);
    for (const auto& r : runs) CHECK(r.waiting_at_end == 0);

    check_theory("blocking probability", per_run(runs, [](const auto& r) {
                   return static_cast<double>(r.window_blocked) / static_cast<double>(r.window_arrived);
                 }),
                 blocking, 0.05);
    check_theory("carried load (busy servers)",
                 per_run(runs, [](const auto& r) { return r.mean_in_service; }),
                 offered * (1.0 - blocking), 0.02);
  }
}

TEMPLATE_TEST_CASE("M/G/infinity mean number in system is lambda x mean stay", "[theory]",
                   BEDFLOW_ALL_QUEUES) {
  constexpr double kLambda = 20.0, kMeanStay = 2.0;
  QueueingStationConfig config;
  config.arrivals_per_day = kLambda;
  config.servers = kUnlimitedServers;
  config.service = DistributionParams::lognormal_mean_sd(kMeanStay, 3.0);
  config.warmup = 60 * kDay;
  config.horizon = config.warmup + 500 * kDay;
  config.seed = 1917;
  const auto runs = replicate<TestType>(config);
  check_every_run(runs);
  for (const auto& r : runs) {
    CHECK(r.waiting_at_end == 0);
    CHECK(r.max_wait_days == 0.0);
  }
  check_theory("mean number in system", per_run(runs, [](const auto& r) { return r.mean_in_system; }),
               kLambda * kMeanStay, 0.02);
  check_theory("mean time in system (days)",
               per_run(runs, [](const auto& r) { return r.mean_sojourn_days; }), kMeanStay, 0.02);
}

TEST_CASE("theory runs are identical on every queue implementation", "[theory]") {
  QueueingStationConfig config;
  config.arrivals_per_day = 2.4;
  config.servers = 3;
  config.service = DistributionParams::lognormal_mean_sd(1.0, 1.5);
  config.warmup = 100 * kDay;
  config.horizon = config.warmup + 1000 * kDay;
  config.seed = 2026;
  const auto binary = replicate<BinaryHeapQueue>(config);
  CHECK(binary == replicate<QuaternaryHeapQueue>(config));
  CHECK(binary == replicate<ReferenceQueue>(config));
  CHECK(binary == replicate<BinaryHeapQueue>(config));
}
