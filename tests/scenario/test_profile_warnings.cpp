// Dated profiles whose edges hold over days the points do not name raise warnings (located
// at the point, naming the profile), which never stop a scenario from loading.
#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

// A minimal valid scenario from 2026-06-01 to 2027-03-31 with one dated profile on its
// emergency arrivals.
std::string with_profile(const std::string& profile) {
  return R"(schema: 1
scenario: { name: edges, start: 2026-06-01, horizon_days: 304 }
profiles:
  winter_surge: )" + profile + R"(
cohorts:
  general:
    acute_los_days: { exponential: { mean: 2 } }
arrivals:
  emergency:
    rate_per_day: 40
    profiles: [winter_surge]
    cohort_mix: { general: 1.0 }
services:
  acute: { kind: acute, capacity: 300 }
)";
}

std::vector<Diagnostic> warnings_for(const std::string& name, const std::string& profile) {
  // One directory per file: CTest runs each test case as its own process, in parallel, and
  // scratch_dir() empties the directory it is given.
  const auto file = write_file(scratch_dir("profile-warnings-" + name) / name, with_profile(profile));
  return load_scenario(file).warnings;  // loads: warnings never block
}

}  // namespace

TEST_CASE("a last factor other than 1 held to the end of the run is a warning at that point") {
  const auto dir = scratch_dir("profile-warnings-last");
  const auto file = write_file(dir / "surge.yaml",
      with_profile("{ dated: [[2027-01-01, 1.0], [2027-03-01, 1.2]], interpolate: step }"));
  const auto loaded = load_scenario(file);
  REQUIRE(loaded.warnings.size() == 1);
  const Diagnostic& w = loaded.warnings.front();
  CHECK(w.severity == Severity::warning);
  CHECK(w.file == file);
  CHECK(w.line == line_of(file, "winter_surge:"));
  CHECK(w.path == "profiles.winter_surge.dated");
  CHECK(w.message ==
        "profile winter_surge: its last point (2027-03-01, factor 1.2) holds until the end of "
        "the run on 2027-03-31");
  CHECK(w.hint == "add a point with factor 1 to end the surge");
  CHECK(w.to_string().find(": WARNING: profiles.winter_surge.dated: profile winter_surge") !=
        std::string::npos);
}

TEST_CASE("a profile that returns to 1, or ends after the run, raises no warning") {
  CHECK(warnings_for("returns.yaml",
                     "{ dated: [[2027-01-01, 1.10], [2027-02-01, 1.00]], interpolate: step }")
            .empty());
  CHECK(warnings_for("linear-returns.yaml",
                     "{ dated: [[2026-10-01, 1.0], [2027-01-05, 1.1], [2027-03-31, 1.0]] }")
            .empty());
  // The last point is the run's last day, or after the run: nothing unnamed holds.
  CHECK(warnings_for("last-day.yaml", "{ dated: [[2027-03-31, 1.3]], interpolate: step }")
            .empty());
  CHECK(warnings_for("after.yaml", "{ dated: [[2027-06-01, 1.3]], interpolate: linear }")
            .empty());
}

TEST_CASE("a linear profile starting above 1 after the run starts warns of the jump from 1") {
  const auto warnings =
      warnings_for("jump.yaml", "{ dated: [[2026-12-01, 1.1], [2027-02-01, 1.0]] }");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings.front().message.find("jumps to 1.1") != std::string::npos);
  CHECK(warnings.front().message.find("the run starts on 2026-06-01") != std::string::npos);
  // The same points as steps mean what they say: 1.1 from 2026-12-01, 1 from 2027-02-01.
  CHECK(warnings_for("steps.yaml",
                     "{ dated: [[2026-12-01, 1.1], [2027-02-01, 1.0]], interpolate: step }")
            .empty());
}
