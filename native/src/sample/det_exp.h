// exp() from +, -, *, / and exact power-of-two scaling only, so that C++ and Java (DetMath)
// compute bit-identical sampling weights; libm and StrictMath may differ in the last ulp.
// Files including this must be compiled with -ffp-contract=off (no fused multiply-add).
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

namespace gfn4j {

// Accurate to about 5 ulp on (-708, 709); 0 below, +inf above. Cody-Waite reduction
// x = k ln2 + r (ln2 split so that k * kLn2Hi is exact), then a degree-13 Taylor polynomial on
// |r| <= ln2/2 (truncation error < 1e-17 relative).
inline double det_exp(double x) {
  if (!(x > -708.0)) return x != x ? x : 0.0;
  if (x > 709.0) return HUGE_VAL;
  constexpr double kInvLn2 = 0x1.71547652b82fep+0;
  constexpr double kLn2Hi = 0x1.62e42feep-1;
  constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  // Estrin's scheme (short dependency chains, so independent calls overlap); the grouping is
  // part of the contract with DetMath.java.
  const double r2 = r * r;
  const double r4 = r2 * r2;
  const double r8 = r4 * r4;
  const double p01 = 1.0 + r;
  const double p23 = 0.5 + (1.0 / 6.0) * r;
  const double p45 = (1.0 / 24.0) + (1.0 / 120.0) * r;
  const double p67 = (1.0 / 720.0) + (1.0 / 5040.0) * r;
  const double p89 = (1.0 / 40320.0) + (1.0 / 362880.0) * r;
  const double p1011 = (1.0 / 3628800.0) + (1.0 / 39916800.0) * r;
  const double p1213 = (1.0 / 479001600.0) + (1.0 / 6227020800.0) * r;
  const double p = (p01 + r2 * p23) + r4 * (p45 + r2 * p67) + r8 * ((p89 + r2 * p1011) + r4 * p1213);
  const uint64_t bits = static_cast<uint64_t>(static_cast<int64_t>(k) + 1023) << 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

}  // namespace gfn4j
