// Measures per service: the time-averaged line (Little's law against the patient log, Erlang C
// for an M/M/c community service), the share of entrants who waited, departures (patients
// are conserved), and the measures per acute service adding up to the system's.
#include <algorithm>
#include <cmath>
#include <map>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

// Every patient goes from acute (unlimited; stays exponential, mean 2 days) on pathway 1 to
// `intermediate_care` (`places` beds, exponential stays of mean `stay_days`), then home.
Scenario community_queue(double rate_per_day, double stay_days, std::int64_t places) {
  Scenario s = basic_scenario(rate_per_day, DistributionParams::exponential(2.0));
  s.cohorts[0].discharge_pathway = {0.0, 1.0, 0.0, 0.0};
  s.services.push_back(limited_service("intermediate_care", ServiceKind::beds, places,
                                       DistributionParams::exponential(stay_days)));
  s.discharge_pathways[1] = {"intermediate_care", DistributionParams::fixed(0.0)};
  return s;
}

// One service's line and places over the observed window, as the patient log shows them.
struct LogView {
  double waiting_days = 0.0;  // the time patients spent in its line inside the window
  std::uint64_t entered = 0, entered_after_wait = 0, departures = 0;
};

LogView from_log(const std::vector<test::NamedEvent>& events, const ReplicationResult& r,
                 const std::string& service, bool acute) {
  const double from = r.window.from_days, to = r.window.to_days;
  const std::string joins = acute ? "wait_for_bed" : "wait_for_place";
  const std::string takes = acute ? "admit" : "enter";
  auto inside = [&](double a, double b) {
    return std::max(0.0, std::min(b, to) - std::max(a, from));
  };
  std::map<std::uint32_t, double> in_line;  // patient -> joined the line at
  LogView view;
  for (const auto& e : events) {
    if (e.service != service) continue;
    if (e.event == joins) {
      in_line[e.patient] = e.time_days;
    } else if (e.event == takes) {
      const auto found = in_line.find(e.patient);
      const bool waited = found != in_line.end() && found->second < e.time_days;
      if (found != in_line.end()) {
        view.waiting_days += inside(found->second, e.time_days);
        in_line.erase(found);
      }
      if (!e.warmup) {
        ++view.entered;
        view.entered_after_wait += waited ? 1 : 0;
      }
    } else if (e.event == "leave" && !e.warmup) {
      ++view.departures;
    }
  }
  for (const auto& [patient, since] : in_line) view.waiting_days += inside(since, to);
  return view;
}

TEST_CASE("the time-averaged line is Little's law over the patient log", "[outputs][queue]") {
  // 10 a day on 25 acute beds; intermediate care (16 beds, 1.5-day stays: load 15) makes
  // patients wait in their acute beds, which makes others wait in ED.
  Scenario s = community_queue(10.0, 1.5, 16);
  s.services[0].capacity.base = 25;
  s.run.warmup_days = 10;
  s.run.horizon_days = 80;
  s.outputs.patient_events = true;
  for (std::uint32_t rep = 0; rep < 3; ++rep) {
    const ReplicationResult r = simulate_replication(s, 31, rep);
    const auto events = test::named_events(r);
    for (const auto& [service, acute] : {std::pair{"acute", true}, {"intermediate_care", false}}) {
      INFO("replication " << rep << ", " << service);
      const LogView log = from_log(events, r, service, acute);
      const std::string name = service;
      const double queue = scalar(r, "queue_mean_" + name);
      REQUIRE(queue > 0.0);
      // Little's law over the window: the area under the line is the waiting it holds.
      CHECK(queue * r.window.days() == Approx(log.waiting_days).epsilon(1e-9));
      const double waited = scalar(r, "waited_share_" + name);
      CHECK(waited > 0.0);
      CHECK(waited < 1.0);
      CHECK(waited == Approx(static_cast<double>(log.entered_after_wait) /
                             static_cast<double>(log.entered)).epsilon(1e-12));
      CHECK(scalar(r, "departures_" + name) == static_cast<double>(log.departures));
      if (acute) CHECK(scalar(r, "admissions_total") == static_cast<double>(log.entered));
    }
  }
}

