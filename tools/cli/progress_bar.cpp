#include "progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace bedflow::cli {
namespace {

std::string duration_text(double seconds) {
  const auto total = static_cast<long long>(seconds + 0.5);
  if (total >= 3600) return fmt::format("{}h{:02}m", total / 3600, (total / 60) % 60);
  return fmt::format("{}m{:02}s", total / 60, total % 60);
}

std::string rate_text(double per_second) {
  if (per_second >= 1e6) return fmt::format("{:.1f}M", per_second / 1e6);
  if (per_second >= 1e3) return fmt::format("{:.0f}k", per_second / 1e3);
  return fmt::format("{:.0f}", per_second);
}

}  // namespace

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1) {}

void ProgressBar::update(const results::ProgressUpdate& progress) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && progress.done < progress.planned &&
      now - last_draw_ < std::chrono::milliseconds(100)) {
    return;
  }
  last_draw_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  const double fraction =
      progress.planned == 0 ? 0.0 : static_cast<double>(progress.done) / progress.planned;
  const int filled = static_cast<int>(fraction * kWidth);
  const double rate = progress.elapsed_seconds > 0.0
                          ? static_cast<double>(progress.events) / progress.elapsed_seconds
                          : 0.0;
  const double left = progress.done == 0 ? 0.0
                                         : progress.elapsed_seconds / progress.done *
                                               (progress.planned - progress.done);
  const std::string line = fmt::format(
      "\r{}[{}{}] {}/{} replications  {} events/s  {} left ", label_,
      std::string(static_cast<std::size_t>(filled), '#'),
      std::string(static_cast<std::size_t>(kWidth - filled), ' '), progress.done,
      progress.planned, rate_text(rate), duration_text(left));
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (enabled_ && drawn_) std::fputs("\n", stderr);
  drawn_ = false;
}

}  // namespace bedflow::cli
