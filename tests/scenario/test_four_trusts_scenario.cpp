// scenarios/kent-medway/four-trusts.yaml is the baseline split into Kent and Medway's four
// acute trusts: what it splits sums to the baseline's totals, in proportion to the trusts'
// published beds (docs/reference-figures.md, "Bed bases"), and everything else is the
// baseline's.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "scenario_test_support.hpp"
#include "scenario_text.hpp"

using namespace bedflow;
using namespace bedflow::scenario;
using namespace bedflow::scenario::testing;

namespace {

struct Trust {
  const char* acute;
  double published_beds;  // adult G&A beds, 23 January 2022 (docs/reference-figures.md)
};

// Medway's and Maidstone and Tunbridge Wells' beds are occupied / occupancy, as published.
const std::array<Trust, 4> kTrusts{{{"acute_east_kent", 977.0},
                                    {"acute_mtw", 617.0 / 0.914},
                                    {"acute_dartford", 475.0},
                                    {"acute_medway", 430.0 / 0.936}}};

model::Scenario load(const char* file) {
  return load_scenario(source_path(std::string("scenarios/kent-medway/") + file)).scenario;
}

// The canonical text of one service, to compare a service with the baseline's.
std::string text_of(const model::Service& v) {
  model::Scenario only;
  only.services = {v};
  return scenario_text(only);
}

const model::ArrivalStream* stream_into(const model::Scenario& s, const std::string& acute,
                                        bool elective) {
  const model::ArrivalStream* found = nullptr;
  for (const auto& a : s.arrivals) {
    if (a.admit_to != acute || a.weekdays_only != elective) continue;
    CHECK(found == nullptr);  // one emergency and one elective stream per trust
    found = &a;
  }
  return found;
}

}  // namespace

TEST_CASE("four trusts: the baseline's beds, escalation and admissions split by the trusts' "
          "published beds") {
  const auto base = load("baseline.yaml");
  const auto four = load("four-trusts.yaml");
  const auto& acute = service(base, "acute");
  CHECK(find_service(four, "acute") == nullptr);
  REQUIRE(base.arrivals.size() == 2);
  const auto& emergency = base.arrivals[0];
  const auto& elective = base.arrivals[1];
  REQUIRE(elective.weekdays_only);

  double published = 0.0;
  for (const auto& t : kTrusts) published += t.published_beds;
  std::int64_t beds = 0;
  double emergency_rate = 0.0, elective_rate = 0.0;
  std::vector<std::int64_t> escalation(acute.escalation.size(), 0);
  std::size_t acute_services = 0;
  for (const auto& v : four.services) acute_services += v.kind == model::ServiceKind::acute;
  CHECK(acute_services == kTrusts.size());

  for (const auto& t : kTrusts) {
    INFO(t.acute);
    const auto& trust = service(four, t.acute);
    REQUIRE(trust.kind == model::ServiceKind::acute);
    const double share = t.published_beds / published;
    // Rounded to whole beds summing to the baseline's: within a bed of the exact share.
    CHECK(std::abs(static_cast<double>(trust.capacity.base) -
                   share * static_cast<double>(acute.capacity.base)) < 1.0);
    beds += trust.capacity.base;
    REQUIRE(trust.escalation.size() == acute.escalation.size());
    for (std::size_t k = 0; k < acute.escalation.size(); ++k) {
      CHECK(trust.escalation[k].open_above == acute.escalation[k].open_above);
      CHECK(trust.escalation[k].close_below == acute.escalation[k].close_below);
      CHECK(std::abs(static_cast<double>(trust.escalation[k].beds) -
                     share * static_cast<double>(acute.escalation[k].beds)) < 1.0);
      escalation[k] += trust.escalation[k].beds;
    }
    CHECK(trust.costs == acute.costs);
    CHECK(trust.report_waits_over_hours == acute.report_waits_over_hours);

    // Admissions in proportion to the trust's beds: the baseline's load per bed.
    const double per_bed = static_cast<double>(trust.capacity.base) /
                           static_cast<double>(acute.capacity.base);
    const auto* in = stream_into(four, t.acute, false);
    const auto* planned = stream_into(four, t.acute, true);
    REQUIRE(in != nullptr);
    REQUIRE(planned != nullptr);
    CHECK(in->rate_per_day == Approx(emergency.rate_per_day * per_bed).epsilon(1e-5));
    CHECK(planned->rate_per_day == Approx(elective.rate_per_day * per_bed).epsilon(1e-4));
    emergency_rate += in->rate_per_day;
    elective_rate += planned->rate_per_day;
    CHECK(in->profiles == emergency.profiles);
    CHECK(in->cohort_mix == emergency.cohort_mix);
    CHECK(in->avoidable_share == emergency.avoidable_share);
    CHECK(planned->profiles == elective.profiles);
    CHECK(planned->cohort_mix == elective.cohort_mix);
    CHECK(planned->cancel_when_occupancy_above == elective.cancel_when_occupancy_above);
  }
  CHECK(four.arrivals.size() == 2 * kTrusts.size());
  CHECK(beds == acute.capacity.base);
  for (std::size_t k = 0; k < escalation.size(); ++k)
    CHECK(escalation[k] == acute.escalation[k].beds);
  CHECK(emergency_rate == Approx(emergency.rate_per_day).epsilon(1e-12));
  CHECK(elective_rate == Approx(elective.rate_per_day).epsilon(1e-12));
}

