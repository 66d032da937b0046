// Several acute trusts in one scenario: four identical trusts, each with its own arrival
// streams, acute beds, escalation, urgent community response and step-up virtual ward, and
// sharing only unlimited services (which cannot couple them), are four independent copies
// of one trust. So each trust's measures have the single trust's distribution and the
// system's totals are four times the single trust's. Compared over independent
// replications (different seeds) with Welch's two-sample 99% confidence interval.
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

constexpr std::uint32_t kReplications = 40;
constexpr double kLevel = 0.99;

std::string named(const char* what, int trust) { return what + std::to_string(trust); }

Cohort cohort(const char* name, DistributionParams los, std::array<double, 4> pathways) {
  Cohort c;
  c.name = name;
  c.acute_los_days = std::move(los);
  c.discharge_pathway = pathways;
  c.readmission.within_days = 30;
  c.readmission.probability = 0.08;
  return c;
}

// One trust's own services and streams, suffixed `_<trust>`.
void add_trust(Scenario& s, int trust, double emergency_per_day) {
  Service acute;
  acute.name = named("acute_", trust);
  acute.kind = ServiceKind::acute;
  acute.capacity.base = 128;
  acute.escalation = {{6, 0.95, 0.90}};
  s.services.push_back(acute);

  Service ucr;
  ucr.name = named("ucr_", trust);
  ucr.kind = ServiceKind::urgent_community_response;
  ucr.urgent_response = UrgentResponse{};
  ucr.urgent_response->capacity_per_day = 3;
  ucr.urgent_response->success_probability = 0.7;
  s.services.push_back(ucr);

  Service ward = limited_service(named("virtual_ward_", trust), ServiceKind::virtual_ward, 6);
  ward.step_up = StepUp{DistributionParams::exponential(4.0), 0.1};
  s.services.push_back(ward);

  ArrivalStream emergency;
  emergency.name = named("emergency_", trust);
  emergency.rate_per_day = emergency_per_day;
  emergency.profiles = {"weekday"};
  emergency.cohort_mix = {{"frail", 0.3}, {"adult", 0.7}};
  emergency.avoidable_share = {{"frail", 0.2}, {"adult", 0.08}};
  emergency.alternatives = {ucr.name, ward.name};
  emergency.admit_to = acute.name;
  s.arrivals.push_back(emergency);

  ArrivalStream elective;
  elective.name = named("elective_", trust);
  elective.rate_per_day = 5;
  elective.weekdays_only = true;
  elective.cohort_mix = {{"planned", 1.0}};
  elective.admit_to = acute.name;
  elective.cancel_when_occupancy_above = 0.97;
  s.arrivals.push_back(elective);
}

// `trusts` trusts, all alike except trust `different`, whose emergency rate is scaled by
// `factor`; they share an unlimited reablement service (pathway 1) and an unlimited
// step-down ward, so no trust ever waits for another.
Scenario trusts_scenario(int trusts, int different = 0, double factor = 1.0) {
  Scenario s;
  s.run.start = Date{2026, 10, 5};
  s.run.horizon_days = 160;
  s.run.warmup_days = 40;
  Profile weekday;
  weekday.name = "weekday";
  weekday.kind = Profile::Kind::weekly;
  weekday.factors = {1.10, 1.03, 1.00, 0.99, 1.00, 0.94, 0.94};
  s.profiles = {weekday};
  s.cohorts = {cohort("frail", DistributionParams::lognormal_mean_sd(6.0, 7.0), {0.6, 0.3, 0.1, 0}),
               cohort("adult", DistributionParams::lognormal_mean_sd(2.5, 3.0), {0.9, 0.1, 0, 0}),
               cohort("planned", DistributionParams::gamma_mean_sd(3.0, 2.0), {1, 0, 0, 0})};
  for (int t = 1; t <= trusts; ++t) add_trust(s, t, 24.0 * (t == different ? factor : 1.0));
  s.services.push_back(unlimited_service("reablement", ServiceKind::caseload,
                                         DistributionParams::lognormal_mean_sd(10.0, 6.0)));
  Service step_down = unlimited_service("step_down_ward", ServiceKind::virtual_ward);
  step_down.step_down = StepDown{2.0, {"frail"}, DistributionParams::exponential(3.0)};
  s.services.push_back(step_down);
  s.discharge_pathways[0] = {kHome, DistributionParams::triangular(0.0, 0.25, 0.8)};
  s.discharge_pathways[1] = {"reablement", DistributionParams::triangular(1.0, 2.0, 5.0)};
  s.discharge_pathways[2] = {kHome, DistributionParams::fixed(3.0)};
  s.discharge_pathways[3] = {kHome, DistributionParams::fixed(3.0)};
  return s;
}

