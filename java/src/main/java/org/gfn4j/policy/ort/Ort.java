// Process-wide ONNX Runtime handles (C API, training API, environment) and status checking.
package org.gfn4j.policy.ort;

import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_API_VERSION;
import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_ENABLE_ALL;
import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_LOGGING_LEVEL_FATAL;
import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_SEQUENTIAL;
import static org.bytedeco.onnxruntime.global.onnxruntime.OrtArenaAllocator;
import static org.bytedeco.onnxruntime.global.onnxruntime.OrtGetApiBase;
import static org.bytedeco.onnxruntime.global.onnxruntime.OrtMemTypeDefault;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.onnxruntime.OrtAllocator;
import org.bytedeco.onnxruntime.OrtApi;
import org.bytedeco.onnxruntime.OrtEnv;
import org.bytedeco.onnxruntime.OrtMemoryInfo;
import org.bytedeco.onnxruntime.OrtSessionOptions;
import org.bytedeco.onnxruntime.OrtStatus;
import org.bytedeco.onnxruntime.OrtTrainingApi;

/**
 * The ONNX Runtime C API through the JavaCPP presets ({@code onnxruntime-platform}
 * 1.24.1-1.5.13, whose native library includes the training API). One environment per process,
 * created on first use and kept for the life of the JVM (ORT does not support re-creating it).
 * ORT logs only fatal messages: every failed call already surfaces as an exception carrying
 * ORT's message.
 */
public final class Ort {
  private Ort() {}

  private static final class Holder {
    static final OrtApi API = OrtGetApiBase().GetApi().call(ORT_API_VERSION);
    static final OrtTrainingApi TRAINING;
    static final OrtEnv ENV = new OrtEnv();
    static final OrtMemoryInfo CPU = new OrtMemoryInfo();
    static final OrtAllocator ALLOCATOR = new OrtAllocator();

    static {
      if (API == null || API.isNull()) {
        throw new IllegalStateException("ONNX Runtime C API version " + ORT_API_VERSION + " is not available");
      }
      TRAINING = API.GetTrainingApi().call(ORT_API_VERSION);
      if (TRAINING == null || TRAINING.isNull()) {
        throw new IllegalStateException("this ONNX Runtime build has no training API");
      }
      check(API.CreateEnv(ORT_LOGGING_LEVEL_FATAL, "gfn4j", ENV), "CreateEnv");
      check(API.CreateCpuMemoryInfo(OrtArenaAllocator, OrtMemTypeDefault, CPU), "CreateCpuMemoryInfo");
      check(API.GetAllocatorWithDefaultOptions(ALLOCATOR), "GetAllocatorWithDefaultOptions");
    }
  }

  public static OrtApi api() {
    return Holder.API;
  }

  public static OrtTrainingApi training() {
    return Holder.TRAINING;
  }

  public static OrtEnv env() {
    return Holder.ENV;
  }

  public static OrtMemoryInfo cpu() {
    return Holder.CPU;
  }

  public static OrtAllocator allocator() {
    return Holder.ALLOCATOR;
  }

  /** Throws {@link OrtException} (with ORT's message) when {@code status} is an error. */
  public static void check(OrtStatus status, String call) {
    OrtCalls.api();
    if (status == null || status.isNull()) {
      return;
    }
    OrtApi api = Holder.API;
    String message;
    try {
      BytePointer m = api.GetErrorMessage().call(status);
      message = m == null || m.isNull() ? "(no message)" : m.getString();
    } finally {
      api.ReleaseStatus(status);
    }
    throw new OrtException(call + " failed: " + message);
  }

  /**
   * Session options: {@code intraOpThreads} threads inside an operator, one between operators,
   * sequential execution, all graph optimisations; intra-op workers spin only with one thread
   * (system property {@code gfn4j.ort.spinning} = 0 or 1 overrides, for benchmarks); system property
   * {@code gfn4j.ort.profile} = a file prefix turns on ONNX Runtime's operator profile.
   */
  public static OrtSessionOptions sessionOptions(int intraOpThreads) {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    OrtApi api = api();
    OrtSessionOptions options = new OrtSessionOptions();
    check(api.CreateSessionOptions(options), "CreateSessionOptions");
    try {
      check(api.SetIntraOpNumThreads(options, intraOpThreads), "SetIntraOpNumThreads");
      check(api.SetInterOpNumThreads(options, 1), "SetInterOpNumThreads");
      check(api.SetSessionExecutionMode(options, ORT_SEQUENTIAL), "SetSessionExecutionMode");
      check(api.SetSessionGraphOptimizationLevel(options, ORT_ENABLE_ALL), "SetSessionGraphOptimizationLevel");
      // Spinning workers keep a core busy between operators; with more than one thread that core is
      // the one gfn4j's own kernels and the JVM need between ORT calls, so they sleep instead.
      String spin = System.getProperty("gfn4j.ort.spinning", intraOpThreads > 1 ? "0" : "1");
      check(api.AddSessionConfigEntry(options, new BytePointer("session.intra_op.allow_spinning"),
          new BytePointer(spin)), "AddSessionConfigEntry");
      // ONNX Runtime's per-operator profile (a JSON trace per session, written when it closes).
      String profile = System.getProperty("gfn4j.ort.profile");
      if (profile != null && !profile.isBlank()) {
        check(api.EnableProfiling(options, new BytePointer(profile)), "EnableProfiling");
      }
    } catch (RuntimeException e) {
      api.ReleaseSessionOptions(options);
      throw e;
    }
    return options;
  }
}
