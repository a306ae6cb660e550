package org.gfn4j.env.dag;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.env.Environment;
import org.gfn4j.env.Environments;
import org.gfn4j.runtime.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV data: bad files are refused with their line number; relative paths resolve under the data root. */
class DagDataTest {
  @TempDir Path dir;

  private String errorOf(String csv) throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, csv);
    return assertThrows(IllegalArgumentException.class, () -> DagData.read(f)).getMessage();
  }

  @Test
  void wrongColumnCountNamesTheLine() throws IOException {
    String m = errorOf("A,B,C\n1,2,3\n4,5\n6,7,8\n");
    assertTrue(m.contains("line 3") && m.contains("expected 3 columns, got 2"), m);
  }

  @Test
  void nonNumericCellNamesTheLineAndColumn() throws IOException {
    String m = errorOf("A,B\n1,2\n3,4\n5,x\n");
    assertTrue(m.contains("line 4") && m.contains("column 2") && m.contains("'x'"), m);
    String nan = errorOf("A,B\n1,NaN\n3,4\n");
    assertTrue(nan.contains("line 2"), nan);
  }

  @Test
  void fewerThanTwoRowsIsRefused() throws IOException {
    String m = errorOf("A,B\n1,2\n");
    assertTrue(m.contains("line 2") && m.contains("at least 2"), m);
    assertTrue(errorOf("").contains("line 1"));
  }

  @Test
  void relativeDataPathsResolveUnderTheDagFolderOfTheDataRoot() throws IOException {
    Files.createDirectories(dir.resolve("dag"));
    Files.writeString(dir.resolve("dag").resolve("tiny.csv"), "X,Y\n0.1,0.3\n-0.5,0.2\n1.5,-0.7\n");
    Environment env = Environments.create("dag:data=tiny.csv", Backend.JAVA, dir);
    assertEquals(2 * 2 * 2, env.stateWidth());
    assertEquals("dag:nodes=2,score=bge,data=tiny.csv", env.spec().toString());
    assertThrows(IllegalArgumentException.class, () -> Environments.create("dag:data=missing.csv", Backend.JAVA, dir));
    assertThrows(IllegalArgumentException.class, () -> Environments.create("dag:nodes=3,data=tiny.csv", Backend.JAVA, dir));
  }

  @Test
  void objectTextIsTheRowMajorAdjacency() {
    Environment env = Environments.create("dag:nodes=3", Backend.NATIVE, TestData.root());
    int[] cells = env.parseObject("010001000");
    assertEquals("010001000", env.formatObject(cells));
    // closure_T(i, j) = 1 when j reaches i: 0 -> 1 -> 2, so node 2 is reached from 0 and 1.
    int[] closure = java.util.Arrays.copyOfRange(cells, 9, 18);
    assertArrayEquals(new int[] {1, 0, 0, 1, 1, 0, 1, 1, 1}, closure);
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("100000000"));
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("01000100"));
    assertThrows(IllegalArgumentException.class, () -> env.parseObject("010001002"));
  }
}
