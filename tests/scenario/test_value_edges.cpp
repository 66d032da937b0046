// Scenario-level checks of values at their edges: shares within the documented tolerance are
// accepted and normalised (each kind of share), beyond it refused at the shares' own key;
// destinations that never open, census rows beyond a service's places and medically_fit on
// community rows are reported; routing loops that (almost) never exit are refused.
#include <algorithm>
#include <cmath>
#include <numeric>

#include <catch2/catch.hpp>

#include "bedflow/models/simulate.hpp"
#include "scenario_test_support.hpp"

using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

struct Parts {
  std::string mix = "{ frail: 0.4, adult: 0.6 }";
  std::string frail_pathways = "{ P0: 0.5, P1: 0.32, P2: 0.12, P3: 0.06 }";
  std::string intermediate_then = "{ home: 0.6, reablement: 0.25, care_home: 0.15 }";
  std::string intermediate_capacity = "30";
  std::string reablement_then = "{ home: 1.0 }";
  std::string extra_cohorts;
  std::string census_csv;  // file name, written next to the scenario
  std::string acute_capacity = "300";
  std::string rate = "40";
  std::string before_cohorts;  // e.g. profiles
  std::string stream_extra;    // more keys of the emergency stream
  std::string after;           // e.g. outputs
  std::string run_extra;       // more keys of `scenario:`, e.g. ", replications: 100"
};

std::string edges_yaml(const Parts& p) {
  return R"(schema: 1
scenario: { name: edges, start: 2026-01-05, horizon_days: 60)" + p.run_extra + R"( }
)" + p.before_cohorts + R"(cohorts:
  frail:
    acute_los_days: { exponential: { mean: 6 } }
    discharge_pathway: )" + p.frail_pathways + R"(
  adult:
    acute_los_days: { exponential: { mean: 2 } }
)" + p.extra_cohorts + R"(arrivals:
  emergency:
    rate_per_day: )" + p.rate + R"(
    cohort_mix: )" + p.mix + R"(
)" + p.stream_extra + R"(services:
  acute: { kind: acute, capacity: )" + p.acute_capacity + R"( }
  reablement:
    kind: caseload
    capacity: 60
    los_days: { exponential: { mean: 15 } }
    then: )" + p.reablement_then + R"(
  intermediate_care:
    kind: beds
    capacity: )" + p.intermediate_capacity + R"(
    los_days: { exponential: { mean: 20 } }
    then: )" + p.intermediate_then + R"(
  care_home:
    kind: beds
    capacity: 50
    los_days: { exponential: { mean: 60 } }
discharge_pathways:
  P1: { to: reablement }
  P2: { to: intermediate_care }
  P3: { to: care_home }
)" + (p.census_csv.empty() ? "" : "initial_state: { census_csv: " + p.census_csv + " }\n") +
         p.after;
}

std::string write_scenario(const std::string& name, const Parts& parts,
                           const std::string& census = {}) {
  const auto dir = scratch_dir("value-edges-" + name);
  if (!census.empty()) write_file(dir / parts.census_csv, census);
  return write_file(dir / "scenario.yaml", edges_yaml(parts));
}

double sum_of(const std::vector<std::pair<std::string, double>>& shares) {
  double sum = 0.0;
  for (const auto& [name, share] : shares) sum += share;
  return sum;
}


}  // namespace

