package dev.sparring.grading.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Step;
import dev.sparring.grading.Contradiction;
import dev.sparring.grading.Grade;
import dev.sparring.grading.RubricGrader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The judge's usable decisions about one answer, by key point index. Only listed indices count; a
 * "covered" or "contradicted" decision counts only with a quote found in the answer; a point with
 * no usable decision keeps the offline grader's. So the judge can confirm, deny or contradict the
 * listed key points and cannot give credit the answer's own words do not show.
 */
record Verdict(Map<Integer, Decision> decisions) {

  /** A quote must be at least this long once normalised ("a DLQ" is too short to show much). */
  static final int MIN_QUOTE = 8;

  /** A longer quote is not evidence of one point: it is most of the answer. */
  static final int MAX_QUOTE = 400;

  Verdict {
    decisions = Map.copyOf(decisions);
  }

  /** One key point's verdict. */
  enum Kind {
    COVERED,
    MISSED,
    CONTRADICTED
  }

  /** A verdict and the answer's words it rests on (empty for a miss). */
  record Decision(Kind kind, String quote) {}

  /** The judge's reply could not be read as a verdict: the offline grade stands. */
  static final class Unusable extends Exception {
    Unusable(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Reads a chat completion response ({@code choices[0].message.content} holding {@code
   * {"points":[{"index","verdict","quote"}]}}) strictly: anything else is {@link Unusable}.
   */
  static Verdict parse(ObjectMapper strict, String body, String answer, int pointCount)
      throws Unusable {
    JsonNode content = read(strict, body, "response").path("choices").path(0).path("message");
    if (!content.path("content").isTextual()) {
      throw new Unusable("no choices[0].message.content text");
    }
    JsonNode points = read(strict, content.get("content").asText(), "content").get("points");
    if (points == null || !points.isArray()) {
      throw new Unusable("content has no \"points\" array");
    }
    String haystack = normalise(answer);
    Map<Integer, Decision> decisions = new HashMap<>();
    Set<Integer> repeated = new HashSet<>();
    for (JsonNode p : points) {
      if (!p.isObject() || !p.path("index").isIntegralNumber() || !p.path("verdict").isTextual()) {
        throw new Unusable("a point without an integer index and a verdict");
      }
      JsonNode q = p.path("quote");
      if (!q.isMissingNode() && !q.isNull() && !q.isTextual()) {
        throw new Unusable("a quote that is not text");
      }
      Kind kind = kind(p.get("verdict").asText());
      int index = p.get("index").canConvertToInt() ? p.get("index").asInt() : -1;
      String quote = q.isTextual() ? q.asText() : "";
      if (index < 0 || index >= pointCount || !repeated.add(index)) {
        decisions.remove(index); // unlisted, or given twice: not trusted
        continue;
      }
      if (kind == Kind.MISSED || found(haystack, quote)) {
        decisions.put(index, new Decision(kind, kind == Kind.MISSED ? "" : quote.strip()));
      }
    }
    return new Verdict(decisions);
  }

  /** The grade with these decisions over the offline grader's, scored as the offline one is. */
  Grade apply(RubricGrader offline, String answer, Step step) {
    List<KeyPoint> keyPoints = step.keyPoints();
    Grade base = offline.grade(answer, step);
    Set<KeyPoint> covered = new HashSet<>();
    List<Contradiction> contradicted = new ArrayList<>();
    for (int i = 0; i < keyPoints.size(); i++) {
      KeyPoint kp = keyPoints.get(i);
      Decision d = decisions.get(i);
      if (d == null) {
        if (base.covered().contains(kp)) {
          covered.add(kp);
        }
        base.contradicted().stream().filter(c -> c.point().equals(kp)).forEach(contradicted::add);
      } else if (d.kind() == Kind.COVERED) {
        covered.add(kp);
      } else if (d.kind() == Kind.CONTRADICTED) {
        contradicted.add(new Contradiction(kp, d.quote()));
      }
    }
    return offline.judged(answer, keyPoints, covered, contradicted);
  }

  private static JsonNode read(ObjectMapper strict, String text, String what) throws Unusable {
    JsonNode node;
    try {
      node = strict.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Unusable(what + " is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new Unusable(what + " is not a JSON object");
    }
    return node;
  }

  private static Kind kind(String verdict) throws Unusable {
    return switch (verdict.strip().toLowerCase(Locale.ROOT)) {
      case "covered" -> Kind.COVERED;
      case "missed" -> Kind.MISSED;
      case "contradicted" -> Kind.CONTRADICTED;
      default -> throw new Unusable("an unknown verdict");
    };
  }

  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** Punctuation a model may put around a quote: quotation marks, ellipses, a final stop. */
  private static final Pattern TRIM = Pattern.compile("^[\\s\"'`.…,;:]+|[\\s\"'`.…,;:]+$");

  /** Whether {@code quote}, of a useful length, occurs in the (normalised) answer. */
  static boolean found(String haystack, String quote) {
    String q = TRIM.matcher(normalise(quote)).replaceAll("");
    return q.length() >= MIN_QUOTE && q.length() <= MAX_QUOTE && haystack.contains(q);
  }

  /** Case, spacing, typographic quotes and dashes do not matter. */
  static String normalise(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    t =
        t.replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u201c', '"')
            .replace('\u201d', '"')
            .replace('\u2013', '-')
            .replace('\u2014', '-');
    return SPACE.matcher(t).replaceAll(" ").strip();
  }
}
