package dev.sparring.compete;

import dev.sparring.bank.Banks;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.TeamRef;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.grading.Grader;
import dev.sparring.scoring.Points;
import dev.sparring.store.Document;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Study-group competitions: a named, time-boxed contest in a channel that posts questions on a
 * cadence; members (optionally in groups) score by answering in the question threads; standings are
 * kept per person and per group, and a podium post closes it. This class routes the bot's events:
 * {@link CompeteCommands} reads commands, {@link CompeteRules} runs competitions, {@link
 * CompeteAnswers} scores answers, {@link CompeteRecords} stores them and {@link CompeteTexts} words
 * what is said.
 */
public final class Competitions implements Feature {

  static final String THREAD_KIND = "compete";

  /** The longest competition name; longer ones are cut. */
  static final int MAX_NAME = 60;

  private final CompeteCommands commands;
  private final CompeteRules rules;
  private final CompeteAnswers answers;

  public Competitions(QuestionBank bank, Grader grader, Points points, int maxAnswerChars) {
    this(Banks.of(bank), grader, points, maxAnswerChars);
  }

  /** Competitions on each team's questions ({@link Banks#forTeam}). */
  public Competitions(Banks banks, Grader grader, Points points, int maxAnswerChars) {
    this.answers = new CompeteAnswers(banks, grader, points, maxAnswerChars);
    this.rules = new CompeteRules(banks, points, answers);
    this.commands = new CompeteCommands(banks, rules);
  }

  /** What other features need to know about a competition. */
  public record Info(String id, String name) {}

  /** A competition of the team by name, else the channel's running one when no name is given. */
  public Optional<Info> find(Tx tx, String team, String channel, String name) {
    Optional<Document> d =
        name.isBlank()
            ? CompeteRecords.active(tx, channel)
            : CompeteRecords.get(tx, CompeteRecords.id(team, name));
    return d.map(CompeteRecords::read).map(c -> new Info(c.id(), c.name()));
  }

  /**
   * A competition as exports read it: where and when it ran, and each member's group (null for a
   * member playing alone).
   */
  public record Roster(
      String id,
      String name,
      String channel,
      Instant startedAt,
      Instant endsAt,
      Map<String, String> groupOf) {}

  /**
   * The roster of the team's competition with this name (its name or its slug), else the channel's
   * running one when no name is given.
   */
  public static Optional<Roster> roster(Tx tx, String team, String channel, String name) {
    Optional<Document> d =
        name.isBlank()
            ? CompeteRecords.active(tx, channel)
            : CompeteRecords.get(tx, CompeteRecords.id(team, name));
    return d.map(CompeteRecords::read)
        .filter(c -> c.team().equals(team))
        .map(
            c -> {
              Map<String, String> groupOf = new LinkedHashMap<>();
              CompeteRecords.roster(tx, c).forEach(m -> groupOf.put(m.user(), m.group()));
              return new Roster(
                  c.id(),
                  c.name(),
                  c.channel(),
                  c.startedAt(),
                  c.endsAt(),
                  Collections.unmodifiableMap(groupOf));
            });
  }

  @Override
  public Set<String> commands() {
    return Set.of("compete");
  }

  @Override
  public List<Help> help() {
    return List.of(
        new Help(
            "compete start NAME DURATION [pack|level|topic] [every CADENCE] [balanced N]",
            "start a competition here, e.g. `compete start \"Week 3\" 7d advanced every 1d`;"
                + " `balanced 3` places joiners in 3 groups kept even by past points",
            true),
        Help.of("compete join [GROUP]", "join this channel's competition, optionally in a group"),
        Help.of("compete status", "standings for people and groups, and time left"),
        new Help("compete end", "end it now and post the podium (asks you to confirm)", true));
  }

  @Override
  public void command(Context ctx, Command command) {
    commands.handle(ctx, command);
  }

  @Override
  public Set<String> threadKinds() {
    return Set.of(THREAD_KIND);
  }

  @Override
  public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
    answers.answer(ctx, m, thread.anchor());
  }

  @Override
  public String buttonPrefix() {
    return "compete.";
  }

  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (press.action().equals(CompeteRules.CONFIRM)) {
      rules.confirmed(ctx, press);
    }
  }

  @Override
  public void tick(Context ctx) {
    rules.tick(ctx);
  }

  @Override
  public void teamRemoved(Context ctx, TeamRef team) {
    rules.teamRemoved(ctx, team.key());
  }
}
