// What each key becomes in the Scenario, and the rules that need more than one field.
#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

const std::string kSmall = fixture("good/small.yaml");

model::Scenario small(const std::vector<std::string>& sets = {}) {
  std::vector<Override> overrides;
  for (const auto& s : sets) overrides.push_back(parse_override(s));
  return load_scenario(kSmall, overrides).scenario;
}

std::vector<Diagnostic> small_errors(const std::vector<std::string>& sets) {
  std::vector<Override> overrides;
  for (const auto& s : sets) overrides.push_back(parse_override(s));
  return load_errors(kSmall, overrides);
}


}  // namespace

TEST_CASE("every section of the small scenario lands in the right field") {
  const auto s = small();
  CHECK(s.run.name == "small");
  CHECK(s.run.start == engine::Date{2026, 1, 5});
  CHECK(s.run.horizon_days == 60);
  CHECK(s.run.warmup_days == 0);
  CHECK(s.run.replications == 2);
  CHECK(s.run.seed == 7);

  REQUIRE(s.profiles.size() == 2);
  CHECK(s.profiles[0].kind == model::Profile::Kind::weekly);
  CHECK(s.profiles[0].factors.size() == 7);
  CHECK(s.profiles[1].kind == model::Profile::Kind::dated);
  REQUIRE(s.profiles[1].points.size() == 3);
  CHECK(s.profiles[1].points[1].date == engine::Date{2026, 2, 1});
  CHECK(s.profiles[1].points[1].factor == Approx(1.2));

  REQUIRE(s.cohorts.size() == 2);
  const auto& frail = s.cohorts[0];
  const auto expected = engine::DistributionParams::lognormal_mean_sd(6, 5);
  CHECK(frail.acute_los_days.kind == engine::DistributionKind::lognormal);
  CHECK(frail.acute_los_days.a == Approx(expected.a));
  CHECK(frail.acute_los_days.b == Approx(expected.b));
  CHECK(frail.los_multiplier_profile == "surge");
  CHECK(frail.discharge_pathway == std::array<double, 4>{0.6, 0.3, 0.1, 0.0});
  CHECK(frail.readmission.within_days == 30);
  CHECK(frail.readmission.probability_after.at("reablement") == Approx(0.05));
  CHECK(s.cohorts[1].discharge_pathway == std::array<double, 4>{1.0, 0.0, 0.0, 0.0});

  REQUIRE(s.arrivals.size() == 1);
  const auto& a = s.arrivals[0];
  CHECK(a.rate_per_day == 40);
  CHECK(a.cohort_mix == std::vector<std::pair<std::string, double>>{{"frail", 0.4}, {"adult", 0.6}});
  CHECK(a.avoidable_share.at("frail") == Approx(0.2));
  CHECK(a.alternatives == std::vector<std::string>{"ucr", "virtual_ward"});
  CHECK(a.admit_to == "acute");
  CHECK(!a.cancel_when_occupancy_above.has_value());

  const auto& acute = service(s, "acute");
  CHECK(acute.kind == model::ServiceKind::acute);
  REQUIRE(acute.escalation.size() == 1);
  CHECK(acute.escalation[0].beds == 10);
  CHECK(acute.escalation[0].close_below == Approx(0.9));
  const auto& ucr = service(s, "ucr");
  REQUIRE(ucr.urgent_response.has_value());
  CHECK(ucr.urgent_response->capacity_per_day == 10);
  CHECK(ucr.urgent_response->opens_hour == 8);  // default
  const auto& vw = service(s, "virtual_ward");
  REQUIRE(vw.step_up.has_value());
  CHECK(!vw.step_down.has_value());
  const auto& ic = service(s, "intermediate_care");
  CHECK(ic.then == std::vector<std::pair<std::string, double>>{{"home", 0.7}, {"reablement", 0.3}});
  CHECK(ic.los_days->kind == engine::DistributionKind::gamma);

  CHECK(s.discharge_pathways[0].to == "home");  // default
  CHECK(s.discharge_pathways[1].to == "reablement");
  CHECK(s.discharge_pathways[1].assessment_days.kind == engine::DistributionKind::fixed);
  CHECK(s.discharge_pathways[1].assessment_days.a == 1);
  CHECK(s.discharge_pathways[2].assessment_days.kind == engine::DistributionKind::triangular);
  CHECK(s.census.empty());
}

