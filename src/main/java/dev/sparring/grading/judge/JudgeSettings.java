package dev.sparring.grading.judge;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach the LLM judge ({@code grading.judge.*}). The API key is not here: it is read from
 * the environment variable named {@code apiKeyEnv}.
 *
 * @param url the API base, such as {@code http://localhost:11434/v1}; {@code /chat/completions} is
 *     added to its path (a query, such as Azure's {@code ?api-version=...}, is kept)
 * @param auth how the key is sent
 * @param maxConcurrent judge calls at once; as many more may wait for each
 * @param cacheSize verdicts kept (answer and step), least recently used dropped first
 */
public record JudgeSettings(
    boolean enabled,
    URI url,
    String model,
    String apiKeyEnv,
    Auth auth,
    Duration timeout,
    int maxConcurrent,
    int cacheSize) {

  /** How the API key is sent. */
  public enum Auth {
    /** {@code Authorization: Bearer KEY} (OpenAI, vLLM, llama.cpp server, most others). */
    BEARER("bearer"),
    /** {@code api-key: KEY} (Azure OpenAI). */
    API_KEY("api-key");

    private final String label;

    Auth(String label) {
      this.label = label;
    }

    /** The name used in the configuration. */
    public String label() {
      return label;
    }

    /** The setting for {@code label}, or null if there is none. */
    public static Auth parse(String label) {
      for (Auth a : values()) {
        if (a.label.equals(label)) {
          return a;
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** The endpoint the judge posts to: {@code url} with {@code /chat/completions} on its path. */
  public URI endpoint() {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    return URI.create(
        url.getScheme() + "://" + url.getRawAuthority() + path + "/chat/completions" + query);
  }
}
