package org.gfn4j.env.custom;

import java.util.List;
import org.gfn4j.env.EnvironmentConformanceKit;
import org.gfn4j.env.Environments;
import org.gfn4j.runtime.Backend;

/** A user's environment written in Java passes the same conformance kit as the built-in ones. */
class BitStringsConformanceTest extends EnvironmentConformanceKit {
  static {
    CustomEnvironmentTest.registerOnce();
  }

  @Override
  protected List<String> specs() {
    return List.of("bits:n=1", "bits:n=3", "bits:n=5");
  }

  @Override
  protected List<Backend> backends() {
    return List.of(Backend.JAVA);
  }

  @Override
  protected org.gfn4j.env.Environment create(String spec, Backend backend) {
    return Environments.create(spec, backend);
  }
}
