package org.gfn4j.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a CLI invocation reads and writes (System streams, or test buffers). */
record CliIo(InputStream in, PrintStream out, PrintStream err) {}