TEST_CASE("shares within 1e-6 of 1 are accepted and normalised, for every kind of share",
          "[shares][edges]") {
  SECTION("a cohort mix of nine shares of 0.1111111") {
    Parts p;
    std::string mix = "{ frail: 0.1111111, adult: 0.1111111";
    for (int i = 3; i <= 9; ++i) {
      p.extra_cohorts += "  c" + std::to_string(i) + ":\n    acute_los_days: 2\n";
      mix += ", c" + std::to_string(i) + ": 0.1111111";
    }
    p.mix = mix + " }";
    const auto loaded = load_scenario(write_scenario("nine", p));
    const auto& shares = loaded.scenario.arrivals.front().cohort_mix;
    REQUIRE(shares.size() == 9);
    CHECK(std::abs(sum_of(shares) - 1.0) < 1e-15);
    for (const auto& [name, share] : shares) CHECK(share == Approx(1.0 / 9.0).epsilon(1e-14));
  }
  SECTION("a cohort mix of 0.5000001 and 0.5") {
    Parts p;
    p.mix = "{ frail: 0.5000001, adult: 0.5 }";
    const auto loaded = load_scenario(write_scenario("two", p));
    CHECK(std::abs(sum_of(loaded.scenario.arrivals.front().cohort_mix) - 1.0) < 1e-15);
  }
  SECTION("a discharge pathway P3 share of 0.0599995") {
    Parts p;
    p.frail_pathways = "{ P0: 0.5, P1: 0.32, P2: 0.12, P3: 0.0599995 }";
    const auto loaded = load_scenario(write_scenario("pathways", p));
    const auto& shares = loaded.scenario.cohorts.front().discharge_pathway;
    CHECK(std::abs(std::accumulate(shares.begin(), shares.end(), 0.0) - 1.0) < 1e-15);
    CHECK(shares[3] == Approx(0.0599995 / 0.9999995).epsilon(1e-14));
  }
  SECTION("a then: of 0.6, 0.25 and 0.1500005") {
    Parts p;
    p.intermediate_then = "{ home: 0.6, reablement: 0.25, care_home: 0.1500005 }";
    const auto loaded = load_scenario(write_scenario("then", p));
    CHECK(std::abs(sum_of(service(loaded.scenario, "intermediate_care").then) - 1.0) < 1e-15);
  }
}

TEST_CASE("shares beyond 1e-6 are refused at their own key with digits enough to see why",
          "[shares][edges]") {
  struct Case {
    std::string name;
    Parts parts;
    std::string path, line_text, message;
  };
  Parts mix, pathways, then;
  mix.mix = "{ frail: 0.5000011, adult: 0.5 }";
  pathways.frail_pathways = "{ P0: 0.5, P1: 0.32, P2: 0.12, P3: 0.059998 }";
  then.intermediate_then = "{ home: 0.6, reablement: 0.25, care_home: 0.150002 }";
  for (const Case& c : {Case{"mix-off", mix, "arrivals.emergency.cohort_mix", "cohort_mix:",
                             "cohort_mix shares must sum to 1, found 1.0000011"},
                        Case{"pathways-off", pathways, "cohorts.frail.discharge_pathway",
                             "discharge_pathway:", "must sum to 1, found 0.999998"},
                        Case{"then-off", then, "services.intermediate_care.then",
                             "care_home: 0.150002", "must sum to 1, found 1.000002"}}) {
    INFO(c.name);
    const auto file = write_scenario(c.name, c.parts);
    const auto errors = load_errors(file);
    INFO(all_messages(errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().path == c.path);
    CHECK(errors.front().line == line_of(file, c.line_text));
    CHECK(errors.front().message.find(c.message) != std::string::npos);
  }
}

TEST_CASE("a destination that never opens is a warning naming the routes that lead there",
          "[closed][edges]") {
  SECTION("capacity 0 for the whole run, reached by a discharge pathway and a then: route") {
    Parts p;
    p.intermediate_capacity = "0";
    p.reablement_then = "{ home: 0.9, intermediate_care: 0.1 }";
    const auto file = write_scenario("closed-whole", p);
    const auto loaded = load_scenario(file);
    REQUIRE(loaded.warnings.size() == 1);
    const Diagnostic& w = loaded.warnings.front();
    CHECK(w.path == "services.intermediate_care.capacity");
    CHECK(w.line == line_of(file, "capacity: 0"));
    CHECK(w.message.find("no places for the whole run") != std::string::npos);
    CHECK(w.message.find("discharge pathway P2, services.reablement.then") != std::string::npos);
  }
  SECTION("a schedule that drops to 0 and never reopens") {
    Parts p;
    p.intermediate_capacity = "{ base: 30, changes: [[2026-02-01, 10], [2026-02-15, 0]] }";
    const auto loaded = load_scenario(write_scenario("closed-later", p));
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings.front().message.find("from 2026-02-15 to the end of the run") !=
          std::string::npos);
  }
  SECTION("a closure that reopens within the run, or is not routed to, is fine") {
    Parts p;
    p.intermediate_capacity = "{ base: 0, changes: [[2026-02-01, 30]] }";
    CHECK(load_scenario(write_scenario("reopens", p)).warnings.empty());
    p.intermediate_capacity = "0";
    p.frail_pathways = "{ P0: 0.5, P1: 0.5 }";
    CHECK(load_scenario(write_scenario("unused", p)).warnings.empty());
  }
}

