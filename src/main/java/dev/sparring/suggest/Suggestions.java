package dev.sparring.suggest;

import dev.sparring.bank.PackLoader;
import dev.sparring.bank.PackWriter;
import dev.sparring.bank.Problem;
import dev.sparring.chat.Ids;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.core.Json;
import dev.sparring.store.Document;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Community questions: {@code /spar suggest} opens a form for a question with key points and
 * follow-ups, checked exactly as a pack file is; admins approve or reject the queue ({@code /spar
 * suggestions}); approved questions form the team's pack in the database, asked in that team like
 * any other question (the pack {@code team}, see {@link TeamBanks}), exported as a pack file with
 * {@code /spar suggestions export} and retired with {@code /spar suggestions remove ID}.
 */
public final class Suggestions implements Feature {

  static final String FORM = "suggest.form";
  static final String APPROVE = "suggest.approve";
  static final String REJECT = "suggest.reject";

  /** A suggestion waiting for an admin: id {@code TEAM#ID#USER}. */
  static final String PENDING = "suggest.pending";

  /** A question of the team's pack: id {@code TEAM#QUESTION-ID}. */
  public static final String TEAM_PACK = "pack.team";

  /** The last draft someone sent that did not pass, to fill the form again: {@code TEAM#USER}. */
  static final String DRAFT = "suggest.draft";

  /** The team pack's name in exported files and in filters. */
  static final String PACK = dev.sparring.bank.QuestionBank.TEAM_PACK;

  static final int SHOWN = 10;

  /** What is stored per suggestion. */
  record Suggestion(
      String id, String yaml, String prompt, String author, String name, Instant at) {}

  private final PackLoader checker = new PackLoader();
  private final TeamBanks banks;

  /** Suggestions whose approved questions join the team views of {@code banks}. */
  public Suggestions(TeamBanks banks) {
    this.banks = banks;
  }

  /** Suggestions over no file packs (tests of the queue alone). */
  public Suggestions() {
    this(new TeamBanks(dev.sparring.bank.QuestionBank.of(List.of())));
  }

  @Override
  public Set<String> commands() {
    return Set.of("suggest", "suggestions");
  }

  @Override
  public List<Help> help() {
    return List.of(
        Help.of("suggest", "propose a question with key points and follow-ups for this team"),
        new Help("suggestions", "the queue of suggested questions, to approve or reject", true),
        new Help("suggestions export", "the team's approved questions as a pack file (YAML)", true),
        new Help(
            "suggestions remove question-id",
            "retire an approved question: it is no longer asked in this team",
            true));
  }

  @Override
  public String buttonPrefix() {
    return "suggest.";
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    if (command.name().equals("suggest")) {
      Map<String, String> before = lastDraft(ctx, in.team().key(), in.actor().user().key());
      ctx.out().form(SuggestTexts.form(before));
      return;
    }
    if (!ctx.isAdmin(in.actor())) {
      ctx.out().tell(in, SuggestTexts.ADMINS_ONLY);
      return;
    }
    String sub = command.arg(0);
    if (sub.isEmpty()) {
      queue(ctx, in);
    } else if (sub.equals("export") && command.args().size() == 1) {
      export(ctx, in);
    } else if (sub.equals("remove") && command.args().size() == 2) {
      remove(ctx, in, command.arg(1));
    } else {
      ctx.out().tell(in, SuggestTexts.USAGE);
    }
  }

