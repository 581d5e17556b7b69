package dev.sparring.config;

import java.util.Map;
import java.util.Set;

/**
 * Names of the secrets the core reads (each platform names its own). Secrets come only from the
 * environment.
 */
public final class Secrets {
  private Secrets() {}

  public static final String DATABASE_PASSWORD = "SPARRING_DB_PASSWORD";

  /** 32 random bytes in base64: encrypts the Slack tokens of OAuth installations at rest. */
  public static final String SECRET_KEY = "SPARRING_SECRET_KEY";

  /**
   * The API key of the LLM judge, under its default name ({@code grading.judge.apiKeyEnv} may name
   * another variable).
   */
  public static final String JUDGE_API_KEY = "SPARRING_JUDGE_API_KEY";

  public static final Set<String> ALL = Set.of(DATABASE_PASSWORD, SECRET_KEY, JUDGE_API_KEY);

  private static final java.util.regex.Pattern SECRET_NAME =
      java.util.regex.Pattern.compile("_(TOKEN|SECRET|PASSWORD|API_KEY)$");

  /** "xoxb-…" becomes "xo****", enough to tell two tokens apart and never enough to use one. */
  public static String mask(String value) {
    if (value == null || value.isEmpty()) {
      return "(unset)";
    }
    return value.length() <= 8 ? "****" : value.substring(0, 2) + "****";
  }

  /**
   * Every secret value present in {@code env}, for scrubbing text before it is logged: those of
   * {@link #ALL}, and of any variable whose name ends in {@code _TOKEN}, {@code _SECRET}, {@code
   * _PASSWORD} or {@code _API_KEY} (the platforms' credentials, the judge's key).
   */
  public static Set<String> values(Map<String, String> env) {
    return env.entrySet().stream()
        .filter(e -> ALL.contains(e.getKey()) || SECRET_NAME.matcher(e.getKey()).find())
        .map(Map.Entry::getValue)
        .filter(v -> v != null && v.length() >= 4)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
