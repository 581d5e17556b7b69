package dev.sparring.testing;

import dev.sparring.bank.PackLoader;
import dev.sparring.bank.QuestionBank;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The small packs under {@code src/test/resources/packs}. */
public final class TestPacks {

  private TestPacks() {}

  public static Path root() {
    try {
      return Path.of(TestPacks.class.getResource("/packs").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The demo pack: {@code demo-senior} (question + 3 follow-ups) and {@code demo-basic} (+ 2). */
  public static QuestionBank demo() {
    PackLoader.Result result = new PackLoader().load(List.of(root()));
    if (!result.ok()) {
      throw new IllegalStateException("test pack is broken: " + result.problems());
    }
    return result.bank();
  }
}
