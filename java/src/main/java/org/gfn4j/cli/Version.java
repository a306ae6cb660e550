package org.gfn4j.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the library version from the jar manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"gfn4j " + (v == null ? "(development build)" : v)};
  }
}
