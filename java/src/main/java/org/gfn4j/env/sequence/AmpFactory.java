package org.gfn4j.env.sequence;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfn4j.env.EnvParameter;
import org.gfn4j.env.EnvSpec;
import org.gfn4j.env.Environment;
import org.gfn4j.env.EnvironmentFactory;
import org.gfn4j.runtime.Backend;
import org.gfn4j.policy.ort.InferenceSession;
import org.gfn4j.policy.ort.OrtException;

/** Registers {@code amp} specs (gfnx {@code AMP-v0}). */
public final class AmpFactory implements EnvironmentFactory {
  @Override
  public String name() {
    return "amp";
  }

  @Override
  public String description() {
    return "peptides of up to 60 amino acids appended or stopped; R = max(1e-6, sigmoid(proxy)) (gfnx AMP-v0)";
  }

  @Override
  public List<EnvParameter> parameters() {
    return List.of(
        new EnvParameter("proxy", "", "ONNX classifier tokens [B,60] -> logit (default: built-in untrained proxy)"),
        new EnvParameter("length", "60", "maximum length (the proxy input width)"));
  }

  @Override
  public Map<String, Map<String, String>> presets() {
    return SequencePresets.amp();
  }

  @Override
  public Environment create(EnvSpec spec, Backend backend, Path dataDir) {
    spec.requireKeys(Set.of("proxy", "length"));
    int length = spec.getInt("length", AmpProxies.LENGTH, 1, 4096);
    Map<String, String> canonical = new LinkedHashMap<>();
    InferenceSession session;
    String source;
    try {
      if (spec.has("proxy")) {
        Path file = SequenceData.file("proxy", spec.getString("proxy", ""), dataDir);
        source = file.toString();
        session = new InferenceSession(file, 1);
        canonical.put("proxy", spec.getString("proxy", ""));
      } else {
        if (length != AmpProxies.LENGTH) {
          throw new IllegalArgumentException("the built-in proxy needs length=" + AmpProxies.LENGTH
              + "; pass proxy=PATH for other lengths");
        }
        source = "(built-in)";
        session = new InferenceSession(AmpProxies.defaultModel(), 1);
      }
    } catch (OrtException e) {
      throw new IllegalArgumentException("cannot load AMP proxy: " + e.getMessage(), e);
    }
    if (length != AmpProxies.LENGTH) {
      canonical.put("length", Integer.toString(length));
    }
    SequenceShape shape = new SequenceShape(SequenceKind.AUTOREGRESSIVE, length, 20, 22, 20, 21, true);
    SequenceEnvironment.Definition def = new SequenceEnvironment.Definition(EnvSpec.of("amp", canonical), shape,
        SequenceText.letters(shape, AmpProxies.ALPHABET), SequenceDistances.levenshtein(20), null);
    return SequenceData.create(backend, def, new AmpProxyReward(session, length, source));
  }
}
