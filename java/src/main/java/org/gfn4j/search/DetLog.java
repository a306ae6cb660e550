package org.gfn4j.search;

/**
 * log() from +, -, *, / and exact bit manipulation only: the twin of native src/search/det_log.h,
 * bit for bit, so that the MENTS tree's soft values agree between the native kernels and
 * {@link JavaMents} where Math.log and libm may differ in the last ulp.
 */
public final class DetLog {
  private static final double LN2_HI = 0x1.62e42feep-1;
  private static final double LN2_LO = 0x1.a39ef35793c76p-33;
  private static final double SQRT2 = 0x1.6a09e667f3bcdp+0;

  private DetLog() {}

  /** Accurate to a few ulp for every positive finite x; log(0) = -inf, NaN below 0 (see det_log.h). */
  public static double log(double x) {
    if (Double.isNaN(x) || x < 0.0) {
      return Double.NaN;
    }
    if (x == 0.0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return x;
    }
    long bits = Double.doubleToRawLongBits(x);
    long e = (bits >> 52) & 0x7ff;
    if (e == 0) {
      bits = Double.doubleToRawLongBits(x * 0x1p54);
      e = ((bits >> 52) & 0x7ff) - 54;
    }
    e -= 1023;
    double m = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
    if (m > SQRT2) {
      m *= 0.5;
      e += 1;
    }
    double s = (m - 1.0) / (m + 1.0);
    double s2 = s * s;
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
    double k = e;
    return k * LN2_HI + ((2.0 * s + 2.0 * s * s2 * p) + k * LN2_LO);
  }
}
