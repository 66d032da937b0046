#include "cross_check_community.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "bedflow/engine/did_you_mean.hpp"

namespace bedflow::scenario {

namespace {

using model::ServiceKind;

void error(Context& ctx, const std::string& path, std::string message, std::string hint = {}) {
  ctx.diagnostics.error(ctx.at(path), path, std::move(message), std::move(hint));
}

const model::Service* find_service(const model::Scenario& s, const std::string& name) {
  for (const auto& v : s.services)
    if (v.name == name) return &v;
  return nullptr;
}

// Reports an unknown name with a did-you-mean hint; `what` is "service" or "profile".
bool resolve(Context& ctx, const std::string& path, const std::string& name,
             const std::string& what, std::vector<std::string> names, bool home_allowed) {
  for (const auto& known : names)
    if (known == name) return true;
  if (home_allowed && name == model::kHome) return true;
  if (home_allowed) names.emplace_back(model::kHome);
  std::string hint = engine::did_you_mean(name, names);
  if (hint.empty()) hint = "define it under '" + what + "s'";
  error(ctx, path, "unknown " + what + " '" + name + "'", hint);
  return false;
}

// The chain of if_turned_away from `start` through services that turn people away: the
// names quoted ("'a' -> 'b' -> 'a'") when it comes back to `start`, else empty.
std::string turned_away_loop(const model::Scenario& s, const model::Service& start) {
  std::string text = "'" + start.name + "'";
  const model::Service* at = &start;
  for (std::size_t step = 0; step <= s.services.size(); ++step) {
    if (at->when_full != model::WhenFull::turn_away || at->if_turned_away.empty()) return {};
    const model::Service* next = find_service(s, at->if_turned_away);
    if (next == nullptr) return {};
    text += " -> '" + next->name + "'";
    if (next == &start) return text;
    at = next;
  }
  return {};  // a loop not through `start`: reported at its own services
}

void check_if_turned_away(Context& ctx, const model::Scenario& s, const model::Service& v,
                          const std::vector<std::string>& services) {
  const std::string p = "services." + v.name + ".if_turned_away";
  if (v.when_full != model::WhenFull::turn_away) {
    error(ctx, p, "if_turned_away needs when_full: turn_away",
          "add when_full: turn_away, or remove if_turned_away");
  }
  if (!resolve(ctx, p, v.if_turned_away, "service", services, true)) return;
  const model::Service* dest = find_service(s, v.if_turned_away);
  if (v.if_turned_away == v.name) {
    error(ctx, p, "a service cannot send the patients it turns away to itself");
  } else if (dest != nullptr && (dest->kind == ServiceKind::acute ||
                                 dest->kind == ServiceKind::urgent_community_response)) {
    error(ctx, p, "turned-away patients go to a community service (beds, caseload, "
                  "virtual_ward) or home, found '" + v.if_turned_away + "'");
  } else if (const std::string loop = turned_away_loop(s, v); !loop.empty()) {
    error(ctx, p, "patients turned away go round " + loop +
                      ", every one of which turns them away when full: with all of them "
                      "full they would never stop",
          "end the chain at a service that queues (when_full: queue) or at home");
  }
}

// Ring-fenced beds: an acute service's own beds, within every capacity it has, for one stream.
void check_ring_fence(Context& ctx, const model::Scenario& s, const model::ArrivalStream& a,
                      const model::Service* admits) {
  const std::string p = "arrivals." + a.name + ".ring_fenced_beds";
  if (a.admit_to.empty()) {  // the first acute service admits
    for (const auto& service : s.services) {
      if (service.kind == ServiceKind::acute) { admits = &service; break; }
    }
  }
  if (admits == nullptr) return;  // admit_to unresolved: reported at admit_to
  if (admits->kind != ServiceKind::acute) {
    error(ctx, p, "ring-fenced beds are acute beds kept for this stream, which admits to '" +
                      a.admit_to + "', not an acute service",
          "remove ring_fenced_beds, or admit_to an acute service");
    return;
  }
  std::int64_t smallest = admits->capacity.base;
  for (const auto& change : admits->capacity.changes) smallest = std::min(smallest, change.capacity);
  if (a.ring_fenced_beds > smallest) {
    error(ctx, p, std::to_string(a.ring_fenced_beds) + " ring-fenced beds are more than '" +
                      a.admit_to + "' has (" + std::to_string(smallest) +
                      " at its smallest): they are part of its capacity",
          "at most " + std::to_string(smallest));
  }
  for (const auto& other : s.arrivals) {
    if (&other == &a) break;
    if (other.ring_fenced_beds > 0 && other.admit_to == a.admit_to && !a.admit_to.empty()) {
      error(ctx, p, "'" + a.admit_to + "' already keeps ring-fenced beds for arrivals." +
                        other.name + ": one stream per acute service",
            "merge the streams, or ring-fence for one of them");
    }
  }
}

}  // namespace

void check_community_streams(Context& ctx, const model::Scenario& s) {
  for (const auto& a : s.arrivals) {
    const model::Service* admits = a.admit_to.empty() ? nullptr : find_service(s, a.admit_to);
    const std::string path = "arrivals." + a.name;
    if (!a.escalate_to.empty()) {
      const model::Service* to = find_service(s, a.escalate_to);
      if (admits == nullptr || admits->kind == ServiceKind::acute) {
        error(ctx, path + ".escalate_to",
              "escalate_to is for demand from the community: this stream admits to an acute "
              "service already",
              "remove escalate_to");
      } else if (to == nullptr || to->kind != ServiceKind::acute) {
        error(ctx, path + ".escalate_to",
              "expected an acute service, found '" + a.escalate_to + "'",
              "name the acute service (the trust) these patients are admitted to");
      }
    }
    if (a.ring_fenced_beds > 0) check_ring_fence(ctx, s, a, admits);
    if (admits == nullptr || admits->kind == ServiceKind::acute) continue;
    const std::string why = "this stream admits to '" + a.admit_to +
                            "', not an acute service (demand from the community)";
    if (!a.avoidable_share.empty())
      error(ctx, path + ".avoidable", "avoidable shares apply to acute admissions: " + why,
            "remove avoidable, or admit_to an acute service");
    if (!a.alternatives.empty())
      error(ctx, path + ".alternatives", "alternatives apply to acute admissions: " + why,
            "remove alternatives, or admit_to an acute service");
    if (a.cancel_when_occupancy_above)
      error(ctx, path + ".cancel_when_occupancy_above",
            "cancellation applies to acute admissions: " + why,
            "remove cancel_when_occupancy_above, or admit_to an acute service");
    if (admits->kind == ServiceKind::virtual_ward && !admits->step_up) {
      error(ctx, path + ".admit_to",
            "expected a virtual_ward with step_up (patients from the community step up), "
            "found '" + a.admit_to + "' without one",
            "add step_up: { los_days: ... } to '" + a.admit_to + "'");
    }
  }
}

void check_loss_and_closures(Context& ctx, const model::Scenario& s) {
  std::vector<std::string> services, profiles;
  for (const auto& v : s.services) services.push_back(v.name);
  for (const auto& p : s.profiles) profiles.push_back(p.name);
  for (const auto& v : s.services) {
    if (!v.if_turned_away.empty()) check_if_turned_away(ctx, s, v, services);
    if (!v.closures || v.closures->profile.empty()) continue;
    const std::string p = "services." + v.name + ".closures.profile";
    if (!resolve(ctx, p, v.closures->profile, "profile", profiles, false)) continue;
    for (const auto& profile : s.profiles) {
      if (profile.name == v.closures->profile && profile.kind == model::Profile::Kind::daily)
        error(ctx, p, "expected a weekly or dated profile for closures, found a daily one",
              "closures follow the day of the week or the date, not the hour");
    }
  }
}

}  // namespace bedflow::scenario
