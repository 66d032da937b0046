#include "cross_check.hpp"
#include "cross_check_community.hpp"
#include "cross_check_trusts.hpp"

#include <cmath>
#include <algorithm>
#include <map>
#include <set>

#include "bedflow/engine/did_you_mean.hpp"
#include "bedflow/models/simulate.hpp"

namespace bedflow::scenario {

using engine::did_you_mean;

namespace {

using model::ServiceKind;

// A sum this close to 1 is the rounding of shares that add up to 1 exactly as decimals.
constexpr double kRoundingOnly = 1e-12;

// The share in a (name, share) pair.
constexpr auto kSecond = [](std::pair<std::string, double>& named) -> double& {
  return named.second;
};

class Checker {
 public:
  Checker(Context& ctx, model::Scenario& s) : ctx_(ctx), s_(s) {
    for (const auto& c : s.cohorts) cohorts_.push_back(c.name);
    for (const auto& v : s.services) services_.push_back(v.name);
    for (const auto& p : s.profiles) profiles_.push_back(p.name);
  }

  void run(const Census& census, bool network_check) {
    check_presence();
    check_profiles_used();
    check_cohorts();
    check_arrivals();
    check_services();
    check_one_step_down_ward();
    check_acute_names(ctx_, s_);
    check_pathways();
    check_community_streams(ctx_, s_);
    check_loss_and_closures(ctx_, s_);
    check_wait_thresholds(ctx_, s_);
    check_discharge_windows(ctx_, s_);
    check_census(census);
    if (network_check && ctx_.diagnostics.empty()) check_network();
  }

 private:
  // `path` may end in "#key" to point at a map key rather than its value.
  void error(const std::string& path, std::string message, std::string hint = {}) {
    std::string shown = path;
    if (shown.size() > 4 && shown.compare(shown.size() - 4, 4, "#key") == 0)
      shown.resize(shown.size() - 4);
    ctx_.diagnostics.error(ctx_.at(path), shown, std::move(message), std::move(hint));
  }
  const model::Service* service(const std::string& name) const {
    for (const auto& v : s_.services)
      if (v.name == name) return &v;
    return nullptr;
  }
  bool has(const std::vector<std::string>& names, const std::string& name) const {
    return std::find(names.begin(), names.end(), name) != names.end();
  }
  // Reports an unknown name; `what` is "cohort", "service" or "profile".
  bool resolve(const std::string& path, const std::string& name, const std::string& what,
               const std::vector<std::string>& names, bool home_allowed = false) {
    if (has(names, name) || (home_allowed && name == model::kHome)) return true;
    std::vector<std::string> candidates = names;
    if (home_allowed) candidates.emplace_back(model::kHome);
    std::string hint = did_you_mean(name, candidates);
    if (hint.empty()) hint = "define it under '" + what + (what == "cohort" ? "s'" : "s'");
    error(path, "unknown " + what + " '" + name + "'", hint);
    return false;
  }
  // Shares within kSumTolerance of 1 are accepted and divided by their sum, so that the
  // model (and the network check's tighter test) sees shares that sum to 1 to rounding.
  // Beyond it, the error is at the shares' own key, with digits enough to show the gap.
  template <typename Shares, typename Share>
  void check_sum(const std::string& path, Shares& shares, Share share, const std::string& what) {
    double sum = 0.0;
    for (auto& s : shares) sum += share(s);
    if (std::abs(sum - 1.0) > kSumTolerance) {
      error(path, what + " must sum to 1, found " + number_text(sum),
            sum < 1.0 ? "add the missing " + number_text(1.0 - sum) + " to one of them"
                      : "remove " + number_text(sum - 1.0) + " from them");
      return;
    }
    // Shares that miss 1 only by rounding (0.6 + 0.3 + 0.1) are kept exactly as written.
    if (std::abs(sum - 1.0) > kRoundingOnly)
      for (auto& s : shares) share(s) /= sum;
  }