TEST_CASE("every distribution kind can be written, in each of its forms") {
  const std::string key = "cohorts.adult.acute_los_days=";
  using K = engine::DistributionKind;
  const std::vector<std::pair<std::string, K>> cases{
      {"3", K::fixed},
      {"{ fixed: 3 }", K::fixed},
      {"{ uniform: { low: 1, high: 3 } }", K::uniform},
      {"{ uniform: [1, 3] }", K::uniform},
      {"{ exponential: { mean: 3 } }", K::exponential},
      {"{ lognormal: { meanlog: 0.5, sdlog: 1 } }", K::lognormal},
      {"{ lognormal: { mean: 3, sd: 2 } }", K::lognormal},
      {"{ gamma: { shape: 2, scale: 1.5 } }", K::gamma},
      {"{ gamma: { mean: 3, sd: 2 } }", K::gamma},
      {"{ weibull: { shape: 1.5, scale: 3 } }", K::weibull},
      {"{ triangular: [1, 2, 4] }", K::triangular},
      {"{ triangular: { low: 1, mode: 2, high: 4 } }", K::triangular},
      {"{ empirical: { samples: [1, 2, 2, 5] } }", K::empirical_samples},
      {"{ empirical: { edges: [0, 1, 3], weights: [1, 2] } }", K::empirical_histogram},
  };
  for (const auto& [text, kind] : cases) {
    INFO(text);
    CHECK(small({key + text}).cohorts[1].acute_los_days.kind == kind);
  }
}

TEST_CASE("distribution mistakes are located at the distribution") {
  const std::string key = "cohorts.adult.acute_los_days=";
  CHECK(has_error(small_errors({key + "{ triangular: [3, 2, 1] }"}),
                  "cohorts.adult.acute_los_days.triangular", "invalid triangular"));
  CHECK(has_error(small_errors({key + "{ triangular: [1, 2] }"}),
                  "cohorts.adult.acute_los_days.triangular", "expected 3 values"));
  CHECK(has_error(small_errors({key + "{ exponential: { mean: 3 }, fixed: 2 }"}),
                  "cohorts.adult.acute_los_days", "one kind"));
  CHECK(has_error(small_errors({key + "{ lognormal: { meanlog: 40, sdlog: 1 } }"}),
                  "cohorts.adult.acute_los_days.lognormal", "expected a mean of at most"));
  CHECK(has_error(small_errors({key + "{ exponential: { mean: 3, sd: 1 } }"}),
                  "cohorts.adult.acute_los_days.exponential.sd", "unknown key 'sd'"));
  CHECK(has_error(small_errors({key + "-1"}), "cohorts.adult.acute_los_days", "found -1"));
  // Extreme parameters end in a message, never in a crash or an infinite stay.
  CHECK(has_error(small_errors({key + "{ gamma: { mean: 3, sd: 1e-300 } }"}),
                  "cohorts.adult.acute_los_days.gamma", "invalid gamma"));
  CHECK(has_error(small_errors({key + "{ weibull: { shape: 1e-300, scale: 1 } }"}),
                  "cohorts.adult.acute_los_days.weibull", "expected a mean of at most"));
  CHECK(has_error(small_errors({key + "{ empirical: { samples: [] } }"}),
                  "cohorts.adult.acute_los_days.empirical", "invalid empirical"));
  CHECK(has_error(small_errors({key + "{ empirical: { edges: [0, 1], weights: [0] } }"}),
                  "cohorts.adult.acute_los_days.empirical", "invalid empirical"));
}

