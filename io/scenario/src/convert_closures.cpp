// Stage 1: what a community service does when full (`when_full`, `if_turned_away`) and random
// ward closures (`closures`). Names (the destination, the profile) are resolved in stage 2.
#include "bedflow/engine/did_you_mean.hpp"
#include "convert.hpp"
#include "limits.hpp"

namespace bedflow::scenario {

namespace {

// Closures a day: far above any outbreak rate, low enough to keep a run's events bounded.
constexpr double kMaxClosuresPerDay = 1000.0;

void read_closures(Context& ctx, const Node& node, const std::string& path,
                   model::Closures& closures) {
  if (!expect_map(ctx, node, path, {"rate_per_day", "profile", "beds", "duration_days"},
                  "a map { rate_per_day, profile, beds, duration_days }"))
    return;
  if (const Node* n = required(ctx, node, path, "rate_per_day", "closures beginning a day"))
    if (auto v = read_number(ctx, *n, path + ".rate_per_day",
                             positive(kMaxClosuresPerDay, "a positive number of closures a day")))
      closures.rate_per_day = *v;
  if (const Node* n = node.find("profile"))
    if (auto v = read_name(ctx, *n, path + ".profile")) closures.profile = *v;
  if (const Node* n = required(ctx, node, path, "beds",
                               "places closed by each closure: a whole number or a distribution")) {
    const std::string p = path + ".beds";
    if (n->is_scalar()) {
      if (auto v = read_integer(ctx, *n, p,
                                {1.0, limits::kMaxCapacity, true, true,
                                 "a whole number of places closed"}))
        closures.beds = engine::DistributionParams::fixed(static_cast<double>(*v));
    } else if (auto d = read_distribution(ctx, *n, p, limits::kMaxCapacity)) {
      closures.beds = *d;
    }
  }
  if (const Node* n = required(ctx, node, path, "duration_days", "a distribution of days"))
    if (auto d = read_distribution(ctx, *n, path + ".duration_days", limits::kMaxHorizonDays))
      closures.duration_days = *d;
}

}  // namespace

void read_loss_and_closures(Context& ctx, const Node& body, const std::string& path,
                            model::Service& service) {
  if (const Node* n = body.find("when_full")) {
    const std::string p = path + ".when_full";
    if (auto v = read_name(ctx, *n, p)) {
      if (*v == "queue") {
        service.when_full = model::WhenFull::queue;
      } else if (*v == "turn_away") {
        service.when_full = model::WhenFull::turn_away;
      } else {
        std::string hint = engine::did_you_mean(*v, {"queue", "turn_away"});
        if (hint.empty()) hint = "queue (wait for a place) or turn_away (a loss service)";
        ctx.error(*n, p, "expected queue or turn_away, found '" + *v + "'", hint);
      }
    }
  }
  if (const Node* n = body.find("if_turned_away"))
    if (auto v = read_name(ctx, *n, path + ".if_turned_away")) service.if_turned_away = *v;
  if (const Node* n = body.find("closures")) {
    model::Closures closures;
    read_closures(ctx, *n, path + ".closures", closures);
    service.closures = closures;
  }
}

}  // namespace bedflow::scenario
