package dev.sparring.bank;

import dev.sparring.chat.Texts;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One pack file as YAML nodes that know their line and column: reads the file (size limit, strict
 * UTF-8), refuses aliases before anything is expanded, and reads keys, text and lists out of nodes.
 * Every problem met is recorded as {@code FILE:LINE:COL: message}; the readers answer null or an
 * empty list then, so the caller goes on and reports the rest of the file too.
 */
final class PackYaml {

  /** The longest text a prompt, point, claim or correction may have. */
  private static final int MAX_TEXT = 4000;

  private final Path path;
  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> drafts = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  /** A placeholder {@code sparring import} writes into a skeleton for the author to replace. */
  static final java.util.regex.Pattern TODO = java.util.regex.Pattern.compile("\\bTODO\\b");

  /**
   * Tags every plain scalar as text: packs are read as nodes, never constructed, and their scalars
   * are read as text whatever they look like, so the implicit type resolvers (a regex or more per
   * scalar) have nothing to decide.
   */
  private static final class TextOnly extends org.yaml.snakeyaml.resolver.Resolver {
    @Override
    protected void addImplicitResolvers() {}
  }

  /** Whether {@code text} holds a {@link #TODO} placeholder (the regex only runs on a "TODO"). */
  static boolean todo(String text) {
    return text.contains("TODO") && TODO.matcher(text).find();
  }

  PackYaml(Path path) {
    this.path = path;
    this.file = path.toString();
  }

  /** Every problem recorded so far, in the order met. */
  List<Problem> problems() {
    return problems;
  }

  /** The TODO placeholders met so far (a question holding one is a draft). */
  List<Problem> drafts() {
    return drafts;
  }

  /** Doubts that do not stop a question from loading (a figure without a reference). */
  List<Problem> warnings() {
    return warnings;
  }

  /** Records a warning at the start of {@code node}. */
  void warning(Node node, String message) {
    warnings.add(at(node.getStartMark(), message));
  }

  private void draft(Node node, String value) {
    drafts.add(
        at(
            node.getStartMark(),
            "TODO placeholder \u201c"
                + Texts.clip(value, 60)
                + "\u201d: this is a draft from `sparring import`; write the real text (or pass"
                + " --allow-drafts while it is in progress)"));
  }

  /** How many problems were recorded so far (to tell whether a part of the file had any). */
  int problemCount() {
    return problems.size();
  }

  /** The file's root node, or null when it cannot be read or parsed (the problem is recorded). */
  Node root() {
    String text = text();
    return text == null ? null : parse(text);
  }

  private String text() {
    try {
      long size = Files.size(path);
      if (size > PackLoader.MAX_FILE_BYTES) {
        problems.add(
            new Problem(
                file, 1, 1, "file is " + size + " bytes; a pack file may have at most 1 MiB"));
        return null;
      }
      byte[] bytes = Files.readAllBytes(path);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(new Problem(file, 1, 1, "file is not valid UTF-8"));
    } catch (IOException e) {
      problems.add(new Problem(file, 1, 1, "cannot read: " + e.getMessage()));
    }
    return null;
  }

  private Node parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit((int) PackLoader.MAX_FILE_BYTES);
    Yaml yaml =
        new Yaml(
            new org.yaml.snakeyaml.constructor.Constructor(options),
            new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
            new org.yaml.snakeyaml.DumperOptions(),
            options,
            new TextOnly());
    try {
      // Aliases are refused outright before anything is expanded. An alias needs an anchor
      // ("&"): a file without one is not scanned twice.
      for (Event e :
          text.indexOf('&') < 0 ? List.<Event>of() : yaml.parse(new StringReader(text))) {
        if (e instanceof AliasEvent alias) {
          problem(
              alias.getStartMark(),
              "YAML aliases (*" + alias.getAnchor() + ") are not allowed in packs");
          return null;
        }
      }
      Node node = yaml.compose(new StringReader(text));
      if (node == null) {
        problems.add(new Problem(file, 1, 1, "file is empty"));
      }
      return node;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      problem(mark, "YAML syntax: " + what.strip());
    } catch (YAMLException e) {
      problems.add(new Problem(file, 1, 1, "YAML: " + e.getMessage()));
    }
    return null;
  }

  /** The mapping's entries by key; keys not {@code allowed} are reported and left out. */
  Map<String, NodeTuple> keys(MappingNode map, Set<String> allowed) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        problem(t.getKeyNode(), "keys must be plain words");
        continue;
      }
      if (!allowed.contains(key.getValue())) {
        problem(
            key,
            "unknown key '"
                + key.getValue()
                + "' (expected one of: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
        continue;
      }
      out.put(key.getValue(), t);
    }
    return out;
  }

  /** An entry's text, stripped; null when missing (reported if required), not text or empty. */
  String scalar(NodeTuple t, Node owner, String what, boolean required) {
    if (t == null) {
      if (required) {
        problem(owner, "missing '" + what + "'");
      }
      return null;
    }
    if (!(t.getValueNode() instanceof ScalarNode s)) {
      problem(t.getValueNode(), "'" + what + "' must be text");
      return null;
    }
    String v = s.getValue().strip();
    if (todo(v)) {
      draft(s, v);
    }
    if (v.isEmpty() && required) {
      problem(s, "'" + what + "' is empty");
      return null;
    }
    return v;
  }

  /** A required text of at most {@link #MAX_TEXT} characters, or null. */
  String text(NodeTuple t, Node owner, String what) {
    String v = scalar(t, owner, what, true);
    if (v != null && v.length() > MAX_TEXT) {
      problem(
          t.getValueNode(), what + " is " + v.length() + " characters (limit " + MAX_TEXT + ")");
      return null;
    }
    return v;
  }

  /** A list of non-empty texts; the broken entries are reported and left out. */
  List<String> strings(NodeTuple t, Node owner, String what, boolean required) {
    if (t == null) {
      if (required) {
        problem(owner, "missing '" + what + "'");
      }
      return List.of();
    }
    if (!(t.getValueNode() instanceof SequenceNode seq)) {
      problem(t.getValueNode(), "'" + what + "' must be a list");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
        if (todo(s.getValue())) {
          draft(s, s.getValue().strip());
        }
        out.add(s.getValue().strip());
      } else {
        problem(item, "each entry of '" + what + "' must be non-empty text");
      }
    }
    if (required && out.isEmpty() && seq.getValue().isEmpty()) {
      problem(seq, "'" + what + "' is empty");
    }
    return out;
  }

  /** Records a problem at the start of {@code node}. */
  void problem(Node node, String message) {
    problem(node.getStartMark(), message);
  }

  private void problem(Mark mark, String message) {
    problems.add(at(mark, message));
  }

  /** {@code message} at a mark of this file (1-based line and column; 1:1 without a mark). */
  Problem at(Mark mark, String message) {
    return mark == null
        ? new Problem(file, 1, 1, message)
        : new Problem(file, mark.getLine() + 1, mark.getColumn() + 1, message);
  }
}