TEST_CASE("four trusts: each trust's avoidable patients try its own urgent community response "
          "first, the rest is the baseline's") {
  const auto base = load("baseline.yaml");
  const auto four = load("four-trusts.yaml");
  const auto& ucr = service(base, "urgent_community_response");
  REQUIRE(ucr.urgent_response.has_value());
  CHECK(find_service(four, "urgent_community_response") == nullptr);

  std::set<std::string> own;
  std::int64_t visits = 0;
  for (const auto& a : four.arrivals) {
    if (a.weekdays_only) continue;
    INFO(a.name);
    REQUIRE(a.alternatives.size() == base.arrivals[0].alternatives.size());
    CHECK(own.insert(a.alternatives[0]).second);  // no two trusts share one
    const auto& trust_ucr = service(four, a.alternatives[0]);
    REQUIRE(trust_ucr.urgent_response.has_value());
    visits += trust_ucr.urgent_response->capacity_per_day;
    // The same service as the baseline's but for its name and daily visits.
    model::Service same = trust_ucr;
    same.name = ucr.name;
    same.urgent_response->capacity_per_day = ucr.urgent_response->capacity_per_day;
    same.capacity = ucr.capacity;  // the loader keeps the daily visits here too
    CHECK(text_of(same) == text_of(ucr));
    CHECK(a.alternatives[1] == base.arrivals[0].alternatives[1]);  // the shared virtual ward
  }
  CHECK(own.size() == kTrusts.size());
  CHECK(visits == ucr.urgent_response->capacity_per_day);

  // The virtual ward and home care are the baseline's, shared by the trusts.
  for (const char* shared : {"virtual_ward", "home_care"}) {
    INFO(shared);
    CHECK(text_of(service(four, shared)) == text_of(service(base, shared)));
  }
  // So are the window, profiles and the pathways' assessment times.
  CHECK(four.run.start == base.run.start);
  CHECK(four.run.horizon_days == base.run.horizon_days);
  CHECK(four.run.warmup_days == base.run.warmup_days);
  model::Scenario profiles_four, profiles_base;
  profiles_four.profiles = four.profiles;
  profiles_base.profiles = base.profiles;
  CHECK(scenario_text(profiles_four) == scenario_text(profiles_base));
}

TEST_CASE("four trusts: each trust discharges into its own reablement, intermediate care and "
          "care homes, the baseline's split by its beds") {
  const auto base = load("baseline.yaml");
  const auto four = load("four-trusts.yaml");
  const std::array<const char*, 3> kPathwayServices{"reablement", "intermediate_care_beds",
                                                    "care_home"};
  for (const char* name : kPathwayServices) CHECK(find_service(four, name) == nullptr);
  std::array<std::int64_t, 3> places{0, 0, 0};
  for (const auto& t : kTrusts) {
    const std::string trust = std::string(t.acute).substr(6);  // "acute_" dropped
    INFO(trust);
    const auto& acute = service(four, t.acute);
    const double per_bed = static_cast<double>(acute.capacity.base) /
                           static_cast<double>(service(base, "acute").capacity.base);
    for (std::size_t k = 1; k <= 3; ++k) {
      const auto own = model::pathway_for(four, acute, k);
      const auto baseline = model::pathway_for(base, service(base, "acute"), k);
      CHECK(own.to == std::string(kPathwayServices[k - 1]) + "_" + trust);
      CHECK(own.assessment_days.kind == baseline.assessment_days.kind);
      CHECK(own.assessment_days.a == baseline.assessment_days.a);
      CHECK(own.assessment_days.b == baseline.assessment_days.b);
      CHECK(own.assessment_days.c == baseline.assessment_days.c);
      const auto& mine = service(four, own.to);
      const auto& theirs = service(base, kPathwayServices[k - 1]);
      // Within a place of the trust's share of the baseline's capacity, and otherwise the same
      // service but for its name, capacity and onward routes to the trust's own services.
      CHECK(std::abs(static_cast<double>(mine.capacity.base) -
                     per_bed * static_cast<double>(theirs.capacity.base)) < 1.0);
      places[k - 1] += mine.capacity.base;
      model::Service same = mine;
      same.name = theirs.name;
      same.capacity = theirs.capacity;
      same.then = theirs.then;
      CHECK(text_of(same) == text_of(theirs));
      for (const auto& [to, p] : mine.then) {
        CHECK((to == model::kHome || to.find("_" + trust) != std::string::npos));
      }
    }
  }
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(places[k] == service(base, kPathwayServices[k]).capacity.base);
  }
}

TEST_CASE("docs/reference-figures.md has the tables the four-trusts scenario cites") {
  std::ifstream in(source_path("docs/reference-figures.md"));
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  for (const char* heading : {"## Kent and Medway's four acute trusts", "### Bed bases",
                              "### Catchments", "### Scaled to Kent and Medway (Derived)"}) {
    INFO(heading);
    CHECK(text.str().find(heading) != std::string::npos);
  }
}
