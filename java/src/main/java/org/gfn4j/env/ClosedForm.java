package org.gfn4j.env;

import java.math.BigInteger;

/**
 * What an environment knows about its terminal space without enumerating it: the number of
 * terminal objects, log Z = log Σ_x R(x) and the mean reward E_{x~R/Z}[R(x)] = Σ R² / Σ R.
 */
public record ClosedForm(BigInteger terminalCount, double logZ, double meanReward) {}
