// The error function in double precision (Java has none), for the reference GELU.
package org.gfn4j.policy.check;

/**
 * erf by its Maclaurin series for |x| < 2 (terms stay below e^4, so ~1e-15 absolute error) and
 * by the continued fraction of erfc (modified Lentz) beyond, where it converges quickly.
 */
public final class Erf {
  private Erf() {}

  public static double erf(double x) {
    double a = Math.abs(x);
    double r = a < 2 ? series(a) : 1 - erfcFraction(a);
    return Math.copySign(r, x);
  }

  private static double series(double x) {
    double term = x;
    double sum = x;
    double x2 = x * x;
    for (int n = 1; n < 200; n++) {
      term *= -x2 / n;
      double t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  /** erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) for x >= 2. */
  private static double erfcFraction(double x) {
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < 500; k++) {
      double an = k / 2.0;
      d = x + an * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + an / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
  }
}