TEST_CASE("a community service fed by Poisson arrivals queues as M/M/c (Erlang C)",
          "[outputs][queue][theory]") {
  // Acute is M/M/infinity, so the patients it makes medically fit form a Poisson stream of
  // 10 a day (once the 30-day warm-up has let it fill): intermediate care, 20 beds with
  // exponential stays of 1.6 days, is an M/M/20 queue with offered load 16.
  const Scenario s = [] {
    Scenario x = community_queue(10.0, 1.6, 20);
    x.run.warmup_days = 30;
    x.run.horizon_days = 1030;
    return x;
  }();
  const double a = 16.0;
  const int c = 20;
  const double waits = erlang_c(c, a);
  const double line = waits * a / (c - a);  // Lq
  std::vector<double> queue, waited, departures;
  for (std::uint32_t rep = 0; rep < 40; ++rep) {
    const ReplicationResult r = simulate_replication(s, 97, rep);
    queue.push_back(scalar(r, "queue_mean_intermediate_care"));
    waited.push_back(scalar(r, "waited_share_intermediate_care"));
    departures.push_back(scalar(r, "departures_intermediate_care") / r.window.days());
  }
  const auto q = engine::confidence_interval(queue, 0.99);
  const auto w = engine::confidence_interval(waited, 0.99);
  const auto d = engine::confidence_interval(departures, 0.99);
  INFO("queue_mean " << q.mean << " +- " << q.half_width << " (Erlang C Lq " << line
       << "); waited_share " << w.mean << " +- " << w.half_width << " (C " << waits
       << "); departures a day " << d.mean << " +- " << d.half_width << " (10)");
  CHECK(q.lower() <= line);
  CHECK(line <= q.upper());
  CHECK(w.lower() <= waits);
  CHECK(waits <= w.upper());
  CHECK(d.lower() <= 10.0);
  CHECK(10.0 <= d.upper());
}

TEST_CASE("departures conserve patients in every service", "[outputs][conservation]") {
  // In use at the start + entrants = departures + in use at the end, service by service,
  // with the entrants from the patient log; acute's entrants are its admissions.
  Scenario s = kent_medway_flowing();
  s.run.warmup_days = 20;
  s.run.horizon_days = 80;
  s.outputs.patient_events = true;
  const ReplicationResult r = simulate_replication(s, 3, 0);
  const auto events = test::named_events(r);
  std::map<std::string, bool> reported;
  for (const auto& m : r.scalars) reported[m.name] = true;
  std::uint64_t leaves = 0;
  for (const auto& e : events) leaves += !e.warmup && e.event == "leave" ? 1 : 0;
  double departures = 0.0;
  for (const auto& service : s.services) {
    INFO(service.name);
    if (service.kind == ServiceKind::urgent_community_response) {
      departures += static_cast<double>(std::count_if(events.begin(), events.end(), [&](const auto& e) {
        return !e.warmup && e.event == "leave" && e.service == service.name;
      }));
      CHECK(reported.count("queue_mean_" + service.name) == 0);  // visits, not places
      CHECK(reported.count("departures_" + service.name) == 0);
      continue;
    }
    const auto& occupancy = series(r, service.name, "occupancy").values;
    const bool acute = service.kind == ServiceKind::acute;
    const LogView log = from_log(events, r, service.name, acute);
    const double out = scalar(r, "departures_" + service.name);
    CHECK(out == static_cast<double>(log.departures));
    CHECK(occupancy.front() + static_cast<double>(log.entered) == out + occupancy.back());
    CHECK(scalar(r, "waited_share_" + service.name) ==
          Approx(log.entered == 0 ? 0.0
                                  : static_cast<double>(log.entered_after_wait) /
                                        static_cast<double>(log.entered))
              .epsilon(1e-12));
    if (acute) {  // without the log: admissions are acute's entrants
      CHECK(occupancy.front() + scalar(r, "admissions_total") == out + occupancy.back());
    }
    departures += out;
  }
  CHECK(departures == static_cast<double>(leaves));
  CHECK(scalar(r, "departures_reablement") > 0.0);
}

