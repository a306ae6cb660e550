package org.gfn4j.env.sequence;

/**
 * The four sequence-generation processes of gfnx's sequence.py; the codes are the
 * {@code SequenceKind} values of native/include/gfn4j/sequence.h.
 */
public enum SequenceKind {
  /** Set any empty word: action pos·nchar + c; backward clears a word (bitseq). */
  NON_AUTOREGRESSIVE(0),
  /** Append at the first PAD until full; one backward action (TFBind8). */
  FIXED_AUTOREGRESSIVE(1),
  /** Prepend (a &lt; nchar) or append (a − nchar) until full; backward removes first or last (QM9). */
  PREPEND_APPEND(2),
  /** Append or stop with EOS (action nchar); one backward action (AMP). */
  AUTOREGRESSIVE(3);

  private final int code;

  SequenceKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Whether characters always form a prefix followed by EOS or PADs. */
  public boolean prefix() {
    return this != NON_AUTOREGRESSIVE;
  }
}
