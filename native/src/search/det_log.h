// log() from +, -, *, / and exact bit manipulation only, so that the MENTS tree and its Java twin
// (org.gfn4j.search.DetLog) compute bit-identical soft values; libm and Java's Math.log may
// differ in the last ulp. Files including this must be compiled with -ffp-contract=off.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

namespace gfn4j {

// Accurate to a few ulp for every positive finite x; log(0) = -inf, NaN below 0. x = m·2^e with
// m in [sqrt(1/2), sqrt(2)), log m = 2·atanh(s), s = (m - 1)/(m + 1), |s| < 0.172, by its odd
// series to s^23 (truncation < 1e-18 relative); ln2 split so that e·kLn2Hi is exact.
inline double det_log(double x) {
  if (x != x || x < 0.0) return NAN;
  if (x == 0.0) return -HUGE_VAL;
  if (x == HUGE_VAL) return x;
  constexpr double kLn2Hi = 0x1.62e42feep-1;
  constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;
  int64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int64_t e = (bits >> 52) & 0x7ff;
  if (e == 0) {  // subnormal: scale into the normal range first
    const double scaled = x * 0x1p54;
    std::memcpy(&bits, &scaled, sizeof bits);
    e = ((bits >> 52) & 0x7ff) - 54;
  }
  e -= 1023;
  bits = (bits & INT64_C(0x000fffffffffffff)) | INT64_C(0x3ff0000000000000);
  double m;
  std::memcpy(&m, &bits, sizeof m);
  if (m > 0x1.6a09e667f3bcdp+0) {
    m *= 0.5;
    e += 1;
  }
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  double p = 1.0 / 23.0;
  p = p * s2 + 1.0 / 21.0;
  p = p * s2 + 1.0 / 19.0;
  p = p * s2 + 1.0 / 17.0;
  p = p * s2 + 1.0 / 15.0;
  p = p * s2 + 1.0 / 13.0;
  p = p * s2 + 1.0 / 11.0;
  p = p * s2 + 1.0 / 9.0;
  p = p * s2 + 1.0 / 7.0;
  p = p * s2 + 1.0 / 5.0;
  p = p * s2 + 1.0 / 3.0;
  const double k = static_cast<double>(e);
  return k * kLn2Hi + ((2.0 * s + 2.0 * s * s2 * p) + k * kLn2Lo);
}

}  // namespace gfn4j