TEST_CASE("measures per acute service add up to the system's", "[outputs][acute]") {
  const Scenario s = two_acute_services();
  const std::vector<std::pair<std::string, std::string>> trusts = {
      {"acute", "emergency"}, {"north", "north_emergency"}};
  for (std::uint32_t rep = 0; rep < 3; ++rep) {
    INFO("replication " << rep);
    const ReplicationResult r = simulate_replication(s, 17, rep);
    for (const char* h : {"4", "12"}) {
      double sum = 0.0;
      for (const auto& [acute, stream] : trusts)
        sum += scalar(r, "ed_waits_over_" + std::string(h) + "h_" + acute);
      CHECK(sum == scalar(r, std::string("ed_waits_over_") + h + "h"));
    }
    double occupied = 0.0, beds = 0.0, delayed = 0.0, waits = 0.0, waited_hours = 0.0;
    double still_waiting = 0.0;
    for (const auto& [acute, stream] : trusts) {
      INFO(acute);
      const double mean = scalar(r, "occupancy_mean_" + acute);
      const double capacity = static_cast<double>(
          s.services[acute == "acute" ? 0 : 1].capacity.base);  // fixed, no escalation
      CHECK(scalar(r, "occupancy_share_" + acute) == Approx(mean / capacity).epsilon(1e-12));
      occupied += mean;
      beds += capacity;
      delayed += scalar(r, "delayed_patients_mean_" + acute);
      // The waits a mean counts: admissions in the window and those still waiting at the end.
      const double open = series(r, acute, "queue").values.back();
      const double counted = scalar(r, "admissions_" + stream) + open;
      still_waiting += open;
      waits += counted;
      waited_hours += scalar(r, "ed_mean_wait_hours_" + acute) * counted;
    }
    REQUIRE(series(r, "north", "queue").values.back() > 0.0);  // open waits are in the test
    CHECK(still_waiting == scalar(r, "ed_still_waiting_end"));
    CHECK(occupied == Approx(scalar(r, "acute_mean_occupancy")).epsilon(1e-12));
    CHECK(scalar(r, "acute_occupancy_share") == Approx(occupied / beds).epsilon(1e-12));
    CHECK(delayed == Approx(scalar(r, "delayed_patients_mean")).epsilon(1e-12));
    CHECK(scalar(r, "delayed_patients_mean") > 0.0);
    CHECK(waited_hours / waits == Approx(scalar(r, "ed_mean_wait_hours")).epsilon(1e-9));
    CHECK(scalar(r, "ed_mean_wait_hours_north") > scalar(r, "ed_mean_wait_hours_acute"));
  }
}

TEST_CASE("escalation beds open per acute service add up to the system's", "[outputs][acute]") {
  Scenario s = two_acute_services();
  for (auto& service : s.services) {
    if (service.kind == ServiceKind::acute) service.escalation = {{4, 0.8, 0.6}};
  }
  for (std::uint32_t rep = 0; rep < 3; ++rep) {
    const ReplicationResult r = simulate_replication(s, 19, rep);
    const double acute = scalar(r, "escalation_beds_mean_open_acute");
    const double north = scalar(r, "escalation_beds_mean_open_north");
    CHECK(acute + north == Approx(scalar(r, "escalation_beds_mean_open")).epsilon(1e-12));
    CHECK(north > 0.0);
    CHECK(north <= 4.0);
  }
  // Without escalation levels, no such measure.
  const ReplicationResult plain = simulate_replication(two_acute_services(), 19, 0);
  for (const auto& m : plain.scalars) CHECK(m.name.rfind("escalation_beds_mean_open_", 0) != 0);
}

TEST_CASE("one acute service reports no measures per acute service", "[outputs][acute]") {
  Scenario s = basic_scenario(20.0, DistributionParams::exponential(1.0));
  s.services[0].capacity.base = 24;
  const ReplicationResult r = simulate_replication(s, 1, 0);
  std::map<std::string, bool> reported;
  for (const auto& m : r.scalars) reported[m.name] = true;
  for (const char* absent : {"occupancy_share_acute", "ed_mean_wait_hours_acute",
                             "ed_waits_over_4h_acute", "delayed_patients_mean_acute"}) {
    INFO(absent);
    CHECK(reported.count(absent) == 0);
  }
  CHECK(reported.count("queue_mean_acute") == 1);
  // An unlimited acute service among several has no occupancy share, as the system has none.
  Scenario two = two_acute_services();
  two.services[1].capacity.base = kUnlimitedCapacity;
  reported.clear();
  for (const auto& m : simulate_replication(two, 1, 0).scalars) reported[m.name] = true;
  CHECK(reported.count("occupancy_share_north") == 0);
  CHECK(reported.count("occupancy_share_acute") == 1);
  CHECK(reported.count("acute_occupancy_share") == 0);
}

}  // namespace
}  // namespace bedflow::model::testing