struct Runs {
  std::vector<ReplicationResult> results;
  std::vector<double> values(const std::string& name) const {
    std::vector<double> v;
    for (const auto& r : results) v.push_back(scalar(r, name));
    return v;
  }
};

Runs run(const Scenario& s, std::uint64_t seed) {
  REQUIRE(check_network(s).empty());
  Runs runs;
  for (std::uint32_t r = 0; r < kReplications; ++r)
    runs.results.push_back(simulate_replication(s, seed, r));
  return runs;
}

// mean(a) - k x mean(b) and the half-width of its 99% CI (Welch: independent samples,
// unequal variances, Welch-Satterthwaite degrees of freedom).
struct Difference {
  double value = 0.0;
  double half_width = 0.0;
};

Difference difference(const std::vector<double>& a, const std::vector<double>& b, double k) {
  const auto ca = engine::confidence_interval(a, kLevel);
  const auto cb = engine::confidence_interval(b, kLevel);
  const double va = ca.sd * ca.sd / static_cast<double>(ca.n);
  const double vb = k * k * cb.sd * cb.sd / static_cast<double>(cb.n);
  const double df = (va + vb) * (va + vb) /
                    (va * va / static_cast<double>(ca.n - 1) +
                     vb * vb / static_cast<double>(cb.n - 1));
  const auto whole = static_cast<std::size_t>(std::max(1.0, std::floor(df)));
  return {ca.mean - k * cb.mean, engine::student_t_critical(whole, kLevel) * std::sqrt(va + vb)};
}

void check_within(const Runs& four, const std::string& four_name, const Runs& one,
                  const std::string& one_name, double k) {
  const Difference d = difference(four.values(four_name), one.values(one_name), k);
  INFO(four_name << " - " << k << " x " << one_name << " = " << d.value << " +- "
                 << d.half_width);
  CHECK(d.half_width > 0.0);
  CHECK(std::abs(d.value) <= d.half_width);
}

TEST_CASE("four identical trusts are four copies of one trust: each trust's occupancy as the "
          "single trust's, the system's totals four times its", "[trusts]") {
  const Runs one = run(trusts_scenario(1), 101);
  const Runs four = run(trusts_scenario(4), 202);
  // Per trust: its own acute beds and its own step-up virtual ward.
  for (int t = 1; t <= 4; ++t) {
    check_within(four, named("occupancy_mean_acute_", t), one, "occupancy_mean_acute_1", 1.0);
    check_within(four, named("occupancy_mean_virtual_ward_", t), one,
                 "occupancy_mean_virtual_ward_1", 1.0);
    check_within(four, named("avoided_admissions_ucr_", t), one, "avoided_admissions_ucr_1", 1.0);
  }
  // The system: sums over the four trusts (and the shared unlimited services' loads).
  for (const char* total :
       {"acute_mean_occupancy", "patients_arrived", "admissions_total", "readmissions",
        "avoided_admissions_total", "elective_cancellations", "escalation_beds_mean_open",
        "delayed_patients_mean", "occupancy_mean_reablement", "occupancy_mean_step_down_ward"}) {
    check_within(four, total, one, total, 4.0);
  }
  // The comparison has something to compare: the trusts are busy enough to open escalation
  // beds and cancel electives, which depend on each trust's own occupancy.
  CHECK(engine::confidence_interval(one.values("elective_cancellations")).mean > 0.0);
  CHECK(engine::confidence_interval(one.values("escalation_beds_mean_open")).mean > 0.5);
  CHECK(engine::confidence_interval(one.values("step_down_acute_days_saved")).mean > 0.0);
}

TEST_CASE("the identical-trusts comparison detects a trust 5% busier than the others",
          "[trusts]") {
  // The same test must fail when one trust is not a copy: trust 3 has 5% more emergency
  // arrivals (about 5 more occupied beds), well outside the 99% interval.
  const Runs one = run(trusts_scenario(1), 101);
  const Runs four = run(trusts_scenario(4, 3, 1.05), 202);
  const Difference busier =
      difference(four.values("occupancy_mean_acute_3"), one.values("occupancy_mean_acute_1"), 1);
  INFO(busier.value << " +- " << busier.half_width);
  CHECK(busier.value > busier.half_width);
  // The others are still copies: the difference is trust 3's alone.
  for (int t : {1, 2, 4})
    check_within(four, named("occupancy_mean_acute_", t), one, "occupancy_mean_acute_1", 1.0);
}

}  // namespace
}  // namespace bedflow::model::testing
