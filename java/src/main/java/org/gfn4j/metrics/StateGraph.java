package org.gfn4j.metrics;

import org.gfn4j.env.StateSpace;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * Every non-terminal state of an enumerated {@link StateSpace} with the child reached by each forward
 * action (see native/include/gfn4j/exact_distribution.h for the encoding), the states grouped
 * into topological levels and the incoming edges of every state and terminal object in CSR form.
 * Evaluating a policy on it needs no environment step. The graph owns its native arrays; close it when done.
 */
public final class StateGraph extends NativeResource {
  /** States stepped per environment call while building, as gfnx's exact-distribution batch. */
  public static final int DEFAULT_BATCH_SIZE = 1024;

  private final String spec;
  private final int numStates;
  private final int numTerminal;
  private final int numActions;
  private final int width;
  private final int numLevels;
  private final int numEdges;
  private final IntTensor cells;
  private final IntTensor children;
  private final IntTensor levelStart;
  private final IntTensor order;
  private final IntTensor inStart;
  private final IntTensor inEdge;
  private final IntTensor terminalInStart;
  private final IntTensor terminalInEdge;

  private StateGraph(String spec, int numStates, int numTerminal, int numActions, int width, int[] cellArray,
      int[] childArray) {
    this.spec = spec;
    this.numStates = numStates;
    this.numTerminal = numTerminal;
    this.numActions = numActions;
    this.width = width;
    int edges = 0;
    int[] inCount = new int[numStates + 1];
    int[] terminalCount = new int[numTerminal + 1];
    for (int s = 0; s < numStates; s++) {
      boolean any = false;
      for (int a = 0; a < numActions; a++) {
        int c = childArray[s * numActions + a];
        if (c < -1 || c >= numStates + numTerminal) {
          throw new IllegalArgumentException("edge (" + s + ", " + a + ") leads to " + c + ", outside the graph");
        }
        if (c == -1) {
          continue;
        }
        any = true;
        edges++;
        if (c < numStates) {
          inCount[c + 1]++;
        } else {
          terminalCount[c - numStates + 1]++;
        }
      }
      if (!any) {
        throw new IllegalArgumentException("non-terminal state " + s + " has no valid forward action");
      }
    }
    if (inCount[1] != 0) {
      throw new IllegalArgumentException("the initial state (index 0) has a parent");
    }
    this.numEdges = edges;
    int[] levels = topologicalLevels(childArray, inCount);
    int maxLevel = 0;
    for (int l : levels) {
      maxLevel = Math.max(maxLevel, l);
    }
    this.numLevels = maxLevel + 1;
    int[] start = new int[numLevels + 1];
    for (int l : levels) {
      start[l + 1]++;
    }
    for (int l = 0; l < numLevels; l++) {
      start[l + 1] += start[l];
    }
    int[] orderArray = new int[numStates];
    int[] fill = start.clone();
    for (int s = 0; s < numStates; s++) {
      orderArray[fill[levels[s]]++] = s;
    }
    prefixSum(inCount);
    prefixSum(terminalCount);
    int[] inEdges = new int[inCount[numStates]];
    int[] terminalEdges = new int[terminalCount[numTerminal]];
    int[] inFill = inCount.clone();
    int[] terminalFill = terminalCount.clone();
    for (int e = 0; e < childArray.length; e++) {
      int c = childArray[e];
      if (c >= numStates) {
        terminalEdges[terminalFill[c - numStates]++] = e;
      } else if (c >= 0) {
        inEdges[inFill[c]++] = e;
      }
    }
    this.cells = IntTensor.of(cellArray, numStates, width);
    this.children = IntTensor.of(childArray, numStates, numActions);
    this.levelStart = IntTensor.of(start, start.length);
    this.order = IntTensor.of(orderArray, numStates);
    this.inStart = IntTensor.of(inCount, inCount.length);
    this.inEdge = IntTensor.of(inEdges, inEdges.length);
    this.terminalInStart = IntTensor.of(terminalCount, terminalCount.length);
    this.terminalInEdge = IntTensor.of(terminalEdges, terminalEdges.length);
  }

