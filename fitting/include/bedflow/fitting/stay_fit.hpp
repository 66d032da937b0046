#pragma once
// Fitting a duration distribution (acute stays, delays, community stays) to observed,
// possibly right-censored, durations by maximum likelihood, and choosing among families.
//
// Invariants:
//  - Families: exponential (mean), lognormal (meanlog, sdlog), gamma (shape, scale), Weibull
//    (shape, scale): all four are distributions the scenario format accepts.
//  - Censored durations contribute the log of the survival function S(t), events log f(t)
//    (Klein & Moeschberger, Survival Analysis, 2003, ch. 3.5); censored rows are never dropped.
//  - Exponential: closed form (rate = events / total time). Weibull: the scale profiled out in
//    closed form, the shape by Brent's method (Boost.Math brent_find_minima). Lognormal and
//    gamma: Nelder-Mead on (meanlog, log sdlog) and (log shape, log scale) from uncensored
//    estimates; events enter through sufficient statistics (sum t, sum log t, sum log^2 t),
//    so a likelihood evaluation costs one special-function call per censored row only.
//  - The family of least AIC (= 2k - 2 log L) is chosen. Its fit is measured by the
//    Kolmogorov-Smirnov distance between the fitted CDF and the Kaplan-Meier estimate; above
//    kPoorFitDistance none fits and `empirical` holds the Kaplan-Meier distribution binned.
//  - Interval-censored durations (dates without times: a stay of d whole days lies in
//    [d, d + 1)) contribute log(F(upper) - F(lower)) (Klein & Moeschberger, ch. 3.5 again);
//    with any of them the exponential and Weibull fits lose their closed forms and are
//    maximised numerically too (Brent, Nelder-Mead), started from the interval midpoints; the
//    Kolmogorov-Smirnov distance is then taken at the intervals' ends only, where the
//    Kaplan-Meier estimate (events placed at the upper ends) is the empirical CDF.
//  - Durations recorded between two dates with no times (Duration::between_dates) contribute
//    log(G(d + 1) - 2 G(d) + G(d - 1)) with G the integrated CDF (closed forms from each
//    family's partial expectation); the Kolmogorov-Smirnov distance then compares the
//    recorded whole days with recorded_days_cdf(), at whole days.
//  - Exact durations below one minute (0 included) are taken as one minute: every family has
//    log f(0) = -inf or a spike the data cannot show.
//  - Throws std::invalid_argument if there are no events (nothing to fit).
#include <string>
#include <vector>

namespace bedflow::fitting {

inline constexpr double kPoorFitDistance = 0.05;  // KS distance above which no family fits
inline constexpr double kMinimumDuration = 1.0 / 1440.0;  // one minute, in days

struct Duration {
  double days = 0.0;
  bool censored = false;  // still running when observation stopped at `days`
  // Above `days`: the duration ended somewhere in [days, until) days, no nearer known
  // (interval-censored: times known to the day only); it then contributes
  // log(F(until) - F(days)). At or below `days`: exact (or right-censored) at `days`.
  double until = 0.0;
  // Recorded as `days` whole days between two dates with no times (admitted on one date,
  // discharged `days` dates later). With the times of day uniform and independent of the
  // stay, the true duration is days + (u2 - u1): the recorded count d has probability
  // P(d) = G(d + 1) - 2 G(d) + G(d - 1), G(x) = integral of F from 0 to x (a triangular
  // kernel on (d - 1, d + 1); for d = 0, stays under a day weighted 1 - t). Taking d as the
  // interval [d, d + 1) instead would add half a day to every stay.
  bool between_dates = false;
  bool interval() const { return !censored && !between_dates && until > days; }
};

enum class Family { exponential, lognormal, gamma, weibull };
const char* family_name(Family family);

struct FamilyFit {
  Family family = Family::exponential;
  double a = 0.0;  // exponential: mean; lognormal: meanlog; gamma, Weibull: shape
  double b = 0.0;  // lognormal: sdlog; gamma, Weibull: scale (days); exponential: unused
  double log_likelihood = 0.0;
  double aic = 0.0;
  double ks = 1.0;  // sup |F(t) - F_KM(t)|
  double mean() const;
  double cdf(double days) const;
  // G(x) = integral of cdf from 0 to x = x F(x) - E[T; T <= x] (0 for x <= 0), days.
  double integrated_cdf(double days) const;
  // The distribution of whole days recorded between two dates (see Duration::between_dates):
  // P(recorded <= d) = G(d + 1) - G(d).
  double recorded_days_cdf(double days) const;
};

struct EmpiricalFit {
  std::vector<double> edges;    // days, increasing, first 0
  std::vector<double> weights;  // one per bin, summing to 1
};

struct StayFit {
  std::size_t count = 0;     // durations
  std::size_t censored = 0;  // of which right-censored
  std::size_t interval_censored = 0;  // of which known to the day only
  std::vector<FamilyFit> families;  // all four, least AIC first
  const FamilyFit& best() const { return families.front(); }
  bool fits = true;                 // best().ks <= kPoorFitDistance
  EmpiricalFit empirical;           // filled when !fits
  double km_mean = 0.0;             // mean of the Kaplan-Meier estimate (restricted to the
                                    // longest observation)
};

StayFit fit_durations(std::vector<Duration> durations);

// One family alone, for tests and for comparing a fixed family.
FamilyFit fit_family(Family family, const std::vector<Duration>& durations);

}  // namespace bedflow::fitting
