// xᵀJx of ±1 spins, summed row by row in a fixed order (the Java twins sum the same way).
#pragma once
#include <cstdint>

namespace gfn4j {

inline double ising_energy(const int32_t* x, int32_t sites, const double* j) {
  double e = 0;
  for (int32_t a = 0; a < sites; ++a) {
    double row = 0;
    for (int32_t b = 0; b < sites; ++b) row += j[a * sites + b] * x[b];
    e += x[a] * row;
  }
  return e;
}

}  // namespace gfn4j
