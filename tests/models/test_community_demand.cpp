// Demand on community services from the community (arrival streams admitting to a
// non-acute service) and loss services (when_full: turn_away), against theory: Erlang B for
// a loss service (M/G/c/c, insensitive to the stay's distribution), M/G/infinity for two
// streams sharing an unlimited service, and common random numbers for the competition
// between hospital discharges and community referrals for the same places.
#include <algorithm>
#include <map>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

void check_inside(const std::vector<double>& values, double expected, const char* what) {
  const auto ci = ci99(values);
  INFO(what << ": " << ci.mean << " +- " << ci.half_width << " (99%), expected " << expected);
  CHECK(ci.half_width > 0.0);
  CHECK(ci.lower() <= expected);
  CHECK(expected <= ci.upper());
}

TEST_CASE("a loss service fed from the community blocks as Erlang B (M/G/c/c)", "[loss]") {
  // 10 intermediate care beds, 8 referrals a day, lognormal stays of mean 1 day and sd 1.5
  // (far from exponential): offered load 8, blocking B(10, 8) whatever the stay's shape.
  Scenario s = basic_scenario(0.0, DistributionParams::exponential(2.0));
  s.run.warmup_days = 20;
  s.run.horizon_days = 420;
  Service ward = limited_service("intermediate_care", ServiceKind::beds, 10,
                                 DistributionParams::lognormal_mean_sd(1.0, 1.5));
  ward.when_full = WhenFull::turn_away;
  s.services.push_back(ward);
  s.arrivals.push_back(community_stream("gp_referrals", 8.0, "intermediate_care"));
  const double blocking = erlang_b(10, 8.0);
  std::vector<double> share, occupancy;
  for (std::uint32_t rep = 0; rep < 20; ++rep) {
    const ReplicationResult r = simulate_replication(s, 31, rep);
    share.push_back(scalar(r, "blocking_share_intermediate_care"));
    occupancy.push_back(scalar(r, "occupancy_mean_intermediate_care"));
    CHECK(series(r, "intermediate_care", "queue").values ==
          std::vector<double>(series(r, "intermediate_care", "queue").values.size(), 0.0));
    CHECK(scalar(r, "turned_away_intermediate_care") > 0.0);
    CHECK(scalar(r, "admissions_total") == 0.0);  // no one from the community was admitted
  }
  check_inside(share, blocking, "blocking_share_intermediate_care");
  // Carried load (Little's law): a (1 - B).
  check_inside(occupancy, 8.0 * (1.0 - blocking), "occupancy_mean_intermediate_care");
}

