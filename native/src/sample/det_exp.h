// exp() from +, -, *, / and exact power-of-two scaling only, so that C++ and Java (DetMath)
// compute bit-identical sampling weights; libm and StrictMath may differ in the last ulp.
// Files including this must be compiled with -ffp-contract=off (no fused multiply-add).
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

namespace gfn4j {

// Accurate to a few ulp on (-708, 709); 0 below, +inf above. Cody-Waite reduction
// x = k ln2 + r (ln2 split so that k * kLn2Hi is exact), then a degree-13 Taylor polynomial on
// |r| <= ln2/2 in Horner form (truncation error < 1e-17 relative).
inline double det_exp(double x) {
  if (!(x > -708.0)) return x != x ? x : 0.0;
  if (x > 709.0) return HUGE_VAL;
  constexpr double kInvLn2 = 0x1.71547652b82fep+0;
  constexpr double kLn2Hi = 0x1.62e42feep-1;
  constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double p = 1.0 / 6227020800.0;  // 1/13!
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  const uint64_t bits = static_cast<uint64_t>(static_cast<int64_t>(k) + 1023) << 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

}  // namespace gfn4j