TEST_CASE("a census beyond a service's places is reported, medically_fit on community refused",
          "[census][edges]") {
  Parts p;
  p.census_csv = "census.csv";
  std::string rows = "service,cohort,days_in_service,medically_fit\n";
  for (int i = 0; i < 31; ++i) rows += "intermediate_care,frail,2,false\n";
  rows += "acute,frail,3,true\n";
  const auto over = write_scenario("census-over", p, rows);
  const auto loaded = load_scenario(over);
  REQUIRE(loaded.warnings.size() == 1);
  const Diagnostic& w = loaded.warnings.front();
  CHECK(w.file.find("census.csv") != std::string::npos);
  CHECK(w.line == 32);  // the header, then the 31st intermediate care row
  CHECK(w.message.find("more patients in 'intermediate_care' than its 30 places") !=
        std::string::npos);

  const auto fit = write_scenario("census-fit", p,
                                  "service,cohort,days_in_service,medically_fit\n"
                                  "acute,frail,3,true\n"
                                  "reablement,adult,3,true\n");
  const auto errors = load_errors(fit);
  INFO(all_messages(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors.front().line == 3);
  CHECK(errors.front().path == "medically_fit");
  CHECK(errors.front().message.find("not an acute service") != std::string::npos);
}

TEST_CASE("a routing loop whose exit is almost never taken is refused", "[network][edges]") {
  Parts p;
  p.intermediate_then = "{ reablement: 0.999999999999, home: 1e-12 }";
  p.reablement_then = "{ intermediate_care: 1.0 }";
  const auto errors = load_errors(write_scenario("tiny-exit", p));
  INFO(all_messages(errors));
  REQUIRE_FALSE(errors.empty());
  CHECK(errors.front().message.find("go round its loop of onward routes about") !=
        std::string::npos);
}

TEST_CASE("the shipped from-census scenario starts within capacity, its fit patients delayed",
          "[census][edges][shipped]") {
  const auto loaded = load_scenario(source_path("scenarios/kent-medway/from-census.yaml"));
  const model::Scenario& s = loaded.scenario;
  std::size_t fit = 0;
  for (const auto& e : s.census) fit += e.medically_fit ? 1 : 0;
  REQUIRE(fit > 900);
  const auto r = model::simulate_replication(s, s.run.seed, 0);
  double free_places = 0.0;  // at the destinations of pathways 1-3, once the census is in
  for (const auto& v : s.services) {
    if (v.kind == model::ServiceKind::acute || v.kind == model::ServiceKind::urgent_community_response)
      continue;
    std::size_t census_rows = 0;
    for (const auto& e : s.census) census_rows += e.service == v.name ? 1 : 0;
    for (const auto& t : r.series) {
      if (t.group != v.name || t.measure != "occupancy") continue;
      INFO(v.name);
      CHECK(t.values.front() <= static_cast<double>(v.capacity.base));
    }
    for (std::size_t k = 1; k < 4; ++k) {
      if (s.discharge_pathways[k].to == v.name)
        free_places += static_cast<double>(v.capacity.base) - static_cast<double>(census_rows);
    }
  }
  for (const auto& t : r.series) {
    if (t.group != "system" || t.measure != "delayed_total") continue;
    INFO("free places at the destinations " << free_places);
    CHECK(t.values.front() <= static_cast<double>(fit));
    CHECK(t.values.front() >= static_cast<double>(fit) - free_places);
  }
}

TEST_CASE("a run too large to fit is refused up front, a very long one announced",
          "[size][edges]") {
  SECTION("profile factors multiplying the rate past what a run can hold") {
    Parts p;
    p.rate = "100000";
    p.before_cohorts = "profiles:\n  busy: { weekly: [100, 100, 100, 100, 100, 100, 100] }\n"
                       "  busier: { weekly: [1, 1, 1, 1, 1, 1, 100] }\n";
    p.stream_extra = "    profiles: [busy, busier]\n";
    const auto file = write_scenario("size-rate", p);
    const auto errors = load_errors(file);
    INFO(all_messages(errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().path == "arrivals.emergency.rate_per_day");
    CHECK(errors.front().line == line_of(file, "rate_per_day:"));
    // The peak rate cap (size_limits) refuses it before the patients bound is reached.
    CHECK(errors.front().message.find("peak arrival rate 1e+09 a day (rate 100000 x profile "
                                      "maximum 10000)") != std::string::npos);
  }
  SECTION("a run of over 10 million patients is announced with its time and memory") {
    Parts p;
    p.rate = "200000";
    p.acute_capacity = "unlimited";
    const auto warned = load_scenario(write_scenario("size-long", p)).warnings;
    REQUIRE(warned.size() == 1);
    CHECK(warned.front().message.find("up to 1.2e+07 patients a replication: a very long run "
                                      "(roughly 40 s a replication on one core, and up to 1.1 "
                                      "GiB of memory") != std::string::npos);
  }
  SECTION("a sampling step so fine the time series cannot be held") {
    Parts p;
    p.after = "outputs: { timeseries_every_hours: 0.0001 }\n";  // below one minute
    auto errors = load_errors(write_scenario("size-series-step", p));
    INFO(all_messages(errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().path == "outputs.timeseries_every_hours");
    CHECK(errors.front().message.find("below the smallest supported") != std::string::npos);
    // 0.02 hours over 60 days: 72,001 samples x the scenario's series x 1,000 replications.
    p.after = "outputs: { timeseries_every_hours: 0.02 }\n";
    p.run_extra = ", replications: 1000";
    errors = load_errors(write_scenario("size-series", p));
    INFO(all_messages(errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().path == "outputs.timeseries_every_hours");
    CHECK(errors.front().message.find("above the limit of 4 GiB") != std::string::npos);
    // 10 replications: about 100 MiB, allowed quietly.
    p.run_extra.clear();
    CHECK(load_scenario(write_scenario("size-series-ok", p)).warnings.empty());
    // 100 replications: about 1 GiB, allowed with a warning.
    p.run_extra = ", replications: 100";
    const auto warned = load_scenario(write_scenario("size-series-warn", p)).warnings;
    REQUIRE(warned.size() == 1);
    CHECK(warned.front().message.find("in memory") != std::string::npos);
  }
  SECTION("an offered load far beyond the acute beds is a warning") {
    // 40 a day x mean stay (0.4 x 6 + 0.6 x 2 = 3.6 days) = 144 beds against 50.
    Parts p;
    p.acute_capacity = "50";
    const auto warned = load_scenario(write_scenario("size-load", p)).warnings;
    REQUIRE(warned.size() == 1);
    CHECK(warned.front().message.find("offered load is 144 beds") != std::string::npos);
    p.acute_capacity = "100";  // 1.44 times the beds: busy, not hopeless
    CHECK(load_scenario(write_scenario("size-load-ok", p)).warnings.empty());
    // A dated profile's factor 1 before its first point counts only when the run starts
    // before that point: halved from the start, 72 beds of load against 50 is no warning.
    p.acute_capacity = "50";
    p.before_cohorts = "profiles:\n  halved: { dated: [[2026-01-05, 0.5]] }\n";
    p.stream_extra = "    profiles: [halved]\n";
    auto warns_of_load = [](const auto& warnings) {
      return std::any_of(warnings.begin(), warnings.end(), [](const auto& w) {
        return w.message.find("offered load is 144 beds") != std::string::npos;
      });
    };
    CHECK_FALSE(warns_of_load(load_scenario(write_scenario("size-load-dated", p)).warnings));
    // From the day after the start, the first day runs at factor 1: the warning stands.
    p.before_cohorts = "profiles:\n  halved: { dated: [[2026-01-06, 0.5]] }\n";
    CHECK(warns_of_load(load_scenario(write_scenario("size-load-dated-later", p)).warnings));
  }
}