TEST_CASE("patients routed to a full loss service go on to its if_turned_away destination",
          "[loss]") {
  // Pathway 2 leads to 4 intermediate care beds that turn people away to reablement.
  Scenario s = basic_scenario(20.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 120;
  s.outputs.patient_events = true;
  add_loss_ward_on_pathway_2(s);
  const ReplicationResult r = simulate_replication(s, 4, 0);
  int reablement_entries = 0, queued = 0;
  for (const auto& e : test::named_events(r)) {
    if (e.event == "enter" && e.service == "reablement") ++reablement_entries;
    if (e.event == "wait_for_place") ++queued;
  }
  CHECK(queued == 0);  // nobody waits for a loss service
  CHECK(reablement_entries > 0);
  CHECK(static_cast<double>(reablement_entries) == scalar(r, "turned_away_intermediate_care"));
  // Every pathway 2 patient leaves the acute bed after its one-day assessment: no queue.
  // The delays that ended are those minus the ones still open at the end.
  const double counted = scalar(r, "delays_counted_P2");
  const double open = scalar(r, "delayed_at_end_P2");
  const double ended_mean = (scalar(r, "discharge_delay_mean_days_P2") * counted -
                             scalar(r, "open_delay_mean_days_P2") * open) / (counted - open);
  CHECK(ended_mean == Approx(1.0).epsilon(1e-9));
  // Each ended delay was one patient offered to the loss service.
  const double offered = scalar(r, "turned_away_intermediate_care") /
                         scalar(r, "blocking_share_intermediate_care");
  CHECK(offered == Approx(counted - open));
}

// Reablement taking pathway 1 discharges (10 a day, 5-day stays) and community referrals.
Scenario shared_reablement(double community_rate, std::int64_t capacity) {
  Scenario s = basic_scenario(20.0, DistributionParams::gamma_mean_sd(3.0, 2.0));
  s.run.warmup_days = 50;
  s.run.horizon_days = 350;
  s.cohorts[0].discharge_pathway = {0.5, 0.5, 0.0, 0.0};
  Service reablement = limited_service("reablement", ServiceKind::caseload, capacity,
                                       DistributionParams::exponential(5.0));
  if (capacity >= kUnlimitedCapacity) reablement.capacity.base = kUnlimitedCapacity;
  s.services.push_back(reablement);
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  s.arrivals.push_back(community_stream("gp_referrals", community_rate, "reablement"));
  return s;
}

TEST_CASE("community referrals and discharges share reablement: occupancy is the total load",
          "[community]") {
  // Unlimited: M/G/infinity, occupancy = (20 x 0.5 + 4) a day x 5 days = 70.
  const Scenario s = shared_reablement(4.0, kUnlimitedCapacity);
  std::vector<double> occupancy;
  for (std::uint32_t rep = 0; rep < 15; ++rep) {
    const ReplicationResult r = simulate_replication(s, 57, rep);
    occupancy.push_back(scalar(r, "occupancy_mean_reablement"));
    CHECK(scalar(r, "patients_arrived") + scalar(r, "patients_inside_start") ==
          scalar(r, "patients_left") + scalar(r, "patients_inside_end"));
  }
  check_inside(occupancy, (20.0 * 0.5 + 4.0) * 5.0, "occupancy_mean_reablement");
}

TEST_CASE("more community referrals into limited reablement lengthen pathway 1 delays "
          "(common random numbers, paired)", "[community]") {
  // 70 places; hospital load 50, community load 5 (low) or 15 (high).
  const Scenario low = shared_reablement(1.0, 70);
  const Scenario high = shared_reablement(3.0, 70);
  std::vector<double> difference;
  for (std::uint32_t rep = 0; rep < 12; ++rep) {
    const ReplicationResult a = simulate_replication(low, 88, rep);
    const ReplicationResult b = simulate_replication(high, 88, rep);
    // The same hospital patients in both (their streams are untouched by the other's rate).
    CHECK(scalar(a, "arrivals_emergency") == scalar(b, "arrivals_emergency"));
    difference.push_back(scalar(a, "discharge_delay_mean_days_P1") -
                         scalar(b, "discharge_delay_mean_days_P1"));
  }
  const auto ci = ci99(difference);
  INFO("low - high: " << ci.mean << " +- " << ci.half_width << " (99%)");
  CHECK(ci.upper() < 0.0);
}

TEST_CASE("community patients wait at home for a full service, holding no place", "[community]") {
  // A 3-place caseload that queues, fed only from the community: the line is an M/M/3 queue
  // of patients at home; each enters as a place frees, first come first served.
  Scenario s = basic_scenario(0.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 200;
  s.outputs.patient_events = true;
  s.services.push_back(limited_service("home_care", ServiceKind::caseload, 3,
                                       DistributionParams::exponential(1.0)));
  s.arrivals.push_back(community_stream("gp_referrals", 2.5, "home_care"));
  const ReplicationResult r = simulate_replication(s, 12, 0);
  std::vector<std::uint32_t> waiting, entered_from_line;
  int inside = 0, most = 0;
  for (const auto& e : test::named_events(r)) {
    if (e.event == "wait_for_place") waiting.push_back(e.patient);
    if (e.event == "enter") {
      ++inside;
      if (std::find(waiting.begin(), waiting.end(), e.patient) != waiting.end())
        entered_from_line.push_back(e.patient);
    }
    if (e.event == "leave") --inside;
    most = std::max(most, inside);
    CHECK(e.event != "admit");
  }
  CHECK(most == 3);  // never more than its places: waiting patients held none
  REQUIRE(!waiting.empty());
  // First in, first out: they enter in the order they began to wait.
  const std::size_t n = entered_from_line.size();
  CHECK(std::equal(entered_from_line.begin(), entered_from_line.end(), waiting.begin()));
  CHECK(n + static_cast<std::size_t>(series(r, "home_care", "queue").values.back()) ==
        waiting.size());
  CHECK(scalar(r, "patients_arrived") ==
        scalar(r, "patients_left") + scalar(r, "patients_inside_end"));
}

TEST_CASE("community referrals to a step-up virtual ward and to urgent community response",
          "[community][ucr]") {
  Scenario s = basic_scenario(0.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 60;
  s.outputs.patient_events = true;
  Service ward = limited_service("virtual_ward", ServiceKind::virtual_ward, 5);
  ward.step_up = StepUp{DistributionParams::exponential(2.0), 0.25};
  s.services.push_back(ward);
  s.services.push_back(urgent_response(6, 0.5));
  s.arrivals.push_back(community_stream("vw_referrals", 2.0, "virtual_ward"));
  s.arrivals.push_back(community_stream("ucr_referrals", 10.0, "ucr"));
  const ReplicationResult r = simulate_replication(s, 6, 0);
  // UCR: 6 referrals a calendar day at most; the rest are turned away.
  std::map<long, int> referrals_on_day;
  int escalations = 0, visits_outside_hours = 0;
  for (const auto& e : test::named_events(r)) {
    const auto day = static_cast<long>(std::floor(e.time_days + 1e-12));
    const double hour = (e.time_days - static_cast<double>(day)) * 24.0;
    if (e.event == "referral") ++referrals_on_day[day];
    if (e.event == "visit" && (hour < 8.0 - 1e-6 || hour > 20.0 + 1e-6)) ++visits_outside_hours;
    if (e.event == "escalate") ++escalations;
  }
  for (const auto& [day, n] : referrals_on_day) CHECK(n <= 6);
  CHECK(visits_outside_hours == 0);
  CHECK(scalar(r, "ucr_referrals") + scalar(r, "turned_away_ucr") == scalar(r, "arrivals_ucr_referrals"));
  CHECK(scalar(r, "blocking_share_ucr") ==
        Approx(scalar(r, "turned_away_ucr") / scalar(r, "arrivals_ucr_referrals")));
  // Step-up stays end in escalation to acute with probability 0.25 (an admission).
  CHECK(escalations > 0);
  CHECK(scalar(r, "admissions_total") > 0.0);
  // Neither is an alternative to an admission: no avoided admissions measured.
  for (const auto& m : r.scalars) CHECK(m.name.rfind("avoided_admissions_ucr", 0) != 0);
  CHECK(scalar(r, "patients_arrived") ==
        scalar(r, "patients_left") + scalar(r, "patients_inside_end"));
}

TEST_CASE("community patients escalated or failing a visit are admitted to their stream's "
          "escalate_to trust", "[community][trusts]") {
  Scenario s = basic_scenario(0.0, DistributionParams::exponential(2.0));
  s.run.horizon_days = 60;
  s.services[0].name = "acute_a";
  s.arrivals[0].admit_to = "acute_a";
  s.services.push_back(unlimited_service("acute_b", ServiceKind::acute));
  Service ward = unlimited_service("virtual_ward", ServiceKind::virtual_ward);
  ward.step_up = StepUp{DistributionParams::exponential(2.0), 0.5};
  s.services.push_back(ward);
  s.services.push_back(urgent_response(kUnlimitedCapacity, 0.5));
  s.arrivals.push_back(community_stream("vw_referrals", 4.0, "virtual_ward"));
  s.arrivals.push_back(community_stream("ucr_referrals", 4.0, "ucr"));
  REQUIRE(check_network(s).empty());
  // Without escalate_to: the first acute service takes them all.
  const ReplicationResult first = simulate_replication(s, 6, 0);
  CHECK(scalar(first, "departures_acute_a") + scalar(first, "occupancy_mean_acute_a") > 0.0);
  CHECK(scalar(first, "occupancy_mean_acute_b") == 0.0);
  // With it: every admission is to acute_b (nobody arrives at acute_a otherwise).
  for (auto& stream : s.arrivals) {
    if (stream.name != "emergency") stream.escalate_to = "acute_b";
  }
  const ReplicationResult own = simulate_replication(s, 6, 0);
  CHECK(scalar(own, "occupancy_mean_acute_a") == 0.0);
  CHECK(scalar(own, "departures_acute_a") == 0.0);
  CHECK(scalar(own, "occupancy_mean_acute_b") > 0.0);
  // The same patients (common random numbers): as many admitted, now to the other trust.
  CHECK(scalar(own, "admissions_total") == scalar(first, "admissions_total"));
}

}  // namespace
}  // namespace bedflow::model::testing
