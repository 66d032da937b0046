// Starting states: a census whose remaining stays are drawn given the time already spent,
// and warm-up days discarded from every statistic.
#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

TEST_CASE("census patients' remaining stays are drawn given the time already spent",
          "[census]") {
  // Acute stays are uniform on (0, 10) days. A patient already in for 6 days has a remaining
  // stay uniform on (0, 4) (mean 2), not a fresh stay (mean 5).
  Scenario s = basic_scenario(0.0, DistributionParams::uniform(0.0, 10.0));
  s.run.horizon_days = 10;
  s.cohorts[0].discharge_pathway = {0.5, 0.5, 0.0, 0.0};
  s.services.push_back(limited_service("reablement", ServiceKind::caseload, 0,
                                       DistributionParams::uniform(5.0, 15.0)));
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  const int in_treatment = 2000, fit = 100, in_reablement = 300;
  for (int i = 0; i < in_treatment; ++i) s.census.push_back({"acute", "general", 6.0, false});
  for (int i = 0; i < fit; ++i) s.census.push_back({"acute", "general", 12.0, true});
  for (int i = 0; i < in_reablement; ++i) {
    s.census.push_back({"reablement", "general", 10.0, false});
  }
  std::vector<double> acute_mean;
  for (std::uint32_t rep = 0; rep < 8; ++rep) {
    const ReplicationResult r = simulate_replication(s, 5, rep);
    const auto& acute = series(r, "acute", "occupancy").values;
    const auto& delayed = series(r, "system", "delayed_P1").values;
    const auto& reablement = series(r, "reablement", "occupancy").values;
    REQUIRE(acute.size() == 11);  // days 0..10
    CHECK(acute[0] == in_treatment + fit);
    CHECK(acute[3] > delayed[3]);       // some treatment left after 3 days
    CHECK(acute[4] == delayed[4]);      // none after 4: only the delayed remain
    CHECK(delayed.front() == fit);      // fit census patients wait for pathways 1-3 ...
    CHECK(delayed.back() >= fit);       // ... and reablement never has room for them
    CHECK(reablement[0] == in_reablement);
    CHECK(reablement[5] == 0.0);        // remaining reablement stays are at most 5 days
    // Treatment occupancy over the 10 days: in_treatment x E[remaining] / 10, plus the fit.
    acute_mean.push_back(scalar(r, "acute_mean_occupancy") -
                         scalar(r, "delayed_patients_mean"));
  }
  // Pathway 1 patients out of treatment join the delayed: subtracting the delayed mean
  // leaves the patients in treatment, whose expected mean is 2000 x 2 / 10.
  const auto ci = engine::confidence_interval(acute_mean, 0.999);
  const double expected = in_treatment * 2.0 / 10.0;
  INFO(ci.mean << " +- " << ci.half_width);
  CHECK(ci.lower() <= expected);
  CHECK(expected <= ci.upper());
}

TEST_CASE("warm-up days are discarded from every statistic", "[warmup]") {
  Scenario s = basic_scenario(50.0, DistributionParams::exponential(3.0));
  s.run.warmup_days = 30;
  s.run.horizon_days = 130;
  s.outputs.timeseries_every_hours = 12;
  std::vector<double> arrived;
  for (std::uint32_t rep = 0; rep < 10; ++rep) {
    const ReplicationResult r = simulate_replication(s, 8, rep);
    CHECK(r.series_start_days == 30.0);
    CHECK(r.series_step_days == 0.5);
    CHECK(series(r, "acute", "occupancy").values.size() == 201);
    CHECK(scalar(r, "patients_inside_start") > 0.0);
    arrived.push_back(scalar(r, "patients_arrived"));
  }
  // Arrivals counted over the 100 observed days only: Poisson with mean 5,000.
  const auto ci = engine::confidence_interval(arrived, 0.999);
  CHECK(ci.lower() <= 5000.0);
  CHECK(5000.0 <= ci.upper());
}

}  // namespace
}  // namespace bedflow::model::testing
