package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompareAndSetTest {

  private static final Document V2 = new Document("k", "id", "T1", "{}", 2, null);

  @Test
  void onlyTheVersionTheWriterReadMayBeReplaced() {
    assertThat(CompareAndSet.allows(V2, Document::version, 2)).isTrue();
    assertThat(CompareAndSet.allows(V2, Document::version, 1)).isFalse();
    assertThat(CompareAndSet.allows(V2, Document::version, 3)).isFalse();
  }

  @Test
  void nothingStoredIsNothingToReplace() {
    assertThat(CompareAndSet.allows(null, Document::version, 1)).isFalse();
  }
}
