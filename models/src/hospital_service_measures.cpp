// Measures per service and per acute service, and ED waits by calendar month and by hour of
// day (their list and meaning: models/README.md). While the run goes on, each admission or
// move costs a few increments and one comparison (the month cursor); names are built once,
// at the end.
//
// Invariants (tests/models/test_service_measures.cpp):
//  - Per acute service, counts of waits over a threshold add up to the system's count and
//    the mean numbers occupied and delayed to the system's means; the system's mean ED wait
//    is the per-service means weighted by the waits they count (admissions and patients
//    still waiting at the end).
//  - ED waits over a threshold by month add up to the system's count exactly: each wait,
//    ended or still open at the end, counts in the calendar month it passed the threshold
//    (the window's first month if that was before the window). So a month both of two
//    windows observe whole counts the same waits in both, however the windows end.
//    Per acute service likewise: a trust's months add up to its count over the window, and
//    in each month the trusts add up to the system's month.
//  - The hourly means weighted by the waits they count give ed_mean_wait_hours.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "hospital_model.hpp"
#include "measure_label.hpp"

namespace bedflow::model {
namespace {

double ratio(double part, double whole) { return whole > 0.0 ? part / whole : 0.0; }

double count(std::uint64_t n) { return static_cast<double>(n); }

// "00".."23".
std::string two_digits(int n) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", n);
  return text;
}

// ED waits still open at the end of the run, at their length so far.
struct OpenWaits {
  std::uint64_t waiting = 0;
  double hours = 0.0;
  std::vector<std::uint64_t> over;  // by threshold
};

}  // namespace

void HospitalModel::size_service_counters(Counters& fresh) const {
  const std::size_t services = plan_.services.size();
  const std::size_t thresholds = waits_over_hours_.size();
  fresh.entered.assign(services, 0);
  fresh.entered_after_wait.assign(services, 0);
  fresh.departures.assign(services, 0);
  fresh.ed_wait_hours_by_service.assign(services, 0.0);
  fresh.waits_over_by_service.assign(services * thresholds, 0);
  fresh.waits_over_by_month.assign(thresholds * plan_.window_months.size(), 0);
  fresh.waits_over_by_service_month.assign(services * thresholds * plan_.window_months.size(),
                                           0);
}

// One admission to acute service `acute` after waiting `wait_hours` since `decided` (the
// decision to admit: joining the line for a bed, or taking one at once).
std::size_t HospitalModel::month_passed(engine::Time at) const {
  const auto& months = plan_.window_months;
  const auto after = std::upper_bound(months.begin(), months.end(), at,
                                      [](engine::Time t, const WindowMonth& m) { return t < m.end; });
  return std::min(static_cast<std::size_t>(after - months.begin()), months.size() - 1);
}

void HospitalModel::count_ed_wait(std::int16_t acute, engine::Time decided, double wait_hours) {
  const auto a = static_cast<std::size_t>(acute);
  const std::size_t thresholds = waits_over_hours_.size();
  const std::size_t months = plan_.window_months.size();
  ++counters_.entered[a];
  if (now() > decided) ++counters_.entered_after_wait[a];
  counters_.ed_wait_hours_by_service[a] += wait_hours;
  const auto hour = static_cast<std::size_t>(plan_.calendar.hour_at(decided));
  counters_.ed_wait_hours_by_hour[hour] += wait_hours;
  ++counters_.admissions_by_hour[hour];
  for (std::size_t k = 0; k < thresholds; ++k) {
    if (wait_hours > waits_over_hours_[k]) {
      const std::size_t m = month_passed(decided + engine::from_hours(waits_over_hours_[k]));
      ++counters_.waits_over[k];
      ++counters_.waits_over_by_service[a * thresholds + k];
      ++counters_.waits_over_by_month[k * months + m];
      ++counters_.waits_over_by_service_month[(a * thresholds + k) * months + m];
    }
  }
}

