package org.gfn4j.sample;

/**
 * exp() from +, -, *, / and exact power-of-two scaling only: the twin of native
 * src/sample/det_exp.h, bit for bit, so that sampling weights (and hence actions) agree between
 * the native sampler and the Java one where Math.exp and libm may differ in the last ulp.
 */
public final class DetMath {
  private static final double INV_LN2 = 0x1.71547652b82fep+0;
  private static final double LN2_HI = 0x1.62e42feep-1;
  private static final double LN2_LO = 0x1.a39ef35793c76p-33;

  private DetMath() {}

  /** Accurate to about 5 ulp on (-708, 709); 0 below, +inf above (see det_exp.h). */
  public static double exp(double x) {
    if (!(x > -708.0)) {
      return Double.isNaN(x) ? x : 0.0;
    }
    if (x > 709.0) {
      return Double.POSITIVE_INFINITY;
    }
    double k = Math.floor(x * INV_LN2 + 0.5);
    double r = (x - k * LN2_HI) - k * LN2_LO;
    double r2 = r * r;
    double r4 = r2 * r2;
    double r8 = r4 * r4;
    double p01 = 1.0 + r;
    double p23 = 0.5 + (1.0 / 6.0) * r;
    double p45 = (1.0 / 24.0) + (1.0 / 120.0) * r;
    double p67 = (1.0 / 720.0) + (1.0 / 5040.0) * r;
    double p89 = (1.0 / 40320.0) + (1.0 / 362880.0) * r;
    double p1011 = (1.0 / 3628800.0) + (1.0 / 39916800.0) * r;
    double p1213 = (1.0 / 479001600.0) + (1.0 / 6227020800.0) * r;
    double p = (p01 + r2 * p23) + r4 * (p45 + r2 * p67) + r8 * ((p89 + r2 * p1011) + r4 * p1213);
    return p * Double.longBitsToDouble(((long) k + 1023) << 52);
  }
}
