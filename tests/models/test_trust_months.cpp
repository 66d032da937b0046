// ED waits per acute trust by calendar month (ed_waits_over_<h>h_<acute>_<yyyy>_<mm>): a
// trust's months add up exactly to its count over the window, a month's trusts to the
// system's month, each count matches the patient log, and with one acute service there are
// none.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

const std::vector<std::string> kTrusts = {"acute", "north"};
// two_acute_services() observes 2026-10-15 to 2026-12-13.
const std::vector<std::string> kMonths = {"2026_10", "2026_11", "2026_12"};

// Waits over `hours` from the log, by trust and month: an admission at the trust that
// admitted it, a patient still in a trust's line at the end (at the wait so far) at that
// trust; each in the month its wait passed `hours`, or the first month when that was before
// the window.
std::map<std::pair<std::string, std::string>, double> log_counts(const ReplicationResult& r,
                                                                 double hours) {
  const engine::Calendar calendar(r.window.calendar_start);
  auto month_of = [&](double days) {
    const auto date = calendar.date_at(engine::from_days(days));
    return fmt::format("{:04d}_{:02d}", date.year, date.month);
  };
  struct Joined {
    std::string service;
    double at = 0.0;
  };
  std::map<std::uint32_t, Joined> in_line;
  std::map<std::pair<std::string, std::string>, double> counts;
  for (const auto& e : test::named_events(r)) {
    if (e.event == "wait_for_bed") in_line[e.patient] = {e.service, e.time_days};
    if (e.event != "admit") continue;
    const auto found = in_line.find(e.patient);
    const double decided = found != in_line.end() ? found->second.at : e.time_days;
    if (found != in_line.end()) in_line.erase(found);
    if (!e.warmup && (e.time_days - decided) * 24.0 > hours)
      counts[{e.service, std::max(kMonths.front(), month_of(decided + hours / 24.0))}] += 1.0;
  }
  for (const auto& [patient, joined] : in_line) {
    if ((r.window.to_days - joined.at) * 24.0 > hours)
      counts[{joined.service, std::max(kMonths.front(), month_of(joined.at + hours / 24.0))}] +=
          1.0;
  }
  return counts;
}

TEST_CASE("ED waits per acute trust by month add up to the trust's total and to the system's "
          "month", "[outputs][ed][months][acute]") {
  Scenario s = two_acute_services();
  s.outputs.patient_events = true;
  for (std::uint32_t rep = 0; rep < 3; ++rep) {
    INFO("replication " << rep);
    const ReplicationResult r = simulate_replication(s, 23, rep);
    REQUIRE(scalar(r, "ed_still_waiting_end") > 0.0);  // open waits are counted too
    for (const double h : {4.0, 12.0}) {
      const std::string stem = fmt::format("ed_waits_over_{}h", h);
      const auto from_log = log_counts(r, h);
      std::map<std::string, double> month_sums;
      for (const auto& trust : kTrusts) {
        double sum = 0.0;
        for (const auto& month : kMonths) {
          INFO(stem << " " << trust << " " << month);
          const double counted = scalar(r, stem + "_" + trust + "_" + month);
          const auto expected = from_log.find({trust, month});
          CHECK(counted == (expected == from_log.end() ? 0.0 : expected->second));
          sum += counted;
          month_sums[month] += counted;
        }
        INFO(stem << " " << trust);
        CHECK(sum == scalar(r, stem + "_" + trust));  // exactly
      }
      for (const auto& month : kMonths) {
        INFO(stem << " " << month);
        CHECK(month_sums[month] == scalar(r, stem + "_" + month));  // exactly
      }
    }
    // Both trusts have waits over 4 hours, in more than one month: the sums are not 0 = 0.
    for (const auto& trust : kTrusts) {
      INFO(trust);
      int months_with_waits = 0;
      for (const auto& month : kMonths)
        months_with_waits += scalar(r, "ed_waits_over_4h_" + trust + "_" + month) > 0.0 ? 1 : 0;
      CHECK(months_with_waits >= 2);
    }
    // Counts over their own month, as the system's months: levels, no rate over the window.
    for (const auto& m : r.scalars) {
      for (const auto& trust : kTrusts) {
        for (const char* h : {"4", "12"}) {
          const std::string prefix = fmt::format("ed_waits_over_{}h_{}_", h, trust);
          if (m.name.rfind(prefix, 0) != 0) continue;
          INFO(m.name);
          CHECK(m.accumulation == Accumulation::level);
          CHECK(m.unit == "patients");
          CHECK(std::find(kMonths.begin(), kMonths.end(), m.name.substr(prefix.size())) !=
                kMonths.end());  // only the months the window touches
        }
      }
    }
  }
}

TEST_CASE("ED waits per acute trust by month: named without running, none for one acute "
          "service", "[outputs][ed][months][acute]") {
  const Scenario two = two_acute_services();
  const auto names = measure_names(two);
  std::vector<std::string> run;
  for (const auto& m : simulate_replication(two, 1, 0).scalars) run.push_back(m.name);
  CHECK(names == run);
  for (const auto& trust : kTrusts) {
    for (const auto& month : kMonths) {
      for (const char* h : {"4", "12"}) {
        const std::string name = fmt::format("ed_waits_over_{}h_{}_{}", h, trust, month);
        INFO(name);
        CHECK(std::count(names.begin(), names.end(), name) == 1);
      }
    }
  }
  // One acute service: its months would repeat the system's, so there are none.
  Scenario one = basic_scenario(20.0, DistributionParams::exponential(1.0));
  one.services[0].capacity.base = 24;
  one.run.horizon_days = 70;
  const auto single = measure_names(one);
  CHECK(std::count(single.begin(), single.end(), "ed_waits_over_4h_2026_11") == 1);
  for (const auto& name : single) {
    INFO(name);
    CHECK(name.rfind("ed_waits_over_4h_acute", 0) != 0);
    CHECK(name.rfind("ed_waits_over_12h_acute", 0) != 0);
  }
}

}  // namespace
}  // namespace bedflow::model::testing