void HospitalModel::add_service_scalars(std::vector<ScalarMeasure>& out) const {
  const engine::Time t = now();
  auto add = [&out](std::string name, const char* unit, double value) {
    out.push_back({std::move(name), unit, value, false, Accumulation::level});
  };
  auto add_total = [&out](std::string name, const char* unit, double value) {
    out.push_back({std::move(name), unit, value, false, Accumulation::total});
  };
  const std::size_t services = plan_.services.size();
  const std::size_t thresholds = waits_over_hours_.size();
  const std::size_t months = plan_.window_months.size();
  std::vector<std::string> labels;
  for (const double hours : waits_over_hours_) labels.push_back(threshold_label(hours));

  // Every service with places (not urgent community response, which has visits): its line,
  // the share of entrants who waited in it, and departures.
  auto with_places = [this](std::size_t i) {
    return plan_.services[i].kind != ServiceKind::urgent_community_response;
  };
  for (std::size_t i = 0; i < services; ++i) {
    if (with_places(i))
      add("queue_mean_" + plan_.services[i].name, "patients",
          services_[i].places.line_length().mean(t));
  }
  for (std::size_t i = 0; i < services; ++i) {
    if (with_places(i))
      add("waited_share_" + plan_.services[i].name, "share",
          ratio(count(counters_.entered_after_wait[i]), count(counters_.entered[i])));
  }
  for (std::size_t i = 0; i < services; ++i) {
    if (with_places(i))
      add_total("departures_" + plan_.services[i].name, "patients",
                count(counters_.departures[i]));
  }

  // ED waits still open at the end, per acute service, by hour of the decision to admit, and
  // over each threshold, counted in the month the wait passed it, as ended waits are: a
  // backlog that built up over weeks is not piled into the window's last month.
  std::vector<std::size_t> acute;
  std::vector<OpenWaits> open(services);
  std::array<double, 24> open_hours_by_hour{};
  std::array<std::uint64_t, 24> open_by_hour{};
  std::vector<std::uint64_t> by_month = counters_.waits_over_by_month;
  std::vector<std::uint64_t> by_service_month = counters_.waits_over_by_service_month;
  for (std::size_t i = 0; i < services; ++i) {
    if (plan_.services[i].kind != ServiceKind::acute) continue;
    acute.push_back(i);
    OpenWaits& waits = open[i];
    waits.over.assign(thresholds, 0);
    services_[i].places.line().for_each([&](std::uint32_t id) {
      const engine::Time decided = patients_[id].admitted;
      const double hours = engine::to_hours(t - decided);
      ++waits.waiting;
      waits.hours += hours;
      const auto hour = static_cast<std::size_t>(plan_.calendar.hour_at(decided));
      open_hours_by_hour[hour] += hours;
      ++open_by_hour[hour];
      for (std::size_t k = 0; k < thresholds; ++k) {
        if (hours > waits_over_hours_[k]) {
          const std::size_t m = month_passed(decided + engine::from_hours(waits_over_hours_[k]));
          ++waits.over[k];
          ++by_month[k * months + m];
          ++by_service_month[(i * thresholds + k) * months + m];
        }
      }
    });
  }

  // Per acute service, when there is more than one (with one they equal the system's).
  if (acute.size() > 1) {
    for (const std::size_t a : acute) {
      if (plan_.services[a].unlimited_sometime) continue;  // a share of unlimited beds: none
      const ServiceState& state = services_[a];
      // Occupied beds only: beds in turnaround are held but not occupied.
      const double occupied = state.places.occupancy().mean(t) - state.in_turnaround.mean(t) -
                              state.reserved.mean(t);
      add("occupancy_share_" + plan_.services[a].name, "share",
          ratio(occupied, state.capacity_open.mean(t)));
    }
    for (const std::size_t a : acute) {
      add("ed_mean_wait_hours_" + plan_.services[a].name, "hours",
          ratio(counters_.ed_wait_hours_by_service[a] + open[a].hours,
                count(counters_.entered[a] + open[a].waiting)));
    }
    for (std::size_t k = 0; k < thresholds; ++k) {
      for (const std::size_t a : acute) {
        add_total("ed_waits_over_" + labels[k] + "h_" + plan_.services[a].name, "patients",
                  count(counters_.waits_over_by_service[a * thresholds + k] + open[a].over[k]));
      }
    }
    for (const std::size_t a : acute) {
      add("delayed_patients_mean_" + plan_.services[a].name, "patients",
          services_[a].delayed.mean(t));
    }
    for (const std::size_t a : acute) {
      if (!plan_.services[a].escalation.empty())
        add("escalation_beds_mean_open_" + plan_.services[a].name, "beds",
            services_[a].escalation_open.mean(t));
    }
  }

  // The whole system's ED waits over each threshold, by the calendar month they passed it.
  // Each is a count over its own month, not over the window: marked as a level (it does not
  // grow with the window's length), so no rate over the whole window is made from it.
  for (std::size_t k = 0; k < thresholds; ++k) {
    for (std::size_t m = 0; m < months; ++m) {
      add("ed_waits_over_" + labels[k] + "h_" + plan_.window_months[m].label, "patients",
                count(by_month[k * months + m]));
    }
  }
  // Per acute service by month, when there is more than one: levels, as the system's months.
  // A trust's months add up to its ed_waits_over_<h>h_<acute>; a month's trusts to the
  // system's month.
  if (acute.size() > 1) {
    for (std::size_t k = 0; k < thresholds; ++k) {
      for (const std::size_t a : acute) {
        const std::string stem = "ed_waits_over_" + labels[k] + "h_" + plan_.services[a].name + "_";
        for (std::size_t m = 0; m < months; ++m) {
          add(stem + plan_.window_months[m].label, "patients",
              count(by_service_month[(a * thresholds + k) * months + m]));
        }
      }
    }
  }
  // The mean ED wait by clock hour of the decision to admit (0 when nobody decided then).
  for (std::size_t h = 0; h < 24; ++h) {
    add("ed_wait_mean_hours_at_" + two_digits(static_cast<int>(h)) + "h", "hours",
        ratio(counters_.ed_wait_hours_by_hour[h] + open_hours_by_hour[h],
              count(counters_.admissions_by_hour[h] + open_by_hour[h])));
  }
}

std::vector<std::string> HospitalModel::measure_names() {
  reset_statistics();  // sizes the counters
  ReplicationResult result;
  build_scalars(result);
  std::vector<std::string> names;
  for (auto& scalar : result.scalars) names.push_back(std::move(scalar.name));
  return names;
}

}  // namespace bedflow::model