  void check_presence() {
    if (s_.cohorts.empty()) error("cohorts", "expected at least one cohort");
    if (s_.arrivals.empty()) error("arrivals", "expected at least one arrival stream");
    const bool acute = std::any_of(s_.services.begin(), s_.services.end(),
                                   [](const auto& v) { return v.kind == ServiceKind::acute; });
    if (!acute) error("services", "expected at least one service of kind acute");
  }

  void check_profiles_used() {
    for (const auto& c : s_.cohorts) {
      if (c.los_multiplier_profile.empty()) continue;
      const std::string path = "cohorts." + c.name + ".los_multiplier";
      if (!resolve(path, c.los_multiplier_profile, "profile", profiles_)) continue;
      for (const auto& p : s_.profiles) {
        if (p.name == c.los_multiplier_profile && p.kind != model::Profile::Kind::dated)
          error(path, "expected a dated profile for a stay multiplier, found a " +
                          std::string(p.kind == model::Profile::Kind::weekly ? "weekly" : "daily") +
                          " one");
      }
    }
    for (const auto& a : s_.arrivals) {
      for (std::size_t i = 0; i < a.profiles.size(); ++i)
        resolve("arrivals." + a.name + ".profiles." + std::to_string(i), a.profiles[i], "profile",
                profiles_);
    }
  }

  void check_cohorts() {
    for (auto& c : s_.cohorts) {
      const std::string path = "cohorts." + c.name;
      check_sum(path + ".discharge_pathway", c.discharge_pathway,
                [](double& share) -> double& { return share; }, "discharge pathway shares P0..P3");
      for (const auto& [name, p] : c.readmission.probability_after) {
        resolve(path + ".readmission.probability_after." + name + "#key", name, "service", services_);
      }
      if (c.readmission.within_days == 0 &&
          (c.readmission.probability > 0 || !c.readmission.probability_after.empty())) {
        error(path + ".readmission.probability", "readmission probability given with within_days 0",
              "set within_days (e.g. 30)");
      }
    }
  }

  void check_arrivals() {
    std::vector<std::string> acute_services;
    for (const auto& v : s_.services)
      if (v.kind == ServiceKind::acute) acute_services.push_back(v.name);
    for (auto& a : s_.arrivals) {
      const std::string path = "arrivals." + a.name;
      // Demand from the community: its own rules (cross_check_community.cpp).
      const model::Service* admits = a.admit_to.empty() ? nullptr : service(a.admit_to);
      const bool community = admits != nullptr && admits->kind != ServiceKind::acute;
      for (const auto& [cohort, share] : a.cohort_mix) {
        resolve(path + ".cohort_mix." + cohort + "#key", cohort, "cohort", cohorts_);
      }
      if (!a.cohort_mix.empty())
        check_sum(path + ".cohort_mix", a.cohort_mix, kSecond, "cohort_mix shares");
      else error(path + ".cohort_mix", "expected at least one cohort in the mix");
      if (community) continue;  // avoidable shares and alternatives are refused above
      for (const auto& [cohort, share] : a.avoidable_share) {
        const std::string p = path + ".avoidable." + cohort + "#key";
        if (!resolve(p, cohort, "cohort", cohorts_)) continue;
        // A named copy: C++20 lambdas may not capture structured bindings (clang 14 refuses).
        const std::string& avoidable = cohort;
        const bool in_mix = std::any_of(a.cohort_mix.begin(), a.cohort_mix.end(),
                                        [&](const auto& m) { return m.first == avoidable; });
        if (!in_mix) error(p, "cohort '" + cohort + "' is avoidable but not in this stream's cohort_mix");
      }
      const bool any_avoidable = std::any_of(a.avoidable_share.begin(), a.avoidable_share.end(),
                                             [](const auto& x) { return x.second > 0; });
      if (any_avoidable && a.alternatives.empty()) {
        error(path + ".avoidable", "avoidable shares given but no alternatives to take them",
              "add alternatives: [urgent_community_response, virtual_ward]");
      }
      std::set<std::string> seen;
      for (std::size_t i = 0; i < a.alternatives.size(); ++i) {
        const std::string p = path + ".alternatives." + std::to_string(i);
        const std::string& name = a.alternatives[i];
        if (!seen.insert(name).second) error(p, "'" + name + "' is listed twice");
        if (!resolve(p, name, "service", services_)) continue;
        const model::Service* v = service(name);
        if (v == nullptr) continue;
        const bool takes = v->kind == ServiceKind::urgent_community_response ||
                           (v->kind == ServiceKind::virtual_ward && v->step_up.has_value());
        if (!takes) {
          error(p, "expected an alternative to admission (urgent_community_response, or a "
                   "virtual_ward with step_up), found '" + name + "'");
        }
      }
      if (a.admit_to.empty()) {
        if (acute_services.size() == 1) {
          a.admit_to = acute_services.front();
        } else if (acute_services.size() > 1) {
          error(path, "missing admit_to: there are several acute services",
                "add admit_to: " + acute_services.front());
        }
      } else {
        // Any service: an acute one admits, any other takes demand from the community.
        resolve(path + ".admit_to", a.admit_to, "service", services_);
      }
    }
  }

