#include "cross_check_trusts.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace bedflow::scenario {
namespace {

using model::ServiceKind;

void error(Context& ctx, const std::string& path, std::string message, std::string hint = {}) {
  ctx.diagnostics.error(ctx.at(path), path, std::move(message), std::move(hint));
}

// An error at the map key `path` (not at its value).
void key_error(Context& ctx, const std::string& path, std::string message, std::string hint) {
  ctx.diagnostics.error(ctx.at(path + "#key"), path, std::move(message), std::move(hint));
}

}  // namespace

// With several acute services, some measures carry an acute service's name after a stem
// that other measures share (delayed_patients_mean_<service> beside _P1, ed_waits_over_4h_
// <service> beside the months' _2027_01 and a trust's months' _<service>_2027_01): a name
// that reads as a discharge pathway or a month, or ends like a month, would give two
// measures one name, or a trust's window count a month's reading.
void check_acute_names(Context& ctx, const model::Scenario& s) {
  const auto is_acute = [](const model::Service& v) { return v.kind == ServiceKind::acute; };
  const auto acute_count = std::count_if(s.services.begin(), s.services.end(), is_acute);
  if (acute_count < 2) return;
  auto digits = [](const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
  };
  for (const auto& v : s.services) {
    if (v.kind != ServiceKind::acute) continue;
    const std::string& name = v.name;
    const auto refuse = [&](const std::string& why, const std::string& rename_to) {
      key_error(ctx, "services." + name, "with several acute services, " + why,
                "rename it, e.g. '" + rename_to + "'");
    };
    const std::size_t n = name.size();
    if (n == 2 && name[0] == 'P' && name[1] >= '0' && name[1] <= '3') {
      refuse("an acute service cannot be named '" + name + "': delayed_patients_mean_" + name +
                 " would name both its measure and discharge pathway " + name + "'s",
             name + "_acute");
    } else if (n == 7 && name[4] == '_' && digits(name.substr(0, 4)) && digits(name.substr(5))) {
      refuse("an acute service cannot be named '" + name + "': ed_waits_over_<h>h_" + name +
                 " would name both its measure and a calendar month's count",
             "acute_" + name);
    } else if (n > 8 && name[n - 8] == '_' && name[n - 3] == '_' &&
               digits(name.substr(n - 7, 4)) && digits(name.substr(n - 2)) &&
               std::stoi(name.substr(n - 2)) >= 1 && std::stoi(name.substr(n - 2)) <= 12) {
      refuse("an acute service's name cannot end like a calendar month ('" +
                 name.substr(n - 7) + "'): ed_waits_over_<h>h_" + name + " would read as " +
                 name.substr(0, n - 8) + "'s count for that month",
             name + "_acute");
    }
  }
}

void check_wait_thresholds(Context& ctx, const model::Scenario& s) {
  const auto list_text = [](const std::vector<double>& hours) {
    return fmt::format("[{}]", fmt::join(hours, ", "));
  };
  const model::Service* first = nullptr;
  for (const auto& v : s.services) {
    if (v.kind != ServiceKind::acute) continue;
    const std::string p = "services." + v.name + ".report_waits_over_hours";
    // Measures are named to the microsecond of an hour (4.4 -> _4p4h): two thresholds that
    // close would write two measures of one name.
    const auto& hours = v.report_waits_over_hours;
    std::vector<long long> named;  // each threshold as its measure's name rounds it
    for (const double h : hours) named.push_back(std::llround(h * 1e6));
    std::sort(named.begin(), named.end());
    const auto twice = std::adjacent_find(named.begin(), named.end());
    if (twice != named.end()) {
      error(ctx, p,
            fmt::format("the threshold {} hours is given twice",
                        static_cast<double>(*twice) / 1e6),
            "give each threshold once");
    }
    if (first == nullptr) {
      first = &v;
      continue;
    }
    if (ctx.where.count(p) != 0 && hours != first->report_waits_over_hours) {
      error(ctx, p,
            "with several acute services, ED waits are counted over the first acute service's "
            "thresholds ('" + first->name + "': " + list_text(first->report_waits_over_hours) +
                "), for the system and every trust: this different list would be ignored",
            "give the list once, on '" + first->name + "', or repeat the same list here");
    }
  }
}

}  // namespace bedflow::scenario
