// The keys of demand from the community, loss services, ward closures and the census's
// waiting_for_bed column: what each becomes, and every mistake located at its file, line and
// key.
#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"
#include "scenario_text.hpp"

using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

std::string extending_small(const std::string& name, const std::string& body) {
  return testing::extending_small("community-keys-", name, body);
}

// The diagnostic at `path` whose message contains `fragment`, required to be in `file` on the
// first line containing `line_text`.
void check_at(const std::vector<Diagnostic>& errors, const std::string& file,
              const std::string& path, const std::string& line_text,
              const std::string& fragment, const std::string& hint = {}) {
  INFO(path << "\n" << all_messages(errors));
  const Diagnostic* found = nullptr;
  for (const auto& d : errors)
    if (d.path == path && d.message.find(fragment) != std::string::npos) found = &d;
  REQUIRE(found != nullptr);
  CHECK(std::filesystem::equivalent(found->file, file));
  CHECK(found->line == line_of(file, line_text));
  CHECK(found->column > 0);
  if (!hint.empty()) CHECK(found->hint.find(hint) != std::string::npos);
}

}  // namespace

TEST_CASE("the new keys land in the Scenario", "[community][loss][closures]") {
  const auto file = extending_small("good", R"(profiles:
  winter_outbreaks: { dated: [[2026-01-01, 1.0], [2026-02-01, 2.0]], interpolate: step }
arrivals:
  gp_referrals:
    rate_per_day: 5
    cohort_mix: { frail: 1.0 }
    admit_to: intermediate_care
services:
  intermediate_care:
    when_full: turn_away
    if_turned_away: reablement
    closures: { rate_per_day: 0.05, profile: winter_outbreaks, beds: 4, duration_days: { gamma: { mean: 7, sd: 3 } } }
  acute:
    closures: { rate_per_day: 0.1, beds: { uniform: [2, 8] }, duration_days: 5 }
)");
  const auto loaded = load_scenario(file);
  const model::Scenario& s = loaded.scenario;
  const auto& ic = service(s, "intermediate_care");
  CHECK(ic.when_full == model::WhenFull::turn_away);
  CHECK(ic.if_turned_away == "reablement");
  REQUIRE(ic.closures.has_value());
  CHECK(ic.closures->rate_per_day == 0.05);
  CHECK(ic.closures->profile == "winter_outbreaks");
  CHECK(ic.closures->beds.kind == engine::DistributionKind::fixed);
  CHECK(ic.closures->beds.a == 4.0);
  CHECK(ic.closures->duration_days.kind == engine::DistributionKind::gamma);
  const auto& acute = service(s, "acute");
  REQUIRE(acute.closures.has_value());
  CHECK(acute.closures->beds.kind == engine::DistributionKind::uniform);
  CHECK(service(s, "reablement").when_full == model::WhenFull::queue);  // the default
  REQUIRE(s.arrivals.size() == 2);
  CHECK(s.arrivals[1].admit_to == "intermediate_care");
  // The resolved text loads back to the same scenario, new keys included.
  const auto resolved = write_file(scratch_dir("community-keys-resolved") / "resolved.yaml",
                                   loaded.resolved_yaml);
  CHECK(scenario_text(load_scenario(resolved).scenario) == scenario_text(s));
  // A closure's beds are a distribution: a child replaces them whole, never merges them.
  const auto child = write_file(std::filesystem::path(file).parent_path() / "child.yaml",
                                "schema: 1\nextends: good.yaml\nservices:\n  acute:\n"
                                "    closures: { beds: { triangular: [1, 2, 6] } }\n");
  const auto child_scenario = load_scenario(child).scenario;  // kept: service() refers into it
  const auto& replaced = service(child_scenario, "acute");
  CHECK(replaced.closures->beds.kind == engine::DistributionKind::triangular);
  CHECK(replaced.closures->rate_per_day == 0.1);  // the rest of the map merges
}

TEST_CASE("a stream of demand from the community refuses the keys of acute admission",
          "[community]") {
  const auto file = extending_small("community-stream", R"(services:
  step_down_ward:
    kind: virtual_ward
    capacity: 5
    step_down: { replaces_acute_days: 2, eligible_cohorts: [frail], los_days: 3 }
arrivals:
  gp_referrals:
    rate_per_day: 5
    cohort_mix: { frail: 1.0 }
    admit_to: reablement
    avoidable: { frail: 0.1 }
    alternatives: [ucr]
    cancel_when_occupancy_above: 0.9
  step_down_referrals:
    rate_per_day: 1
    cohort_mix: { adult: 1.0 }
    admit_to: step_down_ward
  unknown_referrals:
    rate_per_day: 1
    cohort_mix: { adult: 1.0 }
    admit_to: reablment
)");
  const auto errors = load_errors(file);
  CHECK(errors.size() == 5);
  check_at(errors, file, "arrivals.gp_referrals.avoidable", "avoidable: { frail: 0.1 }",
           "avoidable shares apply to acute admissions", "remove avoidable");
  check_at(errors, file, "arrivals.gp_referrals.alternatives", "alternatives: [ucr]",
           "alternatives apply to acute admissions");
  check_at(errors, file, "arrivals.gp_referrals.cancel_when_occupancy_above",
           "cancel_when_occupancy_above: 0.9", "cancellation applies to acute admissions");
  check_at(errors, file, "arrivals.step_down_referrals.admit_to", "admit_to: step_down_ward",
           "expected a virtual_ward with step_up", "add step_up");
  check_at(errors, file, "arrivals.unknown_referrals.admit_to", "admit_to: reablment",
           "unknown service 'reablment'", "did you mean 'reablement'?");
}

