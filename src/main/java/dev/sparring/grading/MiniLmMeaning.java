package dev.sparring.grading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence embeddings from the quantized all-MiniLM-L6-v2 model shipped inside the jar, run on ONNX
 * Runtime in this process: no network, no service. The model loads on a background thread (about
 * 1–3 s) once {@link #start() started}; until then {@link #ready()} is false and grading uses terms
 * alone. Key point vectors are computed once and cached; an answer's units are embedded in one
 * batch per grade.
 */
public final class MiniLmMeaning implements Meaning {

  private static final Logger log = LoggerFactory.getLogger(MiniLmMeaning.class);

  /** The model with its cache of key point vectors, made together once the model has loaded. */
  private record Loaded(EmbeddingModel model, Cache<String, float[]> claims) {
    Loaded(EmbeddingModel model) {
      this(model, Caffeine.newBuilder().maximumSize(50_000).build());
    }
  }

  private final AtomicReference<Loaded> model = new AtomicReference<>();
  private final java.util.concurrent.CountDownLatch settled =
      new java.util.concurrent.CountDownLatch(1);

  private MiniLmMeaning() {}

  /** A model not loaded yet: {@link #start()} loads it; until then grading is by terms alone. */
  public static MiniLmMeaning unloaded() {
    return new MiniLmMeaning();
  }

  /** Starts loading the model on a daemon thread and returns at once. */
  public static MiniLmMeaning loadInBackground() {
    MiniLmMeaning meaning = new MiniLmMeaning();
    meaning.start();
    return meaning;
  }

  private final java.util.concurrent.atomic.AtomicBoolean started =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Starts loading the model on a daemon thread, once; later calls do nothing. The bot calls it
   * once it is up, so loading never delays start-up.
   */
  public MiniLmMeaning start() {
    if (!started.compareAndSet(false, true)) {
      return this;
    }
    Thread t =
        new Thread(
            () -> {
              long begin = System.nanoTime();
              try {
                model.set(new Loaded(new AllMiniLmL6V2QuantizedEmbeddingModel()));
                log.info(
                    "grading: meaning model loaded in {} ms",
                    (System.nanoTime() - begin) / 1_000_000);
              } catch (RuntimeException | LinkageError e) {
                log.warn(
                    "grading: meaning model unavailable, grading by terms alone: {}", e.toString());
              } finally {
                settled.countDown();
              }
            },
            "grading-model-load");
    t.setDaemon(true);
    t.start();
    return this;
  }

  /** Loads the model on the calling thread: for the command line and benchmarks. */
  public static MiniLmMeaning loadNow() {
    MiniLmMeaning meaning = new MiniLmMeaning();
    meaning.started.set(true);
    meaning.model.set(new Loaded(new AllMiniLmL6V2QuantizedEmbeddingModel()));
    meaning.settled.countDown();
    return meaning;
  }

  /** Waits at most {@code max} for the background load to finish or fail; for tests and tools. */
  public MiniLmMeaning await(java.time.Duration max) throws InterruptedException {
    settled.await(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Waits at most {@code max} for a load in progress to finish: a JVM that exits while ONNX Runtime
   * is still creating its session can crash in native code. Does nothing if loading never started.
   */
  public void quiesce(java.time.Duration max) {
    if (!started.get()) {
      return;
    }
    try {
      settled.await(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean ready() {
    return model.get() != null;
  }

  @Override
  public double[][] similarity(List<String> units, List<String> claimTexts) {
    Loaded loaded = model.get();
    double[][] out = new double[claimTexts.size()][units.size()];
    if (loaded == null || units.isEmpty()) {
      return out;
    }
    EmbeddingModel m = loaded.model();
    Cache<String, float[]> claims = loaded.claims();
    List<TextSegment> segments = new ArrayList<>(units.size());
    units.forEach(u -> segments.add(TextSegment.from(u)));
    List<float[]> answer = new ArrayList<>(units.size());
    m.embedAll(segments).content().forEach(e -> answer.add(e.vector()));
    for (int i = 0; i < out.length; i++) {
      float[] c = claims.get(claimTexts.get(i), k -> m.embed(k).content().vector());
      for (int u = 0; u < answer.size(); u++) {
        out[i][u] = cosine(c, answer.get(u));
      }
    }
    return out;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