  /** The graph of an enumerated state space (its states, in its index order, and its edges). */
  public static StateGraph build(StateSpace space) {
    return new StateGraph(space.environment().spec().toString(), space.numStates(), space.numTerminalStates(),
        space.numActions(), space.stateWidth(), space.stateCells(), space.children());
  }

  /**
   * A graph given directly by its child table ({@code children[s * numActions + a]}: -1, a state
   * in [0, numStates) or numStates + terminal index) and the cells of every state; for tests and
   * environments without batch kernels. Same checks as {@link #build}.
   */
  public static StateGraph of(String spec, int numStates, int numTerminal, int numActions, int width, int[] cells,
      int[] children) {
    if (numStates <= 0 || numTerminal < 0 || numActions <= 0 || width <= 0) {
      throw new IllegalArgumentException("graph sizes must be positive");
    }
    if ((long) numStates * numActions > Tensor.MAX_SIZE || children.length != numStates * numActions) {
      throw new IllegalArgumentException("children must hold numStates * numActions entries");
    }
    if ((long) numStates * width > Tensor.MAX_SIZE || cells.length != numStates * width) {
      throw new IllegalArgumentException("cells must hold numStates * width entries");
    }
    return new StateGraph(spec, numStates, numTerminal, numActions, width, cells.clone(), children.clone());
  }

  /** Level of every state (longest path from a source) by Kahn's algorithm; rejects cycles. */
  private int[] topologicalLevels(int[] childArray, int[] inCountShifted) {
    int[] remaining = new int[numStates];
    System.arraycopy(inCountShifted, 1, remaining, 0, numStates);
    int[] level = new int[numStates];
    int[] queue = new int[numStates];
    int tail = 0;
    for (int s = 0; s < numStates; s++) {
      if (remaining[s] == 0) {
        queue[tail++] = s;
      }
    }
    for (int head = 0; head < tail; head++) {
      int s = queue[head];
      for (int a = 0; a < numActions; a++) {
        int c = childArray[s * numActions + a];
        if (c >= 0 && c < numStates) {
          level[c] = Math.max(level[c], level[s] + 1);
          if (--remaining[c] == 0) {
            queue[tail++] = c;
          }
        }
      }
    }
    if (tail < numStates) {
      throw new IllegalArgumentException(
          "the forward transitions contain a cycle (" + (numStates - tail) + " states never become ready)");
    }
    return level;
  }

  private static void prefixSum(int[] counts) {
    for (int i = 1; i < counts.length; i++) {
      counts[i] += counts[i - 1];
    }
  }

  /** The canonical spec of the environment the graph was built from. */
  public String spec() {
    return spec;
  }

  public int numStates() {
    return numStates;
  }

  public int numTerminalStates() {
    return numTerminal;
  }

  public int numActions() {
    return numActions;
  }

  public int stateWidth() {
    return width;
  }

  /** Number of valid forward edges (state, action). */
  public int numEdges() {
    return numEdges;
  }

  /** Number of topological levels (the longest trajectory has numLevels forward steps to a terminal). */
  public int numLevels() {
    return numLevels;
  }

  /** Child code of edge (state, action): -1 invalid, a state index, or numStates + terminal index. */
  public int child(int state, int action) {
    if (state < 0 || state >= numStates || action < 0 || action >= numActions) {
      throw new IllegalArgumentException("edge (" + state + ", " + action + ") outside the graph");
    }
    return children.get((long) state * numActions + action);
  }

  IntTensor cells() {
    return cells;
  }

  IntTensor children() {
    return children;
  }

  IntTensor levelStart() {
    return levelStart;
  }

  IntTensor order() {
    return order;
  }

  IntTensor inStart() {
    return inStart;
  }

  IntTensor inEdge() {
    return inEdge;
  }

  IntTensor terminalInStart() {
    return terminalInStart;
  }

  IntTensor terminalInEdge() {
    return terminalInEdge;
  }

  @Override
  protected void free() {
    cells.close();
    children.close();
    levelStart.close();
    order.close();
    inStart.close();
    inEdge.close();
    terminalInStart.close();
    terminalInEdge.close();
  }

  @Override
  protected String describe() {
    return "StateGraph[" + spec + ", " + numStates + " states, " + numEdges + " edges]";
  }
}
