package dev.sparring.config;

import dev.sparring.chat.Durations;
import dev.sparring.grading.judge.JudgeSettings;
import dev.sparring.scoring.ScoringRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads the bundled defaults ({@code config/sparring.yaml} in the jar), overlays a user file,
 * interpolates the environment and validates. Every problem is reported at once, each naming its
 * key.
 */
public final class ConfigLoader {

  private static final String DEFAULTS = "/config/sparring.yaml";
  private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");
  private static final Set<String> STORE_TYPES = Set.of("memory", "sqlite", "postgres");

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Defaults overlaid with {@code file} (may be null). */
  public SparringConfig load(Path file) {
    Map<String, Object> merged = parse(defaultsText(), DEFAULTS);
    if (file != null) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException(
            List.of(file + ": cannot read the config file (" + e.getMessage() + ")"));
      }
      List<String> problems = new ArrayList<>();
      overlay(merged, parse(text, file.toString()), "", problems);
      if (!problems.isEmpty()) {
        throw new ConfigException(problems.stream().map(p -> file + ": " + p).toList());
      }
    }
    return validate(merged);
  }

  /** The effective settings as flat {@code key = value} lines, secrets masked. */
  public static List<String> describe(SparringConfig c, Map<String, String> env) {
    List<String> lines = new ArrayList<>();
    lines.add("store.type = " + c.store().type());
    lines.add("store.sqlite.file = " + c.store().sqliteFile());
    lines.add("store.sqlite.durability = " + c.store().sqliteDurability());
    lines.add("store.postgres.url = " + c.store().postgresUrl());
    lines.add("store.postgres.poolSize = " + c.store().poolSize());
    lines.add("env SPARRING_DB_USER = " + env.getOrDefault("SPARRING_DB_USER", "(unset)"));
    lines.add("bank.paths = " + c.bankPaths());
    lines.add("interview.idleTimeout = " + c.interviewIdleTimeout());
    lines.add("interview.maxAnswerChars = " + c.maxAnswerChars());
    lines.add("outbox.maxAttempts = " + c.outbox().maxAttempts());
    lines.add("outbox.lease = " + c.outbox().lease());
    lines.add("outbox.baseBackoff = " + c.outbox().baseBackoff());
    lines.add("outbox.maxBackoff = " + c.outbox().maxBackoff());
    lines.add("scheduler.tick = " + c.tick());
    lines.add("admins = " + new TreeSet<>(c.admins()));
    lines.add("scoring = " + c.scoring());
    lines.add("slack.mode = " + c.slackMode());
    lines.add("discord = " + c.discord());
    lines.add("limits.actionsPerMinute = " + c.actionsPerMinute());
    JudgeSettings j = c.judge();
    lines.add("grading.meaning = " + c.gradeByMeaning());
    lines.add("grading.judge.enabled = " + j.enabled());
    lines.add("grading.judge.url = " + j.url());
    lines.add("grading.judge.model = " + j.model());
    lines.add("grading.judge.apiKeyEnv = " + j.apiKeyEnv());
    lines.add("grading.judge.auth = " + j.auth());
    lines.add("grading.judge.timeout = " + j.timeout());
    lines.add("grading.judge.maxConcurrent = " + j.maxConcurrent());
    lines.add("grading.judge.cacheSize = " + j.cacheSize());
    Set<String> secrets = new TreeSet<>(Secrets.ALL);
    secrets.add(j.apiKeyEnv());
    for (String secret : secrets) {
      lines.add("env " + secret + " = " + Secrets.mask(env.get(secret)));
    }
    return lines;
  }

  private static String defaultsText() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("the bundled " + DEFAULTS + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled defaults", e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parse(String text, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    try {
      Object doc = new Yaml(options).load(new StringReader(interpolate(text)));
      if (doc == null) {
        return new LinkedHashMap<>();
      }
      if (!(doc instanceof Map)) {
        throw new ConfigException(List.of(source + ": the config must be a mapping of keys"));
      }
      return deepCopy((Map<String, Object>) doc);
    } catch (YAMLException e) {
      throw new ConfigException(List.of(source + ": not valid YAML: " + e.getMessage().strip()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    in.forEach(
        (k, v) ->
            out.put(String.valueOf(k), v instanceof Map ? deepCopy((Map<String, Object>) v) : v));
    return out;
  }

  String interpolate(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String code = line.strip().startsWith("#") ? null : line;
      if (code == null) {
        out.append(line).append('\n');
        continue;
      }
      Matcher m = VAR.matcher(line);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String value = env.get(m.group(1));
        if (value == null || value.isEmpty()) {
          value = m.group(3) != null ? m.group(3) : "";
        }
        m.appendReplacement(b, Matcher.quoteReplacement(value));
      }
      m.appendTail(b);
      out.append(b).append('\n');
    }
    return out.toString();
  }

  /** Keys older versions read: still accepted, with a warning, so an old config file loads. */
  private static final Map<String, String> RETIRED =
      Map.of(
          "scoring.interviewCompletion",
          "an interview now earns the points of its answered steps",
          "scoring.drillReview",
          "a drill now earns its answer's points");

  @SuppressWarnings("unchecked")
  private static void overlay(
      Map<String, Object> base, Map<String, Object> user, String prefix, List<String> problems) {
    for (Map.Entry<String, Object> e : user.entrySet()) {
      String key = prefix + e.getKey();
      if (!base.containsKey(e.getKey()) && RETIRED.containsKey(key)) {
        org.slf4j.LoggerFactory.getLogger(ConfigLoader.class)
            .warn("config: '{}' is no longer used ({}); remove it", key, RETIRED.get(key));
        continue;
      }
      if (!base.containsKey(e.getKey())) {
        problems.add("unknown key '" + key + "'" + suggest(e.getKey(), base.keySet(), prefix));
        continue;
      }
      Object current = base.get(e.getKey());
      if (current instanceof Map && e.getValue() instanceof Map) {
        overlay(
            (Map<String, Object>) current, (Map<String, Object>) e.getValue(), key + ".", problems);
      } else if (current instanceof Map) {
        problems.add(
            "'"
                + key
                + "' is a section; give its keys ("
                + String.join(", ", ((Map<String, Object>) current).keySet())
                + ")");
      } else {
        base.put(e.getKey(), e.getValue());
      }
    }
  }

  private static String suggest(String key, Set<String> known, String prefix) {
    for (String k : known) {
      if (dev.sparring.chat.Texts.distance(k.toLowerCase(), key.toLowerCase()) <= 2) {
        return " (did you mean '" + prefix + k + "'?)";
      }
    }
    return " (known keys here: " + String.join(", ", known) + ")";
  }

  private SparringConfig validate(Map<String, Object> m) {
    Reader r = new Reader(m);
    String type = r.string("store.type");
    if (type != null && !STORE_TYPES.contains(type)) {
      r.problems.add("store.type: must be memory, sqlite or postgres (got '" + type + "')");
    }
    String durability = r.string("store.sqlite.durability");
    if (durability != null && !Set.of("full", "normal").contains(durability)) {
      r.problems.add("store.sqlite.durability: must be full or normal (got '" + durability + "')");
    }
    String pgUrl = r.optional("store.postgres.url");
    int poolSize = r.integer("store.postgres.poolSize", 1, 200);
    if ("postgres".equals(type) && (pgUrl == null || pgUrl.isBlank())) {
      r.problems.add(
          "store.postgres.url: store.type is postgres, so give a JDBC URL (or set SPARRING_DB_URL),"
              + " e.g. jdbc:postgresql://db:5432/sparring");
    }
    SparringConfig.StoreConfig store =
        new SparringConfig.StoreConfig(
            type, r.string("store.sqlite.file"), durability, pgUrl, poolSize);
    List<String> paths = r.strings("bank.paths");
    Duration idle = r.duration("interview.idleTimeout", Duration.ofMinutes(1));
    int maxChars = r.integer("interview.maxAnswerChars", 100, 100_000);
    SparringConfig.OutboxConfig outbox =
        new SparringConfig.OutboxConfig(
            r.integer("outbox.maxAttempts", 1, 100),
            r.duration("outbox.lease", Duration.ofSeconds(5)),
            r.duration("outbox.baseBackoff", Duration.ofMillis(10)),
            r.duration("outbox.maxBackoff", Duration.ofMillis(10)));
    Duration tick = r.duration("scheduler.tick", Duration.ofSeconds(1));
    Set<String> admins = new LinkedHashSet<>(r.strings("admins"));
    for (String a : admins) {
      if (!a.matches("(slack|discord|console):\\S+")) {
        r.problems.add("admins: '" + a + "' must look like slack:U123 or discord:1234");
      }
    }
    Duration seasonLength = null;
    String length = r.string("seasons.length");
    if (length != null && !length.equals("month")) {
      seasonLength = r.duration("seasons.length", Duration.ofDays(1));
    }
    java.time.ZoneId seasonZone = java.time.ZoneId.of("UTC");
    String zone = r.string("seasons.zone");
    try {
      if (zone != null) {
        seasonZone = java.time.ZoneId.of(zone);
      }
    } catch (java.time.DateTimeException e) {
      r.problems.add(
          "seasons.zone: must be an IANA time zone such as UTC or Europe/Berlin (got '"
              + zone
              + "')");
    }
    ScoringRules scoring =
        new ScoringRules(
            r.integer("scoring.participation", 0, 10_000),
            r.integer("scoring.gradeBonusMax", 0, 10_000),
            r.integer("scoring.junkBelow", 0, 100),
            r.integer("scoring.streakBonusPerDay", 0, 10_000),
            r.integer("scoring.streakBonusCap", 0, 100_000),
            seasonLength,
            seasonZone);
    String slackMode = r.string("slack.mode");
    if (slackMode != null && !Set.of("http", "socket").contains(slackMode)) {
      r.problems.add("slack.mode: must be http or socket (got '" + slackMode + "')");
    }
    String commands = r.string("discord.commands");
    if (commands != null && !Set.of("guild", "global").contains(commands)) {
      r.problems.add("discord.commands: must be guild or global (got '" + commands + "')");
    }
    int total = r.integer("discord.shards.total", 1, 10_000);
    int from = r.integer("discord.shards.from", 0, 10_000);
    int to = r.integer("discord.shards.to", 0, 10_000);
    if (from > to || to >= total) {
      r.problems.add(
          "discord.shards: need from <= to < total (got from "
              + from
              + ", to "
              + to
              + ", total "
              + total
              + ")");
    }
    List<String> adminRoles = r.strings("discord.adminRoles");
    adminRoles.stream()
        .filter(role -> !SparringConfig.DiscordConfig.isRoleId(role))
        .forEach(role -> r.problems.add(SparringConfig.DiscordConfig.notARoleId(role)));
    SparringConfig.DiscordConfig discord =
        new SparringConfig.DiscordConfig(
            r.bool("discord.messageContent"),
            "global".equals(commands),
            new LinkedHashSet<>(adminRoles),
            total,
            from,
            to);
    JudgeSettings judge = judge(r);
    if (!r.problems.isEmpty()) {
      throw new ConfigException(r.problems);
    }
    int actionsPerMinute = r.integer("limits.actionsPerMinute", 1, 10_000);
    boolean meaning = r.bool("grading.meaning");
    if (!r.problems.isEmpty()) {
      throw new ConfigException(r.problems);
    }
    return new SparringConfig(
        store,
        paths,
        idle,
        maxChars,
        outbox,
        tick,
        admins,
        scoring,
        slackMode,
        discord,
        actionsPerMinute,
        judge,
        meaning);
  }

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** {@code grading.judge.*}: the URL and model are checked only when the judge is on. */
  private static JudgeSettings judge(Reader r) {
    boolean enabled = r.bool("grading.judge.enabled");
    String url = r.optional("grading.judge.url");
    String model = r.optional("grading.judge.model");
    String keyEnv = r.string("grading.judge.apiKeyEnv");
    if (keyEnv != null && !ENV_NAME.matcher(keyEnv).matches()) {
      r.problems.add(
          "grading.judge.apiKeyEnv: must be the name of an environment variable, such as"
              + " SPARRING_JUDGE_API_KEY (the key itself is never written in the config)");
      keyEnv = Secrets.JUDGE_API_KEY;
    }
    String authText = r.string("grading.judge.auth");
    JudgeSettings.Auth auth = JudgeSettings.Auth.parse(authText);
    if (authText != null && auth == null) {
      r.problems.add(
          "grading.judge.auth: must be bearer or api-key (Azure OpenAI) (got '" + authText + "')");
    }
    Duration timeout = r.duration("grading.judge.timeout", Duration.ofMillis(100));
    if (timeout.compareTo(Duration.ofMinutes(2)) > 0) {
      r.problems.add("grading.judge.timeout: must be at most 2m (got '" + timeout + "')");
    }
    int maxConcurrent = r.integer("grading.judge.maxConcurrent", 1, 64);
    int cacheSize = r.integer("grading.judge.cacheSize", 1, 10_000_000);
    java.net.URI uri = judgeUrl(url, enabled, r.problems);
    if (enabled && model == null) {
      r.problems.add(
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

  /** Typed reads of dotted keys that collect problems instead of failing on the first. */
  private static final class Reader {
    final Map<String, Object> root;
    final List<String> problems = new ArrayList<>();

    Reader(Map<String, Object> root) {
      this.root = root;
    }

    @SuppressWarnings("unchecked")
    Object raw(String key) {
      Object cur = root;
      for (String part : key.split("\\.")) {
        if (!(cur instanceof Map)) {
          return null;
        }
        cur = ((Map<String, Object>) cur).get(part);
      }
      return cur;
    }

    String string(String key) {
      Object v = raw(key);
      if (v == null || v instanceof Map || v instanceof List) {
        problems.add(key + ": missing or not a single value");
        return null;
      }
      return String.valueOf(v).strip();
    }

    boolean bool(String key) {
      Object v = raw(key);
      if (v instanceof Boolean b) {
        return b;
      }
      if (v != null && Set.of("true", "false").contains(String.valueOf(v).strip().toLowerCase())) {
        return Boolean.parseBoolean(String.valueOf(v).strip());
      }
      problems.add(key + ": must be true or false (got '" + v + "')");
      return false;
    }

    /** A value that may be left empty (null then). */
    String optional(String key) {
      Object v = raw(key);
      if (v instanceof Map || v instanceof List) {
        problems.add(key + ": must be a single value");
        return null;
      }
      return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
    }

    List<String> strings(String key) {
      Object v = raw(key);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> list)) {
        problems.add(key + ": must be a list, like [a, b]");
        return List.of();
      }
      return list.stream().map(String::valueOf).map(String::strip).toList();
    }

    int integer(String key, int min, int max) {
      String s = string(key);
      if (s == null) {
        return min;
      }
      try {
        int n = Integer.parseInt(s);
        if (n < min || n > max) {
          problems.add(key + ": must be between " + min + " and " + max + " (got " + n + ")");
        }
        return n;
      } catch (NumberFormatException e) {
        problems.add(key + ": must be a whole number (got '" + s + "')");
        return min;
      }
    }

    Duration duration(String key, Duration min) {
      String s = string(key);
      if (s == null) {
        return min;
      }
      try {
        Duration d = Durations.parse(s);
        if (d.compareTo(min) < 0) {
          problems.add(
              key
                  + ": must be at least "
                  + min.toString().substring(2).toLowerCase()
                  + " (got '"
                  + s
                  + "')");
          return min;
        }
        return d;
      } catch (DateTimeParseException | ArithmeticException e) {
        problems.add(key + ": must be a duration like 90s, 30m, 24h or 7d (got '" + s + "')");
        return min;
      }
    }
  }
}
