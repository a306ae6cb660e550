package org.gfn4j.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.gfn4j.env.sequence.AmpProxyTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j proxy train}: trains an AMP proxy classifier (gfnx's architecture) into an ONNX file. */
@Command(name = "proxy", mixinStandardHelpOptions = true, description = "Reward proxies for sequence environments.",
    subcommands = {ProxyCommand.Train.class})
final class ProxyCommand implements Runnable {
  @ParentCommand Main main;

  @Override
  public void run() {
    throw new IllegalArgumentException("missing subcommand (train)");
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train an AMP proxy on CSV 'sequence,label' (0/1 labels) and write an ONNX model for amp:proxy=PATH.")
  static final class Train implements Runnable {
    @ParentCommand ProxyCommand parent;

    @Option(names = "--data", required = true, paramLabel = "CSV", description = "labelled peptides, header sequence,label")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "ONNX model to write")
    Path out;

    @Option(names = "--epochs", defaultValue = "1000", description = "largest number of epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the split, initialisation and batches (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public void run() {
      AmpProxyTrainer.Dataset d = AmpProxyTrainer.read(data);
      AmpProxyTrainer.Result r = AmpProxyTrainer.train(d,
          AmpProxyTrainer.Settings.gfnx().withEpochs(epochs).withSeed(seed), out);
      JsonObject o = new JsonObject();
      o.addProperty("model", out.toString());
      o.addProperty("train_size", r.trainSize());
      o.addProperty("validation_size", r.validationSize());
      JsonArray v = new JsonArray();
      for (double x : r.validationLoss()) {
        v.add(x);
      }
      o.add("validation_loss", v);
      o.addProperty("best_round", r.bestRound());
      parent.main.io().out().println(Json.compact(o));
    }
  }
}