  void check_services() {
    for (auto& v : s_.services) {
      const std::string path = "services." + v.name;
      for (const auto& [to, p] : v.then) {
        const std::string key_path = path + ".then." + to + "#key";
        if (!resolve(key_path, to, "service", services_, true)) continue;
        if (to == v.name) error(key_path, "a service cannot route to itself");
        const model::Service* dest = service(to);
        if (dest != nullptr && (dest->kind == ServiceKind::acute ||
                                dest->kind == ServiceKind::urgent_community_response)) {
          error(key_path, "onward routes go to community services or home, found '" + to + "'",
                "readmissions to acute are set per cohort under readmission");
        }
      }
      if (!v.then.empty()) check_sum(path + ".then", v.then, kSecond, "onward route probabilities");
      if (!v.on_failure.empty()) {
        if (resolve(path + ".on_failure", v.on_failure, "service", services_)) {
          const model::Service* dest = service(v.on_failure);
          if (dest != nullptr && dest->kind != ServiceKind::caseload && dest->kind != ServiceKind::beds)
            error(path + ".on_failure", "expected a caseload or beds service, found '" + v.on_failure + "'");
        }
        if (!v.independent_at_91_days)
          error(path + ".on_failure", "on_failure needs independent_at_91_days",
                "add independent_at_91_days: 0.8");
      }
      if (v.step_down) {
        for (std::size_t i = 0; i < v.step_down->eligible_cohorts.size(); ++i)
          resolve(path + ".step_down.eligible_cohorts." + std::to_string(i),
                  v.step_down->eligible_cohorts[i], "cohort", cohorts_);
      }
      check_place_cost(v, path);
    }
  }

  // The model sends every step-down to one ward, the first with step_down (models/README.md),
  // so a second would never take one: refused rather than silently ignored.
  void check_one_step_down_ward() {
    const model::Service* first = nullptr;
    for (const auto& v : s_.services) {
      if (!v.step_down) continue;
      if (first == nullptr) {
        first = &v;
        continue;
      }
      error("services." + v.name + ".step_down",
            "only one virtual ward can take step-downs, and '" + first->name + "' already does",
            "remove step_down here; several acute services share '" + first->name +
                "' for step-downs");
    }
  }

  // Every commissioned place is paid for, so a place cost needs a finite capacity.
  void check_place_cost(const model::Service& v, const std::string& path) {
    if (!(v.costs.place_day > 0.0)) return;
    const bool ucr = v.kind == ServiceKind::urgent_community_response;
    bool unlimited = ucr ? v.urgent_response && v.urgent_response->capacity_per_day >=
                                                    model::kUnlimitedCapacity
                         : v.capacity.base >= model::kUnlimitedCapacity;
    for (const auto& change : v.capacity.changes)
      unlimited = unlimited || change.capacity >= model::kUnlimitedCapacity;
    if (!unlimited) return;
    error(path + ".costs_gbp.place_day",
          "a place cost needs a finite " + std::string(ucr ? "capacity_per_day" : "capacity") +
              ", found unlimited",
          "price unlimited capacity by use (occupied_day" + std::string(ucr ? " or visit" : "") +
              ") or give a number of places");
  }

