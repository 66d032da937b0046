// An acute service's own discharge pathways: each trust discharges into its own community
// services, the scenario's pathways applying where a trust does not say otherwise.
#include <map>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

// Two trusts, every patient on pathway P1. The scenario's P1 leads to `reablement_b`; trust
// A's own P1 leads to `reablement_a` after a fixed 2-day assessment.
Scenario two_trusts() {
  Scenario s = basic_scenario(20.0, DistributionParams::exponential(3.0));
  s.run.horizon_days = 60;
  s.cohorts[0].discharge_pathway = {0.0, 1.0, 0.0, 0.0};
  s.arrivals[0].name = "emergency_a";
  s.arrivals[0].admit_to = "acute_a";
  ArrivalStream b = s.arrivals[0];
  b.name = "emergency_b";
  b.rate_per_day = 5.0;
  b.admit_to = "acute_b";
  s.arrivals.push_back(b);
  Service acute_a = unlimited_service("acute_a", ServiceKind::acute);
  acute_a.discharge_pathways[1].to = "reablement_a";
  acute_a.discharge_pathways[1].assessment_days = DistributionParams::fixed(2.0);
  const Service acute_b = unlimited_service("acute_b", ServiceKind::acute);
  s.services = {acute_a, acute_b,
                unlimited_service("reablement_a", ServiceKind::caseload, DistributionParams::fixed(10.0)),
                unlimited_service("reablement_b", ServiceKind::caseload, DistributionParams::fixed(10.0))};
  s.discharge_pathways[1] = {"reablement_b", DistributionParams::fixed(0.0)};
  s.outputs.patient_events = true;
  return s;
}

}  // namespace

TEST_CASE("each acute service discharges along its own pathways, inheriting what it does not "
          "override", "[discharge][trusts]") {
  const Scenario s = two_trusts();
  REQUIRE(check_network(s).empty());
  const ReplicationResult r = simulate_replication(s, 5, 0);
  std::map<std::uint32_t, std::string> trust;        // patient -> acute service admitting it
  std::map<std::uint32_t, double> fit_at;            // patient -> day medically fit
  std::map<std::string, int> entered;                // "acute_a->reablement_a" -> patients
  for (const auto& e : test::named_events(r)) {
    if (e.event == "admit") trust[e.patient] = e.service;
    if (e.event == "medically_fit") fit_at[e.patient] = e.time_days;
    if (e.event == "enter") {
      REQUIRE(trust.count(e.patient) == 1);
      ++entered[trust[e.patient] + "->" + e.service];
      // Trust A's assessment is its own (2 days); trust B's is the scenario's (none).
      const double assessment = trust[e.patient] == "acute_a" ? 2.0 : 0.0;
      CHECK(e.time_days - fit_at.at(e.patient) == Approx(assessment).margin(1e-9));
    }
  }
  CHECK(entered["acute_a->reablement_b"] == 0);
  CHECK(entered["acute_b->reablement_a"] == 0);
  // Both flows happened (about 20 x 60 and 5 x 60 admissions less those still in hospital).
  CHECK(entered["acute_a->reablement_a"] > 500);
  CHECK(entered["acute_b->reablement_b"] > 100);
}

TEST_CASE("a trust's own pathway feeds only its own community service (M/G/infinity loads)",
          "[discharge][trusts]") {
  Scenario s = two_trusts();
  s.outputs.patient_events = false;
  s.run.warmup_days = 20;  // past the longest path (exponential treatment, 2 + 10 days)
  s.run.horizon_days = 120;
  // Offered loads: rate x stay = 20 x 10 = 200 and 5 x 10 = 50 places.
  const auto a = over_replications(s, 20, "occupancy_mean_reablement_a");
  const auto b = over_replications(s, 20, "occupancy_mean_reablement_b");
  const auto ci_a = engine::confidence_interval(a, 0.999);
  const auto ci_b = engine::confidence_interval(b, 0.999);
  INFO("reablement_a " << ci_a.mean << " +- " << ci_a.half_width);
  INFO("reablement_b " << ci_b.mean << " +- " << ci_b.half_width);
  CHECK(ci_a.lower() <= 200.0);
  CHECK(200.0 <= ci_a.upper());
  CHECK(ci_b.lower() <= 50.0);
  CHECK(50.0 <= ci_b.upper());
}

}  // namespace bedflow::model::testing