TEST_CASE("capacities: unlimited, schedules of dated changes, and their mistakes") {
  auto s = small({"services.reablement.capacity={ base: 60, changes: [[2026-02-01, 80], [2026-03-01, unlimited]] }"});
  const auto& r = service(s, "reablement");
  CHECK(r.capacity.base == 60);
  REQUIRE(r.capacity.changes.size() == 2);
  CHECK(r.capacity.changes[0].date == engine::Date{2026, 2, 1});
  CHECK(r.capacity.changes[0].capacity == 80);
  CHECK(r.capacity.changes[1].capacity == model::kUnlimitedCapacity);
  // Community services may be closed (0 places); acute beds may not.
  CHECK(service(small({"services.reablement.capacity=0"}), "reablement").capacity.base == 0);
  CHECK(has_error(small_errors({"services.reablement.capacity={ base: 60, changes: [[2026-03-01, 80], [2026-02-01, 70]] }"}),
                  "services.reablement.capacity.changes.1.date", "dates out of order"));
  CHECK(has_error(small_errors({"services.reablement.capacity=12.5"}),
                  "services.reablement.capacity", "whole number"));
  CHECK(has_error(small_errors({"services.reablement.capacity=\"60\""}),
                  "services.reablement.capacity", "found the text"));
}

TEST_CASE("rules between fields of one service") {
  CHECK(has_error(small_errors({"services.acute.escalation.0.close_below=0.97"}),
                  "services.acute.escalation.0.close_below", "below open_above"));
  CHECK(has_error(small_errors({"services.ucr.closes_hour=6"}), "services.ucr.closes_hour",
                  "after opens_hour"));
  CHECK(has_error(small_errors({"services.virtual_ward.step_up=~"}), "services.virtual_ward",
                  "needs step_up, step_down or both"));
  CHECK(has_error(small_errors({"services.home={ kind: beds, capacity: 1, los_days: 2 }"}),
                  "services.home", "reserved"));
  CHECK(has_error(small_errors({"services.acute.los_days=3"}), "services.acute.los_days",
                  "unknown key 'los_days'"));
}

TEST_CASE("cross-references: alternatives, admit_to, stay multipliers, on_failure, step-down") {
  // An avoidable share with nowhere to go.
  CHECK(has_error(small_errors({"arrivals.emergency.alternatives=[]"}), "arrivals.emergency.avoidable",
                  "no alternatives"));
  // Only urgent community response and step-up virtual wards take avoidable admissions.
  CHECK(has_error(small_errors({"arrivals.emergency.alternatives=[reablement]"}),
                  "arrivals.emergency.alternatives.0", "expected an alternative to admission"));
  // A stream admitting to a community service is demand from the community: it takes no
  // avoidable shares or alternatives (those are about acute admission).
  CHECK(has_error(small_errors({"arrivals.emergency.admit_to=reablement"}),
                  "arrivals.emergency.alternatives", "alternatives apply to acute admissions"));
  CHECK(small({"arrivals.emergency.admit_to=reablement", "arrivals.emergency.avoidable=~",
               "arrivals.emergency.alternatives=~"}).arrivals[0].admit_to == "reablement");
  // With one acute service, admit_to may be left out.
  CHECK(small({"arrivals.emergency.admit_to=~"}).arrivals[0].admit_to == "acute");
  // YAML's other spellings of null remove a key as `~` does.
  for (const std::string null : {"null", "Null", "NULL"}) {
    CHECK(small({"arrivals.emergency.admit_to=" + null}).arrivals[0].admit_to == "acute");
  }
  CHECK(has_error(small_errors({"cohorts.frail.los_multiplier=weekday"}),
                  "cohorts.frail.los_multiplier", "expected a dated profile"));
  CHECK(has_error(small_errors({"services.reablement.on_failure=home_cair"}),
                  "services.reablement.on_failure", "unknown service 'home_cair'"));
  CHECK(has_error(small_errors({"services.reablement.on_failure=intermediate_care"}),
                  "services.reablement.on_failure", "needs independent_at_91_days"));
  CHECK(has_error(
      small_errors({"services.virtual_ward.step_down={ replaces_acute_days: 2, eligible_cohorts: [fral], los_days: 3 }"}),
      "services.virtual_ward.step_down.eligible_cohorts.0", "unknown cohort 'fral'"));
  // Step-downs go to one ward: a second ward taking them is refused at its step_down.
  const std::string step_down = "{ replaces_acute_days: 2, eligible_cohorts: [frail], los_days: 3 }";
  CHECK(small({"services.virtual_ward.step_down=" + step_down}).services.size() == 5);
  CHECK(has_error(small_errors({"services.virtual_ward.step_down=" + step_down,
                                "services.second_ward={ kind: virtual_ward, capacity: 5, step_down: " +
                                    step_down + " }"}),
                  "services.second_ward.step_down", "only one virtual ward can take step-downs"));
  CHECK(has_error(small_errors({"services.intermediate_care.then.acute=0.3", "services.intermediate_care.then.reablement=~"}),
                  "services.intermediate_care.then.acute", "onward routes go to community services"));
  CHECK(has_error(small_errors({"discharge_pathways.P3.to=ucr"}), "discharge_pathways.P3.to",
                  "community service or home"));
  CHECK(has_error(small_errors({"cohorts.frail.readmission.probability_after.reablment=0.1"}),
                  "cohorts.frail.readmission.probability_after.reablment",
                  "unknown service 'reablment'"));
}

