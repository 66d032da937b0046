// Stage 1: the patients - cohorts (stay, pathway mix, readmission) and arrival streams.
#include "convert.hpp"
#include "limits.hpp"

namespace bedflow::scenario {

namespace {

// A map of name -> probability, in the order written.
std::vector<std::pair<std::string, double>> read_shares(Context& ctx, const Node& node,
                                                        const std::string& path,
                                                        const std::string& what) {
  std::vector<std::pair<std::string, double>> shares;
  if (!expect_named_map(ctx, node, path, what)) return shares;
  for (const auto& entry : node.entries) {
    const std::string p = path + "." + entry.key;
    ctx.where[p + "#key"] = entry.key_where;
    if (auto v = read_number(ctx, entry.value, p, probability())) shares.emplace_back(entry.key, *v);
  }
  return shares;
}

void read_readmission(Context& ctx, const Node& node, const std::string& path,
                      model::Readmission& r) {
  if (!expect_map(ctx, node, path, {"within_days", "probability", "probability_after"})) return;
  if (const Node* n = node.find("within_days"))
    if (auto v = read_number(ctx, *n, path + ".within_days",
                             non_negative(365.0, "a number of days")))
      r.within_days = *v;
  if (const Node* n = node.find("probability"))
    if (auto v = read_number(ctx, *n, path + ".probability", probability())) r.probability = *v;
  if (const Node* n = node.find("probability_after")) {
    for (const auto& [service, p] :
         read_shares(ctx, *n, path + ".probability_after", "probabilities by service"))
      r.probability_after[service] = p;
  }
}

}  // namespace

void read_cohorts(Context& ctx, const Node& node, std::vector<model::Cohort>& cohorts) {
  if (!expect_named_map(ctx, node, "cohorts", "cohorts")) return;
  for (const auto& entry : node.entries) {
    const std::string path = "cohorts." + entry.key;
    ctx.where[path + "#key"] = entry.key_where;
    const Node& body = entry.value;
    if (report_misspelt_entry(ctx, node, entry, path, "acute_los_days", "cohort")) continue;
    model::Cohort cohort;
    cohort.name = entry.key;
    if (!expect_map(ctx, body, path,
                    {"acute_los_days", "los_multiplier", "discharge_pathway", "readmission"})) {
      cohorts.push_back(std::move(cohort));
      continue;
    }
    if (const Node* n = required(ctx, body, path, "acute_los_days", "a distribution of days"))
      if (auto d = read_distribution(ctx, *n, path + ".acute_los_days", limits::kMaxDays))
        cohort.acute_los_days = *d;
    if (const Node* n = body.find("los_multiplier"))
      if (auto v = read_name(ctx, *n, path + ".los_multiplier")) cohort.los_multiplier_profile = *v;
    if (const Node* n = body.find("discharge_pathway")) {
      const std::string p = path + ".discharge_pathway";
      if (expect_map(ctx, *n, p, {kPathwayKeys.begin(), kPathwayKeys.end()})) {
        cohort.discharge_pathway = {0.0, 0.0, 0.0, 0.0};
        for (std::size_t k = 0; k < 4; ++k) {
          if (const Node* share = n->find(kPathwayKeys[k]))
            if (auto v = read_number(ctx, *share, p + "." + kPathwayKeys[k], probability()))
              cohort.discharge_pathway[k] = *v;
        }
      }
    }
    if (const Node* n = body.find("readmission"))
      read_readmission(ctx, *n, path + ".readmission", cohort.readmission);
    cohorts.push_back(std::move(cohort));
  }
}

void read_arrivals(Context& ctx, const Node& node, std::vector<model::ArrivalStream>& arrivals) {
  if (!expect_named_map(ctx, node, "arrivals", "arrival streams")) return;
  for (const auto& entry : node.entries) {
    const std::string path = "arrivals." + entry.key;
    ctx.where[path + "#key"] = entry.key_where;
    const Node& body = entry.value;
    if (report_misspelt_entry(ctx, node, entry, path, "rate_per_day", "arrival stream")) continue;
    model::ArrivalStream stream;
    stream.name = entry.key;
    if (!expect_map(ctx, body, path,
                    {"rate_per_day", "profiles", "weekdays_only", "cohort_mix", "avoidable",
                     "alternatives", "admit_to", "escalate_to", "cancel_when_occupancy_above",
                     "ring_fenced_beds"})) {
      arrivals.push_back(std::move(stream));
      continue;
    }
    if (const Node* n = required(ctx, body, path, "rate_per_day", "admissions a day"))
      if (auto v = read_number(ctx, *n, path + ".rate_per_day",
                               positive(limits::kMaxRatePerDay, "a positive rate per day")))
        stream.rate_per_day = *v;
    if (const Node* n = body.find("profiles"))
      if (auto v = read_name_list(ctx, *n, path + ".profiles")) stream.profiles = *v;
    if (const Node* n = body.find("weekdays_only"))
      if (auto v = read_bool(ctx, *n, path + ".weekdays_only")) stream.weekdays_only = *v;
    if (const Node* n = required(ctx, body, path, "cohort_mix", "cohort -> share, summing to 1"))
      stream.cohort_mix = read_shares(ctx, *n, path + ".cohort_mix", "shares by cohort");
    if (const Node* n = body.find("avoidable"))
      for (const auto& [cohort, share] :
           read_shares(ctx, *n, path + ".avoidable", "avoidable shares by cohort"))
        stream.avoidable_share[cohort] = share;
    if (const Node* n = body.find("alternatives"))
      if (auto v = read_name_list(ctx, *n, path + ".alternatives")) stream.alternatives = *v;
    if (const Node* n = body.find("admit_to"))
      if (auto v = read_name(ctx, *n, path + ".admit_to")) stream.admit_to = *v;
    if (const Node* n = body.find("escalate_to"))
      if (auto v = read_name(ctx, *n, path + ".escalate_to")) stream.escalate_to = *v;
    if (const Node* n = body.find("cancel_when_occupancy_above"))
      if (auto v = read_number(ctx, *n, path + ".cancel_when_occupancy_above",
                               positive(1.0, "an occupancy fraction")))
        stream.cancel_when_occupancy_above = *v;
    if (const Node* n = body.find("ring_fenced_beds"))
      if (auto v = read_integer(ctx, *n, path + ".ring_fenced_beds",
                                non_negative(limits::kMaxCapacity, "a number of beds")))
        stream.ring_fenced_beds = *v;
    arrivals.push_back(std::move(stream));
  }
}

}  // namespace bedflow::scenario
