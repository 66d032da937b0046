// Elective ring-fencing: acute beds kept for one elective stream. Against closed forms: the
// ring-fenced beds with no general bed to overflow into are a loss system (Erlang B), and the
// emergency line sees the general beds only (Erlang C on them), whatever the ring-fenced
// beds hold; beds held behind the ring fence follow Little's law.
#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

constexpr std::uint32_t kRingFenceReplications = 30;


// One elective stream only: `rate` a day into `beds` acute beds, all ring-fenced.
Scenario ring_fenced_only(double rate, std::int64_t beds) {
  Scenario s = basic_scenario(rate, DistributionParams::lognormal_mean_sd(1.0, 0.8));
  s.run.warmup_days = 20;
  s.run.horizon_days = 420;
  s.services[0].capacity.base = beds;
  s.arrivals[0].name = "elective";
  s.arrivals[0].ring_fenced_beds = beds;
  s.arrivals[0].cancel_when_occupancy_above = 0.5;  // no general bed: cancelled when full
  return s;
}

TEST_CASE("ring-fenced beds with no general bed to overflow into are Erlang B",
          "[ring_fence][erlang]") {
  // 8 electives a day, lognormal stays of mean 1 day, 10 ring-fenced beds: M/G/10/10 with
  // 8 Erlangs offered. An elective finding every ring-fenced bed taken would need a general
  // bed; there is none (a share of 1 in use), so it is cancelled.
  const double rate = 8.0;
  const int beds = 10;
  const Scenario s = ring_fenced_only(rate, beds);
  std::vector<double> cancelled, held;
  for (std::uint32_t r = 0; r < kRingFenceReplications; ++r) {
    const ReplicationResult result = simulate_replication(s, 211, r);
    cancelled.push_back(scalar(result, "elective_cancellations") /
                        scalar(result, "arrivals_elective"));
    held.push_back(scalar(result, "ring_fenced_held_mean_acute"));
    CHECK(scalar(result, "ring_fenced_held_mean_acute") ==
          Approx(scalar(result, "acute_mean_occupancy")).epsilon(1e-9));
  }
  const double blocking = erlang_b(beds, rate);
  check_in_ci(cancelled, blocking, "cancelled share");
  check_in_ci(held, rate * (1.0 - blocking), "ring-fenced beds held (Little)");
}

TEST_CASE("the emergency line never reaches ring-fenced beds: Erlang C on the general beds",
          "[ring_fence][erlang]") {
  // Emergencies: 8 a day, exponential stays of 1 day, 10 general beds (M/M/10, 8 Erlangs).
  // Electives: 2 a day into 50 ring-fenced beds they never fill. Had the free ring-fenced
  // beds been open to emergencies, the emergency line would be all but empty.
  Scenario s = basic_scenario(8.0, DistributionParams::exponential(1.0));
  s.run.warmup_days = 20;
  s.run.horizon_days = 1020;
  s.services[0].capacity.base = 60;
  Cohort planned;
  planned.name = "planned";
  planned.acute_los_days = DistributionParams::exponential(1.0);
  s.cohorts.push_back(planned);
  ArrivalStream elective;
  elective.name = "elective";
  elective.rate_per_day = 2.0;
  elective.cohort_mix = {{"planned", 1.0}};
  elective.admit_to = "acute";
  elective.ring_fenced_beds = 50;
  s.arrivals.push_back(elective);
  const int c = 10;
  const double a = 8.0;
  const double line = erlang_c(c, a) * a / (c - a);  // Lq of the emergency line
  std::vector<double> queue, held;
  for (std::uint32_t r = 0; r < kRingFenceReplications; ++r) {
    const ReplicationResult result = simulate_replication(s, 223, r);
    queue.push_back(scalar(result, "queue_mean_acute"));
    held.push_back(scalar(result, "ring_fenced_held_mean_acute"));
  }
  check_in_ci(queue, line, "emergency line (Erlang C Lq)");
  check_in_ci(held, 2.0, "ring-fenced beds held (Little)");
}

TEST_CASE("a scenario without ring-fenced beds has no ring-fence measure",
          "[ring_fence]") {
  const Scenario s = basic_scenario(5.0, DistributionParams::exponential(1.0));
  const ReplicationResult result = simulate_replication(s, 1, 0);
  for (const auto& m : result.scalars) CHECK(m.name.rfind("ring_fenced", 0) != 0);
}

}  // namespace
}  // namespace bedflow::model::testing
