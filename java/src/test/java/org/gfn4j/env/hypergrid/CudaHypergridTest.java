package org.gfn4j.env.hypergrid;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.gfn4j.env.Environments;
import org.gfn4j.env.StateBatch;
import org.gfn4j.internal.cuda.CudaKernels;
import org.gfn4j.runtime.Cuda;
import org.gfn4j.runtime.DeviceBuffer;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.junit.jupiter.api.Test;

/** CUDA hypergrid kernels give the CPU kernels' results (runs only where a GPU is present). */
class CudaHypergridTest {
  @Test
  void cudaKernelsMatchTheCpuKernels() {
    assumeTrue(Cuda.isAvailable(), "CUDA: " + Cuda.status());
    NativeHypergrid env = (NativeHypergrid) Environments.create("hypergrid:dim=3,side=9,reward=hard");
    int n = 5000;
    int dim = 3;
    double[] lr = env.config().levelLogRewards();
    Random rng = new Random(11);
    try (StateBatch s = env.newBatch(n);
        StateBatch next = env.newBatch(n);
        IntTensor actions = IntTensor.allocate(n);
        FloatTensor logR = FloatTensor.allocate(n);
        ByteTensor mask = ByteTensor.allocate(n, dim + 1);
        ByteTensor bmask = ByteTensor.allocate(n, dim);
        FloatTensor obs = FloatTensor.allocate(n, dim * 9);
        IntTensor cOut = IntTensor.allocate(n, dim);
        ByteTensor tOut = ByteTensor.allocate(n);
        ByteTensor pOut = ByteTensor.allocate(n);
        FloatTensor rOut = FloatTensor.allocate(n);
        ByteTensor mOut = ByteTensor.allocate(n, dim + 1);
        ByteTensor bOut = ByteTensor.allocate(n, dim);
        FloatTensor oOut = FloatTensor.allocate(n, dim * 9)) {
      for (int b = 0; b < n; b++) {
        int[] c = {rng.nextInt(9), rng.nextInt(9), rng.nextInt(9)};
        env.setState(s, b, c, rng.nextInt(10) == 0);
        int a = rng.nextInt(dim + 1);
        actions.set(b, a < dim && c[a] == 8 ? dim : a);
      }
      env.step(s, actions, next, logR);
      env.forwardMask(s, mask);
      env.backwardMask(s, bmask);
      env.observe(s, obs);
      try (DeviceBuffer dc = DeviceBuffer.copyOf(s.cells());
          DeviceBuffer dt = DeviceBuffer.copyOf(s.terminal());
          DeviceBuffer da = DeviceBuffer.copyOf(actions);
          DeviceBuffer dco = DeviceBuffer.copyOf(cOut);
          DeviceBuffer dto = DeviceBuffer.copyOf(tOut);
          DeviceBuffer dpo = DeviceBuffer.copyOf(pOut);
          DeviceBuffer dro = DeviceBuffer.copyOf(rOut);
          DeviceBuffer dm = DeviceBuffer.copyOf(mOut);
          DeviceBuffer db = DeviceBuffer.copyOf(bOut);
          DeviceBuffer dobs = DeviceBuffer.copyOf(oOut)) {
        NativeStatus.check(CudaKernels.hypergrid_step(dim, 9, lr[0], lr[1], lr[2], n,
            dc.as(IntPointer.class), dt.as(BytePointer.class), da.as(IntPointer.class), dco.as(IntPointer.class),
            dto.as(BytePointer.class), dpo.as(BytePointer.class), dro.as(FloatPointer.class)), "cuda step");
        NativeStatus.check(CudaKernels.hypergrid_forward_mask(dim, 9, n, dc.as(IntPointer.class),
            dm.as(BytePointer.class)), "cuda mask");
        NativeStatus.check(CudaKernels.hypergrid_backward_mask(dim, 9, n, dc.as(IntPointer.class),
            dt.as(BytePointer.class), db.as(BytePointer.class)), "cuda backward mask");
        NativeStatus.check(CudaKernels.hypergrid_observe(dim, 9, n, dc.as(IntPointer.class),
            dobs.as(FloatPointer.class)), "cuda observe");
        dco.download(cOut);
        dto.download(tOut);
        dpo.download(pOut);
        dro.download(rOut);
        dm.download(mOut);
        db.download(bOut);
        dobs.download(oOut);
      }
      assertArrayEquals(next.cells().toArray(), cOut.toArray());
      assertArrayEquals(next.terminal().toArray(), tOut.toArray());
      assertArrayEquals(next.pad().toArray(), pOut.toArray());
      assertArrayEquals(logR.toArray(), rOut.toArray());
      assertArrayEquals(mask.toArray(), mOut.toArray());
      assertArrayEquals(bmask.toArray(), bOut.toArray());
      assertArrayEquals(obs.toArray(), oOut.toArray());
    }
  }
}
