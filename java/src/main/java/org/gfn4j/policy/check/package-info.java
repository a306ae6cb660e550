/** Gradient checks of the policy graphs against an independent float64 Java implementation. */
package org.gfn4j.policy.check;
