package dev.sparring.config;

import java.util.Map;
import java.util.Set;

/** Names of every secret Sparring reads. Secrets come only from the environment. */
public final class Secrets {
  private Secrets() {}

  public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String SLACK_APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String SLACK_CLIENT_ID = "SLACK_CLIENT_ID";
  public static final String SLACK_CLIENT_SECRET = "SLACK_CLIENT_SECRET";
  public static final String DISCORD_TOKEN = "DISCORD_TOKEN";
  public static final String DATABASE_PASSWORD = "SPARRING_DB_PASSWORD";

  /** 32 random bytes in base64: encrypts the Slack tokens of OAuth installations at rest. */
  public static final String SECRET_KEY = "SPARRING_SECRET_KEY";

  /**
   * The API key of the LLM judge, under its default name ({@code grading.judge.apiKeyEnv} may name
   * another variable).
   */
  public static final String JUDGE_API_KEY = "SPARRING_JUDGE_API_KEY";

  public static final Set<String> ALL =
      Set.of(
          SLACK_SIGNING_SECRET,
          SLACK_BOT_TOKEN,
          SLACK_APP_TOKEN,
          SLACK_CLIENT_SECRET,
          DISCORD_TOKEN,
          DATABASE_PASSWORD,
          SECRET_KEY,
          JUDGE_API_KEY);

  /** "xoxb-…" becomes "xo****", enough to tell two tokens apart and never enough to use one. */
  public static String mask(String value) {
    if (value == null || value.isEmpty()) {
      return "(unset)";
    }
    return value.length() <= 8 ? "****" : value.substring(0, 2) + "****";
  }

  /**
   * Every secret value present in {@code env}, for scrubbing text before it is logged: those of
   * {@link #ALL}, and of any variable named {@code *_API_KEY} (the judge's key may live in one).
   */
  public static Set<String> values(Map<String, String> env) {
    return env.entrySet().stream()
        .filter(e -> ALL.contains(e.getKey()) || e.getKey().endsWith("_API_KEY"))
        .map(Map.Entry::getValue)
        .filter(v -> v != null && v.length() >= 4)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