TEST_CASE("with several acute services, an acute name must not read as a pathway or a month") {
  // delayed_patients_mean_P2 and ed_waits_over_4h_2026_02 are other measures' names.
  CHECK(has_error(small_errors({"services.P2={ kind: acute, capacity: 10 }"}), "services.P2",
                  "cannot be named 'P2'"));
  CHECK(has_error(small_errors({"services.2026_02={ kind: acute, capacity: 10 }"}),
                  "services.2026_02", "calendar month"));
  // With one acute service there are no per-acute measures; other near misses are fine.
  CHECK(small({"services.P2={ kind: beds, capacity: 10, los_days: 2 }"}).services.size() == 6);
  CHECK(small({"services.P4={ kind: acute, capacity: 10 }"}).services.size() == 6);
  CHECK(small({"services.2026_2={ kind: acute, capacity: 10 }"}).services.size() == 6);
  // A trust's months put the month after its name: a name ending like a month would read as
  // another trust's month (ed_waits_over_4h_east_2026_02).
  CHECK(has_error(small_errors({"services.east_2026_02={ kind: acute, capacity: 10 }"}),
                  "services.east_2026_02", "cannot end like a calendar month"));
  CHECK(small({"services.east_2026={ kind: acute, capacity: 10 }"}).services.size() == 6);
  CHECK(small({"services.east_2026_13={ kind: acute, capacity: 10 }"}).services.size() == 6);
  CHECK(small({"services.acute_2027={ kind: acute, capacity: 10 }"}).services.size() == 6);
}

TEST_CASE("with several acute services, a later one's own ED-wait thresholds are refused") {
  // Every trust's counts use the first acute service's thresholds: another list is refused
  // where it was written, not read and ignored.
  CHECK(has_error(small_errors({"services.south={ kind: acute, capacity: 10, "
                                "report_waits_over_hours: [4, 24] }"}),
                  "services.south.report_waits_over_hours", "would be ignored"));
  CHECK(all_messages(small_errors({"services.south={ kind: acute, capacity: 10, "
                                   "report_waits_over_hours: [4, 24] }"}))
            .find("('acute': [4, 12])") != std::string::npos);
  // A threshold given twice (or twice to the microsecond of an hour) would name two measures
  // alike.
  CHECK(has_error(small_errors({"services.acute.report_waits_over_hours=[4, 4]"}),
                  "services.acute.report_waits_over_hours", "given twice"));
  CHECK(has_error(small_errors({"services.acute.report_waits_over_hours=[4.4, 4.4000001]"}),
                  "services.acute.report_waits_over_hours", "given twice"));
  // The same list, or none (the first's list applies), is fine.
  CHECK(small({"services.south={ kind: acute, capacity: 10, report_waits_over_hours: [4, 12] }"})
            .services.size() == 6);
  CHECK(small({"services.acute.report_waits_over_hours=[4, 24]",
               "services.south={ kind: acute, capacity: 10 }"})
            .services.size() == 6);
}