TEST_CASE("when_full, if_turned_away and closures: values checked where written",
          "[loss][closures]") {
  const auto file = extending_small("loss-fields", R"(services:
  intermediate_care:
    when_full: turnaway
    closures: { rate_per_day: 0, beds: 2.5, duration_days: { exponential: { mean: -3 } } }
  reablement:
    closures: { rate_per_day: 0.1, beds: 0 }
  acute:
    when_full: turn_away
  ucr:
    closures: { rate_per_day: 0.1, beds: 1, duration_days: 2 }
)");
  const auto errors = load_errors(file);
  CHECK(errors.size() == 8);
  check_at(errors, file, "services.intermediate_care.when_full", "when_full: turnaway",
           "expected queue or turn_away, found 'turnaway'", "did you mean 'turn_away'?");
  check_at(errors, file, "services.intermediate_care.closures.rate_per_day", "rate_per_day: 0,",
           "found 0");
  check_at(errors, file, "services.intermediate_care.closures.beds", "beds: 2.5",
           "expected a whole number, found 2.5");
  bool duration_refused = false;
  for (const auto& d : errors)
    duration_refused = duration_refused ||
        (d.path.rfind("services.intermediate_care.closures.duration_days", 0) == 0 &&
         d.line == line_of(file, "mean: -3"));
  CHECK(duration_refused);
  check_at(errors, file, "services.reablement.closures.beds", "beds: 0", "found 0");
  check_at(errors, file, "services.reablement.closures.duration_days", "beds: 0",
           "missing required key 'duration_days'");
  check_at(errors, file, "services.acute.when_full", "when_full: turn_away",
           "unknown key 'when_full'");
  CHECK(has_error(errors, "services.ucr.closures", "unknown key 'closures'"));
}

TEST_CASE("if_turned_away and closure profiles: names, kinds and cycles", "[loss][closures]") {
  const auto file = extending_small("loss-names", R"(profiles:
  hourly: { daily: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }
services:
  intermediate_care:
    when_full: turn_away
    if_turned_away: reablment
    closures: { rate_per_day: 0.1, profile: wintr, beds: 2, duration_days: 5 }
  reablement:
    if_turned_away: home
  virtual_ward:
    when_full: turn_away
    if_turned_away: acute
  ward_a:
    kind: beds
    capacity: 5
    los_days: 3
    when_full: turn_away
    if_turned_away: ward_b
  ward_b:
    kind: beds
    capacity: 5
    los_days: 3
    when_full: turn_away
    if_turned_away: ward_a
  acute:
    closures: { rate_per_day: 0.1, profile: hourly, beds: 2, duration_days: 5 }
)");
  const auto errors = load_errors(file);
  CHECK(errors.size() == 7);
  check_at(errors, file, "services.intermediate_care.if_turned_away", "if_turned_away: reablment",
           "unknown service 'reablment'", "did you mean 'reablement'?");
  check_at(errors, file, "services.intermediate_care.closures.profile", "profile: wintr",
           "unknown profile 'wintr'");
  check_at(errors, file, "services.reablement.if_turned_away", "if_turned_away: home",
           "if_turned_away needs when_full: turn_away");
  check_at(errors, file, "services.virtual_ward.if_turned_away", "if_turned_away: acute",
           "found 'acute'");
  check_at(errors, file, "services.ward_a.if_turned_away", "if_turned_away: ward_b",
           "'ward_a' -> 'ward_b' -> 'ward_a'");
  check_at(errors, file, "services.ward_b.if_turned_away", "if_turned_away: ward_a",
           "'ward_b' -> 'ward_a' -> 'ward_b'");
  check_at(errors, file, "services.acute.closures.profile", "profile: hourly",
           "expected a weekly or dated profile");
}

