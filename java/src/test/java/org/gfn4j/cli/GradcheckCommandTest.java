// gfn4j gradcheck: one line per parameter tensor, a final max_rel_error line, exit 0 when it passes.
package org.gfn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GradcheckCommandTest {
  private static String[] run(int expectedCode, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    assertEquals(expectedCode, code, err.toString(StandardCharsets.UTF_8));
    return (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).split("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "transformer", "phylo"})
  void passesAndPrintsOneLinePerParameter(String arch) {
    String[] lines = run(0, "gradcheck", "--arch", arch, "--seed", "3");
    int params = switch (GradcheckCommand.spec(arch, org.gfn4j.policy.Activation.RELU).kind()) {
      case MLP -> 10;
      case TRANSFORMER -> 1 + 2 * 16 + 8;
      case PHYLO -> 3 * 2 + 2 + 2 * 16 + 3 * 3 * 2; // embedding MLP, emb2hidden, 2 layers, 3 head MLPs
    };
    assertEquals(params + 2, lines.length, String.join("\n", lines));
    String last = lines[lines.length - 1];
    assertTrue(last.startsWith("max_rel_error="), last);
    assertTrue(Double.parseDouble(last.substring("max_rel_error=".length())) < 1e-3, last);
  }

  @Test
  void unknownArchitectureIsBadInput() {
    String[] lines = run(Main.EXIT_BAD_INPUT, "gradcheck", "--arch", "rnn");
    assertTrue(String.join("\n", lines).contains("unknown --arch"));
  }
}
