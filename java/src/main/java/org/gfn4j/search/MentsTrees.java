package org.gfn4j.search;

import org.gfn4j.internal.cpu.MentsKernels;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * {@code trees} MENTS search trees (native/include/gfn4j/ments.h), one arena of {@code capacity}
 * nodes each, by the native kernels or their Java twin {@link JavaMents} on the same buffers.
 * Every operation takes the trees it works on and runs one call for all of them; arguments are
 * checked here, before any native call, so a bad one is an IllegalArgumentException.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class MentsTrees extends NativeResource {
  private final MentsBuffers b;
  private final Backend backend;

  /** The end of one E2W descent: the node and its unexpanded action (-1: a revisited exit) and the node's state. */
  public record Selection(int[] nodes, int[] actions, int[] cells) {}

  public MentsTrees(int trees, int capacity, int actions, int width, Backend backend) {
    if (trees < 1 || capacity < 1 || actions < 1 || width < 1) {
      throw new IllegalArgumentException("trees, capacity, actions and width must be positive, got " + trees + ", "
          + capacity + ", " + actions + ", " + width);
    }
    if (backend == null) {
      throw new IllegalArgumentException("backend must not be null");
    }
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
    }
    this.backend = backend;
    this.b = new MentsBuffers(trees, capacity, actions, width);
    clear();
  }

  public int trees() {
    return b.trees;
  }

  public int capacity() {
    return b.capacity;
  }

  public int actions() {
    return b.actions;
  }

  /** Empties every arena (a new batch of trajectories). */
  public void clear() {
    ensureOpen();
    b.size.fill(0);
    b.root.fill(-1);
  }

  /** Empties the listed arenas (a tree without room for another step is rebuilt from its state). */
  public void clear(int[] ids) {
    ensureOpen();
    checkIds(ids);
    for (int id : ids) {
      b.size.set(id, 0);
      b.root.set(id, -1);
    }
  }

  public int size(int tree) {
    checkTree(tree);
    return b.size.get(tree);
  }

  /** The root node of {@code tree}, -1 when it has none. */
  public int root(int tree) {
    checkTree(tree);
    return b.root.get(tree);
  }

  public double q(int tree, int node, int action) {
    checkNode(tree, node);
    checkAction(action);
    return b.q.get((long) b.node(tree, node) * b.actions + action);
  }

  public boolean invalid(int tree, int node, int action) {
    checkNode(tree, node);
    checkAction(action);
    return b.invalid.get((long) b.node(tree, node) * b.actions + action) != 0;
  }

  public int child(int tree, int node, int action) {
    checkNode(tree, node);
    checkAction(action);
    return b.child.get((long) b.node(tree, node) * b.actions + action);
  }

  public double value(int tree, int node) {
    checkNode(tree, node);
    return b.value.get(b.node(tree, node));
  }

  public int visits(int tree, int node) {
    checkNode(tree, node);
    return b.visits.get(b.node(tree, node));
  }

  public boolean terminal(int tree, int node) {
    checkNode(tree, node);
    return b.terminal.get(b.node(tree, node)) != 0;
  }

  public int[] cells(int tree, int node) {
    checkNode(tree, node);
    int[] out = new int[b.width];
    for (int c = 0; c < b.width; c++) {
      out[c] = b.cells.get((long) b.node(tree, node) * b.width + c);
    }
    return out;
  }

  /** Places a fresh root in each listed tree: its state, its Q row from the network and its invalid mask. */
  public void setRoots(int[] ids, int[] rootCells, double[] rootQ, byte[] rootInvalid) {
    ensureOpen();
    checkIds(ids);
    int n = ids.length;
    checkLength("root cells", rootCells.length, n * b.width);
    checkRows("root", rootQ, rootInvalid, n, null);
    for (int id : ids) {
      if (b.size.get(id) >= b.capacity) {
        throw new IllegalArgumentException("tree " + id + " is full (" + b.capacity + " nodes)");
      }
    }
    if (n == 0) {
      return;
    }
    if (backend == Backend.JAVA) {
      JavaMents.setRoots(b, ids, rootCells, rootQ, rootInvalid);
      return;
    }
    try (IntTensor t = IntTensor.of(ids, n); IntTensor c = IntTensor.of(rootCells, rootCells.length);
        DoubleTensor rq = DoubleTensor.of(rootQ, rootQ.length); ByteTensor ri = ByteTensor.of(rootInvalid, n * b.actions);
        NativeResource.Lease lease = leaseWith(t, c, rq, ri)) {
      NativeStatus.check(MentsKernels.ments_set_roots(b.trees, b.capacity, b.actions, b.width, b.q.pointer(),
          b.child.pointer(), b.invalid.pointer(), b.visits.pointer(), b.parent.pointer(), b.parentAction.pointer(),
          b.reward.pointer(), b.value.pointer(), b.terminal.pointer(), b.cells.pointer(), b.size.pointer(),
          b.root.pointer(), n, t.pointer(), c.pointer(), rq.pointer(), ri.pointer()), "ments_set_roots");
    }
  }

  /**
   * One E2W descent per listed tree (each must have a root), with {@code maxDepth} uniforms in
   * [0, 1) per tree; {@code eps} is the exploration constant of E2W (mcts_eps).
   */
  public Selection select(int[] ids, double eps, int maxDepth, double[] uniforms) {
    ensureOpen();
    checkIds(ids);
    if (!(eps >= 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("E2W eps must be finite and non-negative, got " + eps);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("max depth must be positive, got " + maxDepth);
    }
    int n = ids.length;
    checkLength("uniforms", uniforms.length, (long) n * maxDepth);
    for (double u : uniforms) {
      if (!(u >= 0 && u < 1)) {
        throw new IllegalArgumentException("uniforms must lie in [0, 1), got " + u);
      }
    }
    for (int id : ids) {
      if (b.root.get(id) < 0) {
        throw new IllegalArgumentException("tree " + id + " has no root");
      }
    }
    Selection s = new Selection(new int[n], new int[n], new int[n * b.width]);
    if (n == 0) {
      return s;
    }
    if (backend == Backend.JAVA) {
      JavaMents.select(b, ids, eps, maxDepth, uniforms, s.nodes(), s.actions(), s.cells());
      return s;
    }
    try (IntTensor t = IntTensor.of(ids, n); DoubleTensor u = DoubleTensor.of(uniforms, uniforms.length);
        IntTensor on = IntTensor.allocate(n); IntTensor oa = IntTensor.allocate(n);
        IntTensor oc = IntTensor.allocate((long) n * b.width);
        NativeResource.Lease lease = leaseWith(t, u, on, oa, oc)) {
      NativeStatus.check(MentsKernels.ments_select(b.trees, b.capacity, b.actions, b.width, b.q.pointer(),
          b.child.pointer(), b.invalid.pointer(), b.visits.pointer(), b.terminal.pointer(), b.cells.pointer(),
          b.root.pointer(), eps, n, t.pointer(), maxDepth, u.pointer(), on.pointer(), oa.pointer(), oc.pointer()),
          "ments_select");
      return new Selection(on.toArray(), oa.toArray(), oc.toArray());
    }
  }

  /**
   * Creates the child of each selected (node, action) and backs it up to the root; {@code acts[j]}
   * = -1 re-backs-up the terminal node {@code nodes[j]}. Rows j of the child arrays: its state,
   * whether it is terminal, its inner reward log PB(parent|child) and, for an inner child, the
   * network's Q row and invalid mask (ignored for a terminal child).
   */
  public void expand(int[] ids, int[] nodes, int[] acts, int[] childCells, byte[] childTerminal, double[] childReward,
      double[] childQ, byte[] childInvalid) {
    ensureOpen();
    checkIds(ids);
    int n = ids.length;
    checkLength("nodes", nodes.length, n);
    checkLength("actions", acts.length, n);
    checkLength("child cells", childCells.length, (long) n * b.width);
    checkLength("child terminal flags", childTerminal.length, n);
    checkLength("child rewards", childReward.length, n);
    checkRows("child", childQ, childInvalid, n, childTerminal);
    for (int j = 0; j < n; j++) {
      int t = ids[j];
      int size = b.size.get(t);
      if (b.root.get(t) < 0) {
        throw new IllegalArgumentException("tree " + t + " has no root");
      }
      if (nodes[j] < 0 || nodes[j] >= size) {
        throw new IllegalArgumentException("node " + nodes[j] + " outside tree " + t + " of " + size + " nodes");
      }
      boolean term = b.terminal.get(b.node(t, nodes[j])) != 0;
      if (acts[j] == -1) {
        if (!term) {
          throw new IllegalArgumentException("action -1 revisits a terminal node, but node " + nodes[j] + " is not one");
        }
        continue;
      }
      checkAction(acts[j]);
      long cell = (long) b.node(t, nodes[j]) * b.actions + acts[j];
      if (term || b.child.get(cell) >= 0) {
        throw new IllegalArgumentException("(" + nodes[j] + ", " + acts[j] + ") of tree " + t + " is not expandable");
      }
      if (b.invalid.get(cell) != 0) {
        throw new IllegalArgumentException("action " + acts[j] + " is invalid at node " + nodes[j] + " of tree " + t);
      }
      if (size >= b.capacity) {
        throw new IllegalArgumentException("tree " + t + " is full (" + b.capacity + " nodes)");
      }
      if (childTerminal[j] == 0 && !Double.isFinite(childReward[j])) {
        throw new IllegalArgumentException("inner rewards must be finite, got " + childReward[j]);
      }
    }
    if (n == 0) {
      return;
    }
    if (backend == Backend.JAVA) {
      JavaMents.expand(b, ids, nodes, acts, childCells, childTerminal, childReward, childQ, childInvalid);
      return;
    }
    try (IntTensor t = IntTensor.of(ids, n); IntTensor nd = IntTensor.of(nodes, n); IntTensor ac = IntTensor.of(acts, n);
        IntTensor cc = IntTensor.of(childCells, childCells.length); ByteTensor ct = ByteTensor.of(childTerminal, n);
        DoubleTensor cr = DoubleTensor.of(childReward, n); DoubleTensor cq = DoubleTensor.of(childQ, childQ.length);
        ByteTensor ci = ByteTensor.of(childInvalid, childInvalid.length);
        NativeResource.Lease lease = leaseWith(t, nd, ac, cc, ct, cr, cq, ci)) {
      NativeStatus.check(MentsKernels.ments_expand(b.trees, b.capacity, b.actions, b.width, b.q.pointer(),
          b.child.pointer(), b.invalid.pointer(), b.visits.pointer(), b.parent.pointer(), b.parentAction.pointer(),
          b.reward.pointer(), b.value.pointer(), b.terminal.pointer(), b.cells.pointer(), b.size.pointer(),
          b.root.pointer(), n, t.pointer(), nd.pointer(), ac.pointer(), cc.pointer(), ct.pointer(), cr.pointer(),
          cq.pointer(), ci.pointer()), "ments_expand");
    }
  }

  /** Tree reuse: each listed root moves to its child under {@code acts[j]}, or to none (-1) where that is unexpanded or terminal. */
  public void advance(int[] ids, int[] acts) {
    ensureOpen();
    checkIds(ids);
    checkLength("actions", acts.length, ids.length);
    for (int j = 0; j < ids.length; j++) {
      if (b.root.get(ids[j]) < 0) {
        throw new IllegalArgumentException("tree " + ids[j] + " has no root");
      }
      checkAction(acts[j]);
    }
    if (ids.length == 0) {
      return;
    }
    if (backend == Backend.JAVA) {
      JavaMents.advance(b, ids, acts);
      return;
    }
    try (IntTensor t = IntTensor.of(ids, ids.length); IntTensor ac = IntTensor.of(acts, acts.length);
        NativeResource.Lease lease = leaseWith(t, ac)) {
      NativeStatus.check(MentsKernels.ments_advance(b.trees, b.capacity, b.actions, b.child.pointer(),
          b.terminal.pointer(), b.root.pointer(), ids.length, t.pointer(), ac.pointer()), "ments_advance");
    }
  }

  private NativeResource.Lease leaseWith(NativeResource... extra) {
    NativeResource[] all = new NativeResource[extra.length + b.all().length];
    System.arraycopy(b.all(), 0, all, 0, b.all().length);
    System.arraycopy(extra, 0, all, b.all().length, extra.length);
    return NativeResource.lease(all);
  }

  private void checkIds(int[] ids) {
    boolean[] seen = new boolean[b.trees];
    for (int id : ids) {
      checkTree(id);
      if (seen[id]) {
        throw new IllegalArgumentException("tree " + id + " is listed twice in one call");
      }
      seen[id] = true;
    }
  }

  /** Q rows must be finite (-inf allowed where invalid); a row (not terminal) needs a valid action. */
  private void checkRows(String what, double[] qRows, byte[] invalid, int n, byte[] terminal) {
    checkLength(what + " Q rows", qRows.length, (long) n * b.actions);
    checkLength(what + " invalid masks", invalid.length, (long) n * b.actions);
    for (int j = 0; j < n; j++) {
      if (terminal != null && terminal[j] != 0) {
        continue;
      }
      boolean any = false;
      for (int a = 0; a < b.actions; a++) {
        int i = j * b.actions + a;
        if (invalid[i] == 0) {
          any = true;
          if (!Double.isFinite(qRows[i])) {
            throw new IllegalArgumentException(what + " Q values of valid actions must be finite, got " + qRows[i]);
          }
        }
      }
      if (!any) {
        throw new IllegalArgumentException(what + " row " + j + " has no valid action");
      }
    }
  }

  private static void checkLength(String what, long got, long want) {
    if (got != want) {
      throw new IllegalArgumentException(what + ": " + want + " values expected, got " + got);
    }
  }

  private void checkTree(int tree) {
    if (tree < 0 || tree >= b.trees) {
      throw new IllegalArgumentException("tree " + tree + " outside [0, " + b.trees + ")");
    }
  }

  private void checkNode(int tree, int node) {
    checkTree(tree);
    if (node < 0 || node >= b.size.get(tree)) {
      throw new IllegalArgumentException("node " + node + " outside tree " + tree + " of " + b.size.get(tree) + " nodes");
    }
  }

  private void checkAction(int action) {
    if (action < 0 || action >= b.actions) {
      throw new IllegalArgumentException("action " + action + " outside [0, " + b.actions + ")");
    }
  }

  @Override
  protected String describe() {
    return b.trees + " MENTS trees of " + b.capacity + " nodes";
  }

  @Override
  protected void free() {
    b.close();
  }
}