TEST_CASE("census rows waiting for a bed: the column, its values and its rules", "[census]") {
  const auto dir = scratch_dir("community-keys-census");
  const auto yaml = [&](const std::string& name, const std::string& rows) {
    return small_with_census(dir, name, rows);
  };
  const auto good = load_scenario(yaml("good", "service,cohort,days_in_service,medically_fit,"
                                               "waiting_for_bed\n"
                                               "acute,frail,3,false,false\n"
                                               "acute,adult,0.25,false,true\n"));
  REQUIRE(good.scenario.census.size() == 2);
  CHECK(!good.scenario.census[0].waiting_for_bed);
  CHECK(good.scenario.census[1].waiting_for_bed);
  CHECK(good.scenario.census[1].days_in_service == 0.25);

  const std::string csv = (dir / "bad-value.csv").string();
  auto errors = load_errors(yaml("bad-value", "waiting_for_bed,service,cohort,days_in_service,"
                                              "medically_fit\n"
                                              "perhaps,acute,frail,3,false\n"
                                              "true,acute,frail\n"));
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 2);
  CHECK(std::filesystem::equivalent(errors[0].file, csv));
  CHECK(errors[0].line == 2);
  CHECK(errors[0].path == "waiting_for_bed");
  CHECK(errors[0].message.find("expected true or false, found 'perhaps'") != std::string::npos);
  CHECK(errors[1].line == 3);
  CHECK(errors[1].message.find("expected 5 fields") != std::string::npos);

  errors = load_errors(yaml("bad-rules", "service,cohort,days_in_service,medically_fit,"
                                         "waiting_for_bed\n"
                                         "reablement,frail,1,false,true\n"
                                         "acute,frail,1,true,true\n"));
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].line == 2);
  CHECK(errors[0].path == "waiting_for_bed");
  CHECK(errors[0].message.find("not an acute service") != std::string::npos);
  CHECK(errors[1].line == 3);
  CHECK(errors[1].message.find("cannot be medically fit") != std::string::npos);

  errors = load_errors(yaml("bad-header", "service,cohort,days_in_service,medically_fit,waiting\n"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "header");
  CHECK(errors[0].message.find("optionally waiting_for_bed") != std::string::npos);
  CHECK(errors[0].message.find("unknown column 'waiting'") != std::string::npos);
  // A misspelt column is named with a hint, however long the header (the quoted header is
  // cut short).
  errors = load_errors(yaml("bad-header-long", "service,cohort,days_in_service,medically_fit,"
                                              "waiting_for_beds\n"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("unknown column 'waiting_for_beds' (did you mean "
                               "'waiting_for_bed'?)") != std::string::npos);
}

TEST_CASE("escalate_to names an acute service, and only on demand from the community") {
  const std::string fixture_path = fixture("good/small.yaml");
  const auto with = [&](std::vector<std::string> sets) {
    std::vector<Override> overrides;
    for (const auto& text : sets) overrides.push_back(parse_override(text));
    return overrides;
  };
  const std::string stream = "arrivals.gp={ rate_per_day: 2, cohort_mix: { frail: 1 }, "
                             "admit_to: reablement, escalate_to: ";
  CHECK(load_errors(fixture_path, with({stream + "acute }"})).empty());
  CHECK(load_scenario(fixture_path, with({stream + "acute }"})).scenario.arrivals.back().escalate_to ==
        "acute");
  CHECK(has_error(load_errors(fixture_path, with({stream + "reablement }"})),
                  "arrivals.gp.escalate_to", "expected an acute service"));
  CHECK(has_error(load_errors(fixture_path, with({"arrivals.emergency.escalate_to=acute"})),
                  "arrivals.emergency.escalate_to", "admits to an acute service already"));
}

TEST_CASE("ring_fenced_beds lands in the Scenario and mistakes are located",
          "[ring_fence]") {
  const auto good = extending_small("ring-fence-good", R"(arrivals:
  elective:
    rate_per_day: 10
    cohort_mix: { adult: 1.0 }
    admit_to: acute
    ring_fenced_beds: 40
    cancel_when_occupancy_above: 0.98
)");
  const auto loaded = load_scenario(good);
  const model::ArrivalStream* elective = nullptr;
  for (const auto& a : loaded.scenario.arrivals)
    if (a.name == "elective") elective = &a;
  REQUIRE(elective != nullptr);
  CHECK(elective->ring_fenced_beds == 40);
  CHECK(elective->cancel_when_occupancy_above == 0.98);

  const auto bad = extending_small("ring-fence-bad", R"(arrivals:
  elective:
    rate_per_day: 10
    cohort_mix: { adult: 1.0 }
    admit_to: acute
    ring_fenced_beds: 301
  day_surgery:
    rate_per_day: 5
    cohort_mix: { adult: 1.0 }
    admit_to: acute
    ring_fenced_beds: 10
  gp_referrals:
    rate_per_day: 5
    cohort_mix: { frail: 1.0 }
    admit_to: reablement
    ring_fenced_beds: 7
  negative:
    rate_per_day: 5
    cohort_mix: { frail: 1.0 }
    ring_fenced_beds: -1
)");
  const auto errors = load_errors(bad);
  CHECK(errors.size() == 4);
  check_at(errors, bad, "arrivals.elective.ring_fenced_beds", "ring_fenced_beds: 301",
           "more than 'acute' has (300 at its smallest)", "at most 300");
  check_at(errors, bad, "arrivals.day_surgery.ring_fenced_beds", "ring_fenced_beds: 10",
           "already keeps ring-fenced beds for arrivals.elective", "merge the streams");
  check_at(errors, bad, "arrivals.gp_referrals.ring_fenced_beds", "ring_fenced_beds: 7",
           "not an acute service", "admit_to an acute service");
  check_at(errors, bad, "arrivals.negative.ring_fenced_beds", "ring_fenced_beds: -1",
           "a number of beds");
}
