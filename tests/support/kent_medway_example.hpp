#pragma once
// The design notes' example system (../shared/design/scenario-example.yaml) built in C++: one
// Kent-and-Medway-sized winter, shared by the model's tests and the hospital benchmark so that
// both exercise the very same scenario without reading YAML.
//
// Invariants:
//  - kent_medway_winter() is valid (passes check_network) and mirrors the example as written;
//    its community capacities are small enough that patients queue everywhere.
//  - kent_medway_flowing() is the same system with community capacity large enough for
//    patients to keep moving (service indices as in kent_medway_winter()).
#include "bedflow/models/scenario.hpp"

namespace bedflow::model::examples {

using engine::Date;
using engine::DistributionParams;

// The Kent-and-Medway-sized winter of the design notes' example scenario (scenario-example.yaml).
inline Scenario kent_medway_winter() {
  Scenario s;
  s.run.name = "kent-medway-winter";
  s.run.start = Date{2026, 10, 1};
  s.run.horizon_days = 182;
  s.run.warmup_days = 42;
  s.profiles = {
      {"weekday_emergency", Profile::Kind::weekly, {1.10, 1.03, 1.00, 0.99, 1.00, 0.94, 0.94},
       {}, Profile::Interpolation::linear},
      {"hour_emergency", Profile::Kind::daily,
       {0.55, 0.45, 0.40, 0.38, 0.38, 0.42, 0.55, 0.80, 1.15, 1.40, 1.50, 1.52,
        1.48, 1.42, 1.38, 1.35, 1.32, 1.28, 1.20, 1.10, 1.00, 0.90, 0.78, 0.65},
       {}, Profile::Interpolation::linear},
      {"winter_surge", Profile::Kind::dated, {},
       {{Date{2026, 10, 1}, 1.00}, {Date{2026, 12, 10}, 1.08}, {Date{2027, 1, 5}, 1.15},
        {Date{2027, 2, 15}, 1.05}, {Date{2027, 3, 31}, 1.00}},
       Profile::Interpolation::linear}};
  Cohort frail;
  frail.name = "frail_elderly";
  frail.acute_los_days = DistributionParams::lognormal_log(0.469, 1.692);
  frail.los_multiplier_profile = "winter_surge";
  frail.discharge_pathway = {0.50, 0.32, 0.12, 0.06};
  frail.readmission = {30, 0.16, {{"reablement", 0.10}}};
  Cohort adult;
  adult.name = "adult_medical";
  adult.acute_los_days = DistributionParams::lognormal_log(-0.868, 1.689);
  adult.discharge_pathway = {0.92, 0.06, 0.015, 0.005};
  adult.readmission = {30, 0.08, {}};
  Cohort elective;
  elective.name = "elective_surgical";
  elective.acute_los_days = DistributionParams::gamma_mean_sd(3.2, 2.5);
  elective.discharge_pathway = {0.95, 0.05, 0.0, 0.0};
  s.cohorts = {frail, adult, elective};

  ArrivalStream emergency;
  emergency.name = "emergency";
  emergency.rate_per_day = 560;
  emergency.profiles = {"weekday_emergency", "hour_emergency", "winter_surge"};
  emergency.cohort_mix = {{"frail_elderly", 0.40}, {"adult_medical", 0.60}};
  emergency.avoidable_share = {{"frail_elderly", 0.20}, {"adult_medical", 0.08}};
  emergency.alternatives = {"urgent_community_response", "virtual_ward", "acute"};
  emergency.admit_to = "acute";
  ArrivalStream planned;
  planned.name = "elective";
  planned.rate_per_day = 150;
  planned.weekdays_only = true;
  planned.cohort_mix = {{"elective_surgical", 1.0}};
  planned.admit_to = "acute";
  planned.cancel_when_occupancy_above = 0.97;
  s.arrivals = {emergency, planned};

  Service acute;
  acute.name = "acute";
  acute.kind = ServiceKind::acute;
  acute.capacity.base = 3100;
  acute.escalation = {{80, 0.95, 0.92}, {120, 0.98, 0.94}};
  Service ucr;
  ucr.name = "urgent_community_response";
  ucr.kind = ServiceKind::urgent_community_response;
  ucr.urgent_response = UrgentResponse{};
  ucr.urgent_response->capacity_per_day = 90;
  ucr.urgent_response->success_probability = 0.75;
  Service vw;
  vw.name = "virtual_ward";
  vw.kind = ServiceKind::virtual_ward;
  vw.capacity = {300, {{Date{2026, 12, 1}, 380}}};
  vw.step_up = StepUp{DistributionParams::lognormal_mean_sd(5.0, 3.0), 0.12};
  vw.step_down = StepDown{3.0, {"frail_elderly", "adult_medical"},
                          DistributionParams::lognormal_mean_sd(4.0, 2.5)};
  Service reablement;
  reablement.name = "reablement";
  reablement.kind = ServiceKind::caseload;
  reablement.capacity = {650, {{Date{2027, 1, 1}, 720}}};
  reablement.los_days = DistributionParams::lognormal_mean_sd(19, 12);
  reablement.independent_at_91_days = 0.80;
  reablement.on_failure = "home_care";
  Service home_care;
  home_care.name = "home_care";
  home_care.kind = ServiceKind::caseload;
  home_care.capacity.base = 2400;
  home_care.los_days = DistributionParams::exponential(180);
  Service intermediate;
  intermediate.name = "intermediate_care_beds";
  intermediate.kind = ServiceKind::beds;
  intermediate.capacity.base = 420;
  intermediate.los_days = DistributionParams::lognormal_mean_sd(38, 25);
  intermediate.then = {{"home", 0.6}, {"reablement", 0.25}, {"care_home", 0.15}};
  Service care_home;
  care_home.name = "care_home";
  care_home.kind = ServiceKind::beds;
  care_home.capacity.base = 260;
  care_home.los_days = DistributionParams::lognormal_mean_sd(45, 40);

  s.discharge_pathways[0] = {kHome, DistributionParams::fixed(0)};
  s.discharge_pathways[1] = {"reablement", DistributionParams::triangular(0.5, 1, 3)};
  s.discharge_pathways[2] = {"intermediate_care_beds", DistributionParams::triangular(1, 2, 5)};
  s.discharge_pathways[3] = {"care_home", DistributionParams::triangular(2, 4, 10)};
  // Unit costs as shipped in scenarios/kent-medway/baseline.yaml (GBP a day).
  acute.costs = {300, 95, 0, 425};
  ucr.costs = {120, 0, 60, 0};
  vw.costs = {170, 50, 0, 0};
  reablement.costs = {125, 0, 0, 0};
  home_care.costs = {15, 80, 0, 0};
  intermediate.costs = {150, 0, 0, 0};
  care_home.costs = {164, 0, 0, 0};
  s.services = {acute, ucr, vw, reablement, home_care, intermediate, care_home};
  return s;
}

inline Scenario kent_medway_flowing() {
  Scenario s = kent_medway_winter();
  s.services[3].capacity = {2000, {}};  // reablement
  s.services[4].capacity.base = 4000;   // home care
  s.services[5].capacity.base = 1300;   // intermediate care
  s.services[6].capacity.base = 1000;   // care home
  return s;
}

}  // namespace bedflow::model::examples
