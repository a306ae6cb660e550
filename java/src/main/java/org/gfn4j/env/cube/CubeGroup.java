package org.gfn4j.env.cube;

/**
 * The group of the 2×2×2 cube with the DBL corner fixed (semantics: native/include/gfn4j/cube2.h):
 * states as (p, o) cell rows, quarter turns of U, R and F, composition, inverses, validation and a
 * dense index of the 7!·3^6 = 3,674,160 states for array-backed searches.
 */
public final class CubeGroup {
  public static final int CORNERS = 7;
  public static final int WIDTH = 2 * CORNERS;
  public static final int MOVES = 6;
  public static final int PERMUTATIONS = 5040;
  public static final int TWISTS = 729;
  public static final int STATES = PERMUTATIONS * TWISTS;
  /** Move names in action order: a quarter turn and its inverse per face. */
  public static final String[] MOVE_NAMES = {"U", "U'", "R", "R'", "F", "F'"};

  private static final int[][] CP = {{3, 0, 1, 2, 4, 5, 6}, {4, 1, 2, 0, 6, 5, 3}, {1, 5, 2, 3, 0, 4, 6}};
  private static final int[][] CO = {{0, 0, 0, 0, 0, 0, 0}, {2, 0, 0, 1, 1, 0, 2}, {1, 2, 0, 0, 2, 1, 0}};

  private CubeGroup() {}

  public static int[] solved() {
    int[] c = new int[WIDTH];
    for (int i = 0; i < CORNERS; i++) {
      c[i] = i;
    }
    return c;
  }

  public static boolean isSolved(int[] c, int offset) {
    for (int i = 0; i < CORNERS; i++) {
      if (c[offset + i] != i || c[offset + CORNERS + i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Null when {@code c[offset..offset+14)} is a cube state, else why not. */
  public static String whyInvalid(int[] c, int offset) {
    int seen = 0;
    int twist = 0;
    for (int i = 0; i < CORNERS; i++) {
      int p = c[offset + i];
      int o = c[offset + CORNERS + i];
      if (p < 0 || p >= CORNERS) {
        return "corner " + i + " = " + p + " is outside [0, 6]";
      }
      if ((seen >> p & 1) != 0) {
        return "corner " + p + " appears twice";
      }
      if (o < 0 || o > 2) {
        return "twist " + i + " = " + o + " is outside [0, 2]";
      }
      seen |= 1 << p;
      twist += o;
    }
    return twist % 3 == 0 ? null : "the twists sum to " + twist + ", not a multiple of 3: not reachable by turns";
  }

  /** {@code turns} clockwise quarter turns of face f (0 U, 1 R, 2 F). */
  static int[] turn(int[] in, int offset, int face, int turns) {
    int[] cur = java.util.Arrays.copyOfRange(in, offset, offset + WIDTH);
    for (int k = 0; k < turns; k++) {
      int[] next = new int[WIDTH];
      for (int i = 0; i < CORNERS; i++) {
        next[i] = cur[CP[face][i]];
        next[CORNERS + i] = (cur[CORNERS + CP[face][i]] + CO[face][i]) % 3;
      }
      cur = next;
    }
    return cur;
  }

  /** Move a (0..5): a quarter turn of face a/2, clockwise when a is even, else counter-clockwise. */
  public static int[] move(int[] in, int offset, int a) {
    return turn(in, offset, a / 2, a % 2 == 0 ? 1 : 3);
  }

  /** The inverse of move a. */
  public static int[] unmove(int[] in, int offset, int a) {
    return turn(in, offset, a / 2, a % 2 == 0 ? 3 : 1);
  }

  /** The state reached from {@code a} by the moves that lead from solved to {@code b}: a·b. */
  public static int[] compose(int[] a, int[] b) {
    int[] out = new int[WIDTH];
    for (int i = 0; i < CORNERS; i++) {
      out[i] = a[b[i]];
      out[CORNERS + i] = (a[CORNERS + b[i]] + b[CORNERS + i]) % 3;
    }
    return out;
  }

  /** a⁻¹, with a·a⁻¹ = solved. */
  public static int[] inverse(int[] a) {
    int[] out = new int[WIDTH];
    for (int i = 0; i < CORNERS; i++) {
      out[a[i]] = i;
      out[CORNERS + a[i]] = (3 - a[CORNERS + i]) % 3;
    }
    return out;
  }

  /** Dense index in [0, STATES): Lehmer rank of p times 729 plus the first six twists in base 3. */
  public static int index(int[] c, int offset) {
    return permutationRank(c, offset) * TWISTS + twistRank(c, offset + CORNERS);
  }

  static int permutationRank(int[] c, int offset) {
    int rank = 0;
    for (int i = 0; i < CORNERS; i++) {
      int smaller = 0;
      for (int j = i + 1; j < CORNERS; j++) {
        smaller += c[offset + j] < c[offset + i] ? 1 : 0;
      }
      rank = rank * (CORNERS - i) + smaller;
    }
    return rank;
  }

  static int twistRank(int[] o, int offset) {
    int r = 0;
    for (int i = CORNERS - 2; i >= 0; i--) {
      r = r * 3 + o[offset + i];
    }
    return r;
  }

  /** The state of a dense index (inverse of {@link #index}). */
  public static int[] state(int index) {
    int[] c = new int[WIDTH];
    int perm = index / TWISTS;
    int tw = index % TWISTS;
    int[] digits = new int[CORNERS];
    for (int i = CORNERS - 1; i >= 0; i--) {
      digits[i] = perm % (CORNERS - i);
      perm /= CORNERS - i;
    }
    boolean[] used = new boolean[CORNERS];
    for (int i = 0; i < CORNERS; i++) {
      int k = digits[i];
      for (int v = 0; v < CORNERS; v++) {
        if (!used[v] && k-- == 0) {
          c[i] = v;
          used[v] = true;
          break;
        }
      }
    }
    int sum = 0;
    for (int i = 0; i < CORNERS - 1; i++) {
      c[CORNERS + i] = tw % 3;
      sum += tw % 3;
      tw /= 3;
    }
    c[WIDTH - 1] = (3 - sum % 3) % 3;
    return c;
  }

  /** The state a sequence of moves (e.g. "R U F' U2") leads to from the solved cube. */
  public static int[] applyMoves(String text) {
    int[] c = solved();
    for (String token : text.trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      String face = token.substring(0, 1);
      String suffix = token.substring(1);
      int f = "URF".indexOf(face);
      int turns = switch (suffix) {
        case "" -> 1;
        case "2" -> 2;
        case "'" -> 3;
        default -> -1;
      };
      if (f < 0 || turns < 0) {
        throw new IllegalArgumentException("'" + token + "' is not a move: use U, R or F with an optional ' or 2");
      }
      c = turn(c, 0, f, turns);
    }
    return c;
  }
}
