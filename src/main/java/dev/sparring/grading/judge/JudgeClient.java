package dev.sparring.grading.judge;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sparring.bank.KeyPoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Posts one answer to an OpenAI-compatible {@code /chat/completions} endpoint and reads the
 * verdict. Every way it can go wrong is a {@link Failure} naming its {@link Outcome}; the API key
 * goes only into the request header, never into a message.
 */
final class JudgeClient {

  /** How long a 429 without a usable Retry-After pauses the judge. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

  /** The longest pause a Retry-After may ask for. */
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

  private final JudgeSettings settings;
  private final java.time.Clock clock;
  private final String apiKey;
  private final URI endpoint;
  private final HttpClient http;
  private final ObjectMapper strict =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private final JudgePrompt prompt = new JudgePrompt(strict);

  /** A call that gave no verdict. */
  static final class Failure extends Exception {
    final Outcome outcome;
    final Duration retryAfter;

    Failure(Outcome outcome, String detail, Duration retryAfter) {
      super(detail, null, false, false);
      this.outcome = outcome;
      this.retryAfter = retryAfter;
    }

    Failure(Outcome outcome, String detail) {
      this(outcome, detail, null);
    }
  }

  JudgeClient(JudgeSettings settings, String apiKey, java.time.Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    this.endpoint = settings.endpoint();
    // HTTP/1.1: some local servers mishandle the h2c upgrade of a plain-http POST.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .build();
  }

  URI endpoint() {
    return endpoint;
  }

  /** Asks the judge about {@code answer}; waits at most the configured timeout. */
  Verdict ask(List<KeyPoint> keyPoints, String answer, String digest)
      throws Failure, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    prompt.body(settings.model(), keyPoints, answer, digest)));
    if (apiKey != null) {
      if (settings.auth() == JudgeSettings.Auth.API_KEY) {
        request.header("api-key", apiKey);
      } else {
        request.header("Authorization", "Bearer " + apiKey);
      }
    }
    HttpResponse<String> response = send(request.build());
    int status = response.statusCode();
    if (status == 429) {
      Duration wait = retryAfter(response.headers().firstValue("Retry-After"), clock.instant());
      throw new Failure(Outcome.RATE_LIMITED, "HTTP 429", wait);
    }
    if (status < 200 || status > 299) {
      throw new Failure(Outcome.HTTP_ERROR, "HTTP " + status + hint(status));
    }
    try {
      return Verdict.parse(strict, response.body(), answer, keyPoints.size());
    } catch (Verdict.Unusable e) {
      throw new Failure(Outcome.UNUSABLE, e.getMessage());
    }
  }

  /** The whole exchange, body included, within the timeout. */
  private HttpResponse<String> send(HttpRequest request) throws Failure, InterruptedException {
    CompletableFuture<HttpResponse<String>> call =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      return call.get(settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new Failure(
          Outcome.TIMEOUT, "no reply within " + settings.timeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      call.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new Failure(
            Outcome.TIMEOUT, "no reply within " + settings.timeout().toMillis() + " ms");
      }
      throw new Failure(Outcome.UNREACHABLE, describe(cause));
    }
  }

  /** "ConnectException", with its message when it has one: no URL parts beyond the endpoint's. */
  private static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  private static String hint(int status) {
    return switch (status) {
      case 401, 403 ->
          " (check the API key in the variable named by grading.judge.apiKeyEnv,"
              + " and grading.judge.auth)";
      case 404 -> " (check grading.judge.url and grading.judge.model)";
      default -> "";
    };
  }

  /** Seconds or an HTTP date; {@link #DEFAULT_RETRY_AFTER} when absent or unreadable. */
  static Duration retryAfter(Optional<String> header, java.time.Instant now) {
    if (header.isEmpty()) {
      return DEFAULT_RETRY_AFTER;
    }
    String v = header.get().strip();
    Duration d;
    try {
      d = Duration.ofSeconds(Long.parseLong(v));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        d = Duration.between(now, at.toInstant());
      } catch (DateTimeParseException e2) {
        return DEFAULT_RETRY_AFTER;
      }
    }
    if (d.isNegative() || d.isZero()) {
      return Duration.ofSeconds(1);
    }
    return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
  }
}
