package org.gfn4j.env.phylo;

import java.util.ArrayList;
import java.util.List;

/**
 * A small Newick reader and writer for binary trees over named taxa: {@code ((A,B),(C,D));},
 * branch lengths ({@code :0.1}) and internal labels ignored, names optionally single-quoted.
 */
final class Newick {
  /** A parsed node: a leaf name, or two or more children. */
  record Node(String name, List<Node> children) {
    boolean isLeaf() {
      return children.isEmpty();
    }
  }

  private final String text;
  private int pos;

  private Newick(String text) {
    this.text = text;
  }

  static Node parse(String text) {
    Newick p = new Newick(text.trim());
    Node root = p.node();
    p.skipLength();
    if (p.pos < p.text.length() && p.text.charAt(p.pos) == ';') {
      p.pos++;
    }
    if (p.pos != p.text.length()) {
      throw new IllegalArgumentException("unexpected '" + p.text.charAt(p.pos) + "' at character " + (p.pos + 1) + " of the Newick tree");
    }
    return root;
  }

  private Node node() {
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      List<Node> children = new ArrayList<>();
      while (true) {
        children.add(node());
        skipLength();
        if (pos >= text.length()) {
          throw new IllegalArgumentException("unbalanced parentheses in the Newick tree");
        }
        char c = text.charAt(pos++);
        if (c == ')') {
          break;
        }
        if (c != ',') {
          throw new IllegalArgumentException("unexpected '" + c + "' at character " + pos + " of the Newick tree");
        }
      }
      name(); // an internal label, ignored
      return new Node(null, children);
    }
    String name = name();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty taxon name at character " + (pos + 1) + " of the Newick tree");
    }
    return new Node(name, List.of());
  }

  private String name() {
    if (pos < text.length() && text.charAt(pos) == '\'') {
      int end = text.indexOf('\'', pos + 1);
      if (end < 0) {
        throw new IllegalArgumentException("unterminated quoted name in the Newick tree");
      }
      String n = text.substring(pos + 1, end);
      pos = end + 1;
      return n;
    }
    int start = pos;
    while (pos < text.length() && "(),:;".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    return text.substring(start, pos).trim();
  }

  private void skipLength() {
    if (pos < text.length() && text.charAt(pos) == ':') {
      pos++;
      while (pos < text.length() && "(),;".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
    }
  }

  /** Newick text of the tree below {@code node} in the cells {@code s} of layout {@code l}, leaves named by {@code taxa}. */
  static void write(PhyloLayout l, int[] s, int node, List<String> taxa, StringBuilder out) {
    if (node < l.n) {
      String name = taxa.get(node);
      boolean plain = name.chars().noneMatch(c -> "(),:;' ".indexOf(c) >= 0);
      out.append(plain ? name : "'" + name + "'");
      return;
    }
    out.append('(');
    write(l, s, s[l.left + node - l.n], taxa, out);
    out.append(',');
    write(l, s, s[l.right + node - l.n], taxa, out);
    out.append(')');
  }
}