TEST_CASE("the model's network check is reported at the services involved") {
  // Two unlimited services routing to each other: patients could circulate for ever.
  const auto errors = small_errors({"services.intermediate_care.capacity=unlimited",
                                    "services.reablement.capacity=unlimited",
                                    "services.reablement.then={ intermediate_care: 0.5, home: 0.5 }"});
  INFO(all_messages(errors));
  REQUIRE(!errors.empty());
  bool found = false;
  for (const auto& d : errors) {
    if (d.message.find("no capacity limit") == std::string::npos) continue;
    found = true;
    CHECK(d.path.rfind("services.", 0) == 0);
    CHECK(d.line > 0);
  }
  CHECK(found);
}

TEST_CASE("did-you-mean hints: close names only, swapped letters count as one slip") {
  // One letter missing, one swapped pair, one wrong letter: each gets the right hint.
  for (const auto& [typo, meant] : std::vector<std::pair<std::string, std::string>>{
           {"reablment", "reablement"}, {"reablemnet", "reablement"}, {"intermediate_cair", "intermediate_care"}}) {
    const auto errors = small_errors({"discharge_pathways.P1.to=" + typo});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].hint == "did you mean '" + meant + "'?");
  }
  // Nothing close: the hint lists the names instead of guessing.
  const auto errors = small_errors({"discharge_pathways.P1.to=nursing"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].hint.find("did you mean") == std::string::npos);
  CHECK(errors[0].hint.find("expected one of:") != std::string::npos);
  CHECK(errors[0].hint.find("reablement") != std::string::npos);
}

TEST_CASE("service unit costs land on their service, a place cost needs finite capacity") {
  const auto s = small({"services.acute.costs_gbp={ place_day: 300, occupied_day: 95, "
                        "escalation_place_day: 425 }",
                        "services.ucr.costs_gbp={ place_day: 120, visit: 60 }",
                        "services.reablement.costs_gbp.place_day=125"});
  CHECK(service(s, "acute").costs == model::ServiceCosts{300, 95, 0, 425});
  CHECK(service(s, "ucr").costs == model::ServiceCosts{120, 0, 60, 0});
  CHECK(service(s, "reablement").costs == model::ServiceCosts{125, 0, 0, 0});
  CHECK(service(s, "intermediate_care").costs == model::ServiceCosts{});

  auto errors = small_errors({"services.reablement.capacity=unlimited",
                              "services.reablement.costs_gbp.place_day=125"});
  CHECK(has_error(errors, "services.reablement.costs_gbp.place_day",
                  "a place cost needs a finite capacity"));
  // Priced by use, unlimited capacity is fine.
  errors = small_errors({"services.reablement.capacity=unlimited",
                         "services.reablement.costs_gbp.occupied_day=125"});
  CHECK(errors.empty());
  errors = small_errors({"services.virtual_ward.costs_gbp.escalation_place_day=5"});
  CHECK(has_error(errors, "services.virtual_ward.costs_gbp.escalation_place_day",
                  "unknown key"));
}

TEST_CASE("an acute service's own discharge pathways override the scenario's field by field") {
  const auto s = small({"services.acute.discharge_pathways.P1.to=intermediate_care",
                        "services.acute.discharge_pathways.P2.assessment_days=3"});
  const model::Service& acute = s.services[0];
  const auto p1 = model::pathway_for(s, acute, 1);
  CHECK(p1.to == "intermediate_care");
  CHECK(p1.assessment_days.a == Approx(1.0));  // the scenario's assessment, inherited
  const auto p2 = model::pathway_for(s, acute, 2);
  CHECK(p2.to == "intermediate_care");         // the scenario's destination, inherited
  CHECK(p2.assessment_days.kind == engine::DistributionKind::fixed);
  CHECK(p2.assessment_days.a == Approx(3.0));
  CHECK(model::pathway_for(s, acute, 3).to == s.discharge_pathways[3].to);

  const std::string at = "services.acute.discharge_pathways.P1.to";
  CHECK(has_error(small_errors({at + "=intermediate_cares"}), at, "intermediate_care"));
  CHECK(has_error(small_errors({at + "=ucr"}), at, "community service or home"));
  CHECK(has_error(small_errors({"services.acute.discharge_pathways.P5.to=home"}),
                  "services.acute.discharge_pathways.P5", ""));
  CHECK(has_error(small_errors({"services.reablement.discharge_pathways.P1.to=home"}),
                  "services.reablement.discharge_pathways", ""));
}