  @Override
  public void modal(Context ctx, Inbound.ModalSubmitted submit) {
    if (!submit.modal().equals(FORM)) {
      return;
    }
    String team = submit.team().key();
    String user = submit.actor().user().key();
    String id;
    do {
      id = "team-" + Ids.random("", 8).toLowerCase(java.util.Locale.ROOT);
    } while (banks.sharedHas(id)); // a team question never shadows a file pack's
    Drafts.Read read = Drafts.read(id, submit.fields());
    List<String> errors = new ArrayList<>(read.errors());
    String yaml = PackWriter.dump(List.of(read.question()));
    if (errors.isEmpty()) {
      PackLoader.Result checked = checker.check(PACK, yaml);
      checked.problems().stream().map(Suggestions::plain).forEach(errors::add);
    }
    if (!errors.isEmpty()) {
      // Nothing typed is lost: the next /spar suggest opens with it.
      ctx.tx()
          .documents()
          .put(
              Document.saved(
                  ctx.tx().documents().get(DRAFT, team + "#" + user),
                  DRAFT,
                  team + "#" + user,
                  team,
                  Json.write(submit.fields()),
                  null));
      ctx.out().tell(submit, SuggestTexts.refused(errors));
      return;
    }
    ctx.tx().documents().delete(DRAFT, team + "#" + user);
    Suggestion s =
        new Suggestion(
            id,
            yaml,
            String.valueOf(read.question().get("prompt")),
            user,
            submit.actor().displayName(),
            ctx.now());
    ctx.tx()
        .documents()
        .insert(Document.create(PENDING, team + "#" + id + "#" + user, team, Json.write(s), null));
    ctx.out().tell(submit, SuggestTexts.queued(id));
  }

  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (!ctx.isAdmin(press.actor())) {
      ctx.out().tell(press, SuggestTexts.ADMINS_ONLY);
      return;
    }
    String team = press.team().key();
    Optional<Document> doc =
        ctx.tx().documents().get(PENDING, press.value()).filter(d -> d.team().equals(team));
    if (doc.isEmpty()) {
      ctx.out().tell(press, SuggestTexts.GONE);
      return;
    }
    Suggestion s = Json.read(doc.get().body(), Suggestion.class);
    if (press.action().equals(APPROVE) && banks.sharedHas(s.id())) {
      // A file pack took the id after the suggestion was sent: it stays in the queue to reject.
      ctx.out().tell(press, SuggestTexts.clash(s));
      return;
    }
    ctx.tx().documents().delete(PENDING, doc.get().id());
    if (press.action().equals(APPROVE)) {
      ctx.tx()
          .documents()
          .put(Document.create(TEAM_PACK, team + "#" + s.id(), team, doc.get().body(), null));
      TeamBanks.changed(ctx.tx(), team);
      ctx.out().tell(press, SuggestTexts.approved(s));
    } else {
      ctx.out().tell(press, SuggestTexts.rejected(s));
    }
  }

  private void queue(Context ctx, Inbound.CommandInvoked in) {
    String team = in.team().key();
    List<Document> pending = ctx.tx().documents().byPrefix(PENDING, team + "#", SHOWN + 1);
    if (pending.isEmpty()) {
      ctx.out().tell(in, SuggestTexts.EMPTY);
      return;
    }
    List<Suggestion> shown =
        pending.stream().limit(SHOWN).map(d -> Json.read(d.body(), Suggestion.class)).toList();
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            SuggestTexts.queue(
                shown,
                pending.stream().limit(SHOWN).map(Document::id).toList(),
                pending.size() > SHOWN));
  }

  /** Retires an approved question of this team: it is no longer asked, listed or exported. */
  private void remove(Context ctx, Inbound.CommandInvoked in, String rawId) {
    String team = in.team().key();
    String id = rawId.strip().toLowerCase(java.util.Locale.ROOT);
    boolean removed =
        ctx.tx()
                .documents()
                .get(TEAM_PACK, team + "#" + id)
                .filter(d -> d.team().equals(team))
                .isPresent()
            && ctx.tx().documents().delete(TEAM_PACK, team + "#" + id);
    if (!removed) {
      ctx.out().tell(in, SuggestTexts.notApproved(rawId));
      return;
    }
    TeamBanks.changed(ctx.tx(), team);
    ctx.out().tell(in, SuggestTexts.removed(id));
  }

  private void export(Context ctx, Inbound.CommandInvoked in) {
    String team = in.team().key();
    List<Document> approved = ctx.tx().documents().byPrefix(TEAM_PACK, team + "#", 10_000);
    if (approved.isEmpty()) {
      ctx.out().tell(in, SuggestTexts.NONE_APPROVED);
      return;
    }
    StringBuilder yaml = new StringBuilder(SuggestTexts.EXPORT_HEADER);
    for (Document d : approved) {
      String body = Json.read(d.body(), Suggestion.class).yaml();
      // Each stored text is one checked pack file; their question lists are joined.
      yaml.append(body.substring(body.indexOf('\n') + 1));
    }
    byte[] bytes = yaml.toString().getBytes(StandardCharsets.UTF_8);
    ctx.out()
        .post(
            in.channel(),
            Message.of(
                    "Team pack \u00b7 " + approved.size() + " question(s)",
                    "Exported by " + in.actor().mention() + ". " + SuggestTexts.EXPORT_HOW)
                .withAttachments(
                    List.of(
                        new Message.Attachment(
                            "team-pack.yaml",
                            "application/yaml",
                            bytes,
                            approved.size()
                                + " approved question(s); run `/spar suggestions"
                                + " export` where files can be sent."))),
            null);
    ctx.out().tell(in, SuggestTexts.exported(approved.size()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> lastDraft(Context ctx, String team, String user) {
    return ctx.tx()
        .documents()
        .get(DRAFT, team + "#" + user)
        .map(d -> (Map<String, String>) Json.read(d.body(), Map.class))
        .orElse(Map.of());
  }

  /** A pack problem without the scratch file's path: "line 7: too few key points ...". */
  private static String plain(Problem p) {
    return Texts.clip(Inline.data(p.message()), 300);
  }
}
