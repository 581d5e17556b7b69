package dev.sparring.config;

import dev.sparring.grading.judge.JudgeSettings;
import dev.sparring.scoring.ScoringRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  private final Map<String, String> platformDefaults;

  /** A loader that knows no platform sections (tests of the core settings). */
  public ConfigLoader(Map<String, String> env) {
    this(env, Map.of());
  }

  /**
   * A loader over the environment {@code env}; {@code platformDefaults} holds each platform's
   * section of the defaults, by platform id, as YAML under that id (see {@code
   * PlatformModule#configDefaults}).
   */
  public ConfigLoader(Map<String, String> env, Map<String, String> platformDefaults) {
    this.env = Map.copyOf(env);
    this.platformDefaults = Map.copyOf(platformDefaults);
  }

  /** Defaults overlaid with {@code file} (may be null). */
  public SparringConfig load(Path file) {
    Map<String, Object> merged = parse(defaultsText(), DEFAULTS);
    platformDefaults.forEach(
        (id, yaml) -> {
          Map<String, Object> section = yaml.isBlank() ? Map.of() : parse(yaml, id + " defaults");
          merged.put(id, section.getOrDefault(id, new LinkedHashMap<>()));
        });
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
    return describe(c, env, Set.of());
  }

  /**
   * The effective settings as flat {@code key = value} lines, platform sections included, the
   * secrets of {@link Secrets#ALL} and {@code platformSecrets} masked.
   */
  public static List<String> describe(
      SparringConfig c, Map<String, String> env, Set<String> platformSecrets) {
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
    lines.add("drill.retention = " + c.drill().retention());
    lines.add("drill.maxIntervalDays = " + c.drill().maxIntervalDays());
    lines.add("drill.goalDailyCap = " + c.drill().goalDailyCap());
    c.platforms().forEach((id, section) -> flatten(id, section, lines));
    Set<String> secrets = new TreeSet<>(Secrets.ALL);
    secrets.addAll(platformSecrets);
    secrets.add(j.apiKeyEnv());
    for (String secret : secrets) {
      lines.add("env " + secret + " = " + Secrets.mask(env.get(secret)));
    }
    return lines;
  }

  /** Each platform's section of the merged tree, by platform id (values never hold secrets). */
  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> platforms(Map<String, Object> merged) {
    Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
    for (String id : platformDefaults.keySet()) {
      Object section = merged.get(id);
      out.put(id, section instanceof Map ? (Map<String, Object>) section : Map.of());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String key, Object value, List<String> lines) {
    if (value instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).forEach((k, v) -> flatten(key + "." + k, v, lines));
    } else {
      lines.add(key + " = " + value);
    }
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
  /** The retired keys warned about in this process. */
  private static final Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
        // Once per process: start-up may read the same file twice (see Main.preload).
        if (WARNED.add(key)) {
          org.slf4j.LoggerFactory.getLogger(ConfigLoader.class)
              .warn("config: '{}' is no longer used ({}); remove it", key, RETIRED.get(key));
        }
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
    ConfigSection r = new ConfigSection(m);
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
      if (!a.matches("[a-z][a-z0-9]{1,19}:\\S+")
          || !platformDefaults.containsKey(a.substring(0, a.indexOf(':')))) {
        r.problems.add(
            "admins: '"
                + a
                + "' must be a platform and a user id, like slack:U123 or discord:1234 (platforms: "
                + String.join(", ", new TreeSet<>(platformDefaults.keySet()))
                + ")");
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
    JudgeSettings judge = JudgeSection.read(r);
    dev.sparring.drill.DrillSettings drill = DrillSection.read(r);
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
        platforms(m),
        actionsPerMinute,
        judge,
        meaning,
        drill);
  }
}
