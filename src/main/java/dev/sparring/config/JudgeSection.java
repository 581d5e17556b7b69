package dev.sparring.config;

import dev.sparring.grading.judge.JudgeSettings;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks {@code grading.judge.*}, the optional LLM judge's settings. */
final class JudgeSection {

  private JudgeSection() {}

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** {@code grading.judge.*}: the URL and model are checked only when the judge is on. */
  static JudgeSettings read(ConfigSection r) {
    boolean enabled = r.bool("grading.judge.enabled");
    String url = r.optional("grading.judge.url");
    String model = r.optional("grading.judge.model");
    String keyEnv = r.string("grading.judge.apiKeyEnv");
    if (keyEnv != null && !ENV_NAME.matcher(keyEnv).matches()) {
      r.problems()
          .add(
              "grading.judge.apiKeyEnv: must be the name of an environment variable, such as"
                  + " SPARRING_JUDGE_API_KEY (the key itself is never written in the config)");
      keyEnv = Secrets.JUDGE_API_KEY;
    }
    String authText = r.string("grading.judge.auth");
    JudgeSettings.Auth auth = JudgeSettings.Auth.parse(authText);
    if (authText != null && auth == null) {
      r.problems()
          .add(
              "grading.judge.auth: must be bearer or api-key (Azure OpenAI) (got '"
                  + authText
                  + "')");
    }
    Duration timeout = r.duration("grading.judge.timeout", Duration.ofMillis(100));
    if (timeout.compareTo(Duration.ofMinutes(2)) > 0) {
      r.problems().add("grading.judge.timeout: must be at most 2m (got '" + timeout + "')");
    }
    int maxConcurrent = r.integer("grading.judge.maxConcurrent", 1, 64);
    int cacheSize = r.integer("grading.judge.cacheSize", 1, 10_000_000);
    java.net.URI uri = judgeUrl(url, enabled, r.problems());
    if (enabled && model == null) {
      r.problems()
          .add(
              "grading.judge.model: grading.judge.enabled is true, so name the model, e.g. llama3.1:8b"
                  + " (Ollama) or gpt-4o-mini (OpenAI)");
    }
    return new JudgeSettings(
        enabled,
        uri,
        model == null ? "" : model,
        keyEnv == null ? Secrets.JUDGE_API_KEY : keyEnv,
        auth == null ? JudgeSettings.Auth.BEARER : auth,
        timeout,
        maxConcurrent,
        cacheSize);
  }

  /**
   * The judge's URL: absolute http(s) with a host and no user or password in it (a key belongs in
   * the environment). An unusable URL is a problem only when the judge is on.
   */
  private static java.net.URI judgeUrl(String url, boolean enabled, List<String> problems) {
    java.net.URI fallback = java.net.URI.create("http://localhost:11434/v1");
    String why;
    if (url == null) {
      why = "give the API base, e.g. http://localhost:11434/v1 (Ollama)";
    } else {
      try {
        java.net.URI uri = new java.net.URI(url);
        if (uri.getRawUserInfo() != null) {
          // Refused even when the judge is off: a password in a config file is a leak.
          problems.add(
              "grading.judge.url: must not hold a user or password; put the API key in the"
                  + " environment variable named by grading.judge.apiKeyEnv");
          return fallback;
        }
        if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
            && uri.getHost() != null
            && uri.getRawFragment() == null) {
          return uri;
        }
        why = "must be an http:// or https:// URL with a host, e.g. http://localhost:11434/v1";
      } catch (java.net.URISyntaxException e) {
        why = "is not a URL (" + e.getReason() + ")";
      }
    }
    if (enabled) {
      problems.add("grading.judge.url: " + why + (url == null ? "" : " (got '" + url + "')"));
    }
    return fallback;
  }
}