  void check_pathways() {
    for (std::size_t k = 0; k < 4; ++k) {
      check_pathway_destination("discharge_pathways.P" + std::to_string(k) + ".to",
                                s_.discharge_pathways[k].to);
      for (const auto& acute : s_.services) {
        if (const auto& to = acute.discharge_pathways[k].to) {
          check_pathway_destination(
              "services." + acute.name + ".discharge_pathways.P" + std::to_string(k) + ".to", *to);
        }
      }
    }
  }

  // A pathway some cohort uses but that leads nowhere in particular is allowed (home).
  void check_pathway_destination(const std::string& path, const std::string& to) {
    if (!resolve(path, to, "service", services_, true)) return;
    const model::Service* dest = service(to);
    if (dest != nullptr && (dest->kind == ServiceKind::acute ||
                            dest->kind == ServiceKind::urgent_community_response)) {
      error(path, "a discharge pathway leads to a community service or home, found '" + to + "'");
    }
  }

  // Rows name known services and cohorts; medically_fit is a state of acute patients only
  // (it starts a delayed discharge); more census occupants than a service's places at the
  // start is reported at the first row beyond them (they all stay: see docs/scenarios.md).
  void check_census(const Census& census) {
    std::map<std::string, std::int64_t> occupants;
    for (std::size_t i = 0; i < census.entries.size(); ++i) {
      const auto& e = census.entries[i];
      const Location where{census.file, census.lines[i], 1};
      if (!has(services_, e.service))
        ctx_.diagnostics.error(where, "service", "unknown service '" + excerpt(e.service) + "'",
                               did_you_mean(e.service, services_));
      if (!has(cohorts_, e.cohort))
        ctx_.diagnostics.error(where, "cohort", "unknown cohort '" + excerpt(e.cohort) + "'",
                               did_you_mean(e.cohort, cohorts_));
      const model::Service* v = service(e.service);
      if (v == nullptr) continue;
      if (e.medically_fit && v->kind != ServiceKind::acute) {
        ctx_.diagnostics.error(where, "medically_fit",
                               "medically_fit is true for a patient in '" + e.service +
                                   "', which is not an acute service",
                               "medically fit means ready to leave an acute bed; write false");
      }
      if (e.waiting_for_bed) {
        if (v->kind != ServiceKind::acute) {
          ctx_.diagnostics.error(where, "waiting_for_bed",
                                 "waiting_for_bed is true for a patient of '" + e.service +
                                     "', which is not an acute service",
                                 "a patient waiting for a bed names the acute service it waits for");
        } else if (e.medically_fit) {
          ctx_.diagnostics.error(where, "waiting_for_bed",
                                 "a patient waiting for a bed cannot be medically fit as well",
                                 "medically fit is about a patient already in a bed");
        }
        continue;  // holds no place: not counted against the service's places
      }
      if (v->kind == ServiceKind::urgent_community_response) continue;
      const std::int64_t places = v->capacity.base;
      if (places < model::kUnlimitedCapacity && ++occupants[e.service] == places + 1) {
        ctx_.diagnostics.warning(
            where, "service",
            "the census holds more patients in '" + e.service + "' than its " +
                std::to_string(places) + " places",
            "they all keep their places; '" + e.service + "' takes no one new until it is back "
            "within its capacity");
      }
    }
  }

  void check_network() {
    for (const auto& problem : model::check_network(s_)) {
      const std::string first = problem.services.empty() ? "" : problem.services.front();
      const std::string path = first.empty() ? "services" : "services." + first;
      Location where = ctx_.at(path + "#key");
      if (where.file.empty()) where = ctx_.at("services");
      ctx_.diagnostics.error(where, path, problem.message);
    }
  }

  Context& ctx_;
  model::Scenario& s_;
  std::vector<std::string> cohorts_;
  std::vector<std::string> services_;
  std::vector<std::string> profiles_;
};

}  // namespace

void cross_check(Context& ctx, model::Scenario& scenario, const Census& census,
                 bool network_check) {
  Checker(ctx, scenario).run(census, network_check);
}

}  // namespace bedflow::scenario
