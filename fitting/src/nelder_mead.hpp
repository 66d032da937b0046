#pragma once
// Nelder-Mead simplex minimisation in two dimensions (Nelder & Mead, Computer Journal 7,
// 1965; standard coefficients 1, 2, 0.5, 0.5). Used on smooth log-likelihoods whose start
// is already close (moments of the data), where it is robust and needs no gradient.
#include <algorithm>
#include <array>
#include <cmath>

namespace bedflow::fitting {

using Point2 = std::array<double, 2>;

template <class F>
Point2 nelder_mead(F f, Point2 start, Point2 step, int max_iterations = 400,
                   double tolerance = 1e-10) {
  std::array<Point2, 3> x{start, start, start};
  x[1][0] += step[0];
  x[2][1] += step[1];
  std::array<double, 3> y{f(x[0]), f(x[1]), f(x[2])};
  const auto mix = [](const Point2& a, const Point2& b, double t) {
    return Point2{a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])};
  };
  for (int it = 0; it < max_iterations; ++it) {
    std::array<int, 3> order{0, 1, 2};
    std::sort(order.begin(), order.end(), [&](int i, int j) { return y[i] < y[j]; });
    const int best = order[0], middle = order[1], worst = order[2];
    if (std::abs(y[worst] - y[best]) <= tolerance * (1.0 + std::abs(y[best]))) break;
    const Point2 centre{(x[best][0] + x[middle][0]) / 2, (x[best][1] + x[middle][1]) / 2};
    const Point2 reflected = mix(centre, x[worst], -1.0);
    const double yr = f(reflected);
    if (yr < y[best]) {
      const Point2 expanded = mix(centre, x[worst], -2.0);
      const double ye = f(expanded);
      if (ye < yr) x[worst] = expanded, y[worst] = ye;
      else x[worst] = reflected, y[worst] = yr;
    } else if (yr < y[middle]) {
      x[worst] = reflected, y[worst] = yr;
    } else {
      const bool outside = yr < y[worst];
      const Point2 contracted = mix(centre, outside ? reflected : x[worst], 0.5);
      const double yc = f(contracted);
      if (yc < std::min(yr, y[worst])) {
        x[worst] = contracted, y[worst] = yc;
      } else {
        for (const int i : {middle, worst}) {
          x[i] = mix(x[best], x[i], 0.5);
          y[i] = f(x[i]);
        }
      }
    }
  }
  int best = 0;
  for (int i = 1; i < 3; ++i) if (y[i] < y[best]) best = i;
  return x[best];
}

}  // namespace bedflow::fitting
