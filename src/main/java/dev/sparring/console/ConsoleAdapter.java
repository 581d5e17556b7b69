package dev.sparring.console;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Form;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads lines, turns them into inbound events for {@link Bot#handle}, delivers the outbox and
 * prints what the bot said. Every console user is an admin.
 */
public final class ConsoleAdapter {

  static final TeamRef TEAM = new TeamRef(ConsoleModule.PLATFORM, "local");
  private static final String SCOPE = "console";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
  private static final int CATCH_UP_TICKS = 1_000;

  private final Bot bot;
  private final ConsoleGateway gateway;
  private final OutboxDispatcher dispatcher;
  private final PrintStream out;
  private String user;
  private String channel;
  // The form the bot last asked for (a console has no dialogs: it is printed, then /submit).
  private Form form;
  private ChannelRef formChannel;
  // Buttons on the last private answer (a Confirm/Cancel question), pressable like thread buttons.
  private List<Message.Button> privateButtons = List.of();

  /** The gateway the dispatcher must deliver console messages through. */
  public static Gateway newGateway() {
    return new ConsoleGateway();
  }

  /** A gateway that also saves the pictures the bot sends in {@code pictures}, to open them. */
  public static Gateway newGateway(java.nio.file.Path pictures) {
    return new ConsoleGateway(pictures);
  }

  public ConsoleAdapter(
      Bot bot,
      Gateway gateway,
      OutboxDispatcher dispatcher,
      PrintStream out,
      String user,
      String channel) {
    this.bot = bot;
    this.gateway = (ConsoleGateway) gateway;
    this.dispatcher = dispatcher;
    this.out = out;
    this.user = checkName(user, "user");
    this.channel = checkName(channel, "channel");
  }

  private static String checkName(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " name must be 1-40 letters, digits, '.', '_' or '-' (got '" + name + "')");
    }
    return name;
  }

  /**
   * Runs until end of input (or {@code /quit}). With {@code interactive}, a prompt is shown before
   * each line.
   */
  public void run(BufferedReader in, boolean interactive) throws IOException {
    run(in, interactive, () -> {});
  }

  /**
   * Runs until end of input (or {@code /quit}), and runs {@code afterFirstAnswer} once: after the
   * first line is answered, or as soon as the console waits for a line that has not come yet.
   * Background work that the first answer does not need (loading the meaning model) so does not
   * compete with it for the processor.
   */
  public void run(BufferedReader in, boolean interactive, Runnable afterFirstAnswer)
      throws IOException {
    boolean answered = false;
    if (interactive) {
      out.println(
          "Sparring console. Type /spar help for commands, /help for console commands, /quit to"
              + " leave.");
    }
    step(new Inbound.Tick(bot.clock().instant()));
    flush();
    while (true) {
      if (!answered && !in.ready()) {
        answered = true;
        afterFirstAnswer.run();
      }
      if (interactive) {
        out.print(user + "@#" + channel + "> ");
        out.flush();
      }
      String line = in.readLine();
      if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
        break;
      }
      line(line);
      if (!answered) {
        answered = true;
        afterFirstAnswer.run();
      }
    }
    dispatcher.drain();
    flush();
  }

  /** Handles one line of input and prints what it caused. */
  public synchronized void line(String raw) {
    String line = raw.strip();
    if (!line.isEmpty()) {
      step(new Inbound.Tick(bot.clock().instant()));
      try {
        dispatch(line);
      } catch (RuntimeException e) {
        gateway.note("(error: " + e.getMessage() + ")");
      }
    }
    flush();
  }

  private void dispatch(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    if (lower.equals("/spar") || lower.startsWith("/spar ")) {
      Inbound.CommandInvoked cmd =
          new Inbound.CommandInvoked(key(), TEAM, channelRef(), actor(), line.substring(5));
      // A thread that your own command opened becomes your active thread.
      step(cmd, true);
    } else if (lower.startsWith("/user")) {
      switchUser(line.substring(5).strip());
    } else if (lower.startsWith("/channel")) {
      switchChannel(line.substring(8).strip());
    } else if (lower.startsWith("/thread")) {
      selectThread(line.substring(7).strip());
    } else if (lower.startsWith("/press")) {
      press(line.substring(6).strip());
    } else if (lower.equals("/submit") || lower.startsWith("/submit ")) {
      submit(line.substring(7).strip());
    } else if (lower.equals("/clock") || lower.startsWith("/clock ")) {
      clock(line.substring(6).strip());
    } else if (lower.equals("/help")) {
      gateway.note(
          "Console commands: /spar ... (bot commands; /spar help lists them), /user NAME,"
              + " /channel NAME, /thread ID, /press BUTTON, /submit FIELD=VALUE ..., /clock [+1d |"
              + " 2026-03-02T09:00:00Z], /quit. Any other line is your reply"
              + " in the active thread.");
    } else if (line.startsWith("/")) {
      gateway.note("Unknown console command " + line.split("\\s+")[0] + ". Type /help.");
    } else {
      reply(line);
    }
  }

  private void step(Inbound event) {
    step(event, false);
  }

  private void step(Inbound event, boolean mine) {
    Bot.Result result = bot.handle(event);
    // A tick that left work due (reminders come in batches) is repeated, as the scheduler does.
    for (int i = 0; i < CATCH_UP_TICKS && result.again(); i++) {
      result = bot.handle(event);
    }
    dispatcher.drain();
    gateway.takeOpened().forEach(o -> remember(o, mine));
    for (Outbound.Ephemeral e : result.ephemerals()) {
      gateway.ephemeral(e, user);
      if (!e.message().buttons().isEmpty()) {
        privateButtons = e.message().buttons();
      }
    }
    for (Form f : result.forms()) {
      showForm(f);
    }
  }

  /** Prints a form as its fields with their current values, and how to send it. */
  private void showForm(Form f) {
    form = f;
    formChannel = channelRef();
    StringBuilder b = new StringBuilder("[form] ").append(f.title()).append('\n');
    StringBuilder example = new StringBuilder("/submit");
    for (Form.Input in : f.inputs()) {
      b.append("  ")
          .append(in.name())
          .append(": ")
          .append(in.label())
          .append(in.initial().isEmpty() ? " (empty)" : " = " + in.initial())
          .append(in.placeholder().isEmpty() ? "" : ", e.g. " + in.placeholder())
          .append('\n');
      String shown = in.initial().isEmpty() ? in.placeholder() : in.initial();
      if (!shown.isEmpty()) {
        example.append(' ').append(in.name()).append('=').append(quoted(shown));
      }
    }
    b.append("Fill it in with ")
        .append(example)
        .append(" (fields you leave out keep the value shown; quote values with spaces")
        .append(
            f.inputs().stream().anyMatch(Form.Input::multiline)
                ? "; in a field of several lines, write \\n for a line break)."
                : ").");
    gateway.note(b.toString());
  }

  private static String quoted(String value) {
    return value.contains(" ") ? "\"" + value + "\"" : value;
  }

  /** {@code /submit name=value ...}: sends the last form, with its shown values as defaults. */
  private void submit(String args) {
    if (form == null) {
      gateway.note("(no form to fill in: commands such as /spar daily setup open one)");
      return;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    form.inputs().forEach(i -> fields.put(i.name(), i.initial()));
    for (String word : words(args)) {
      int eq = word.indexOf('=');
      String name = eq < 0 ? word : word.substring(0, eq);
      if (eq < 0 || !fields.containsKey(name)) {
        gateway.note(
            "(usage: /submit FIELD=VALUE ...; the fields are "
                + String.join(", ", fields.keySet())
                + ")");
        return;
      }
      String value = word.substring(eq + 1);
      boolean lines = form.inputs().stream().anyMatch(i -> i.name().equals(name) && i.multiline());
      // A console line is one line: \n in a field of several lines is a line break.
      fields.put(name, lines ? value.replace("\\n", "\n") : value);
    }
    Form sent = form;
    form = null;
    step(
        new Inbound.ModalSubmitted(
            key(), TEAM, formChannel, actor(), sent.id(), sent.value(), fields));
  }

  /** Splits on spaces; double quotes keep spaces inside a value (as commands do). */
  static List<String> words(String text) {
    return dev.sparring.core.Command.split(text);
  }

  private void reply(String text) {
    Optional<String> thread = activeThread();
    if (thread.isEmpty()) {
      gateway.note(
          "(no thread to reply in yet: start an interview with /spar interview, or pick one with"
              + " /thread ID)");
      return;
    }
    step(
        new Inbound.MessagePosted(
            key(),
            TEAM,
            channelRef(),
            new ThreadRef(ConsoleModule.PLATFORM, thread.get()),
            actor(),
            text));
  }

  private void press(String label) {
    Optional<String> thread = activeThread();
    List<Message.Button> buttons = new ArrayList<>(privateButtons);
    buttons.addAll(thread.map(gateway::buttonsOf).orElse(List.of()));
    Optional<Message.Button> button =
        buttons.stream().filter(b -> b.label().equalsIgnoreCase(label)).findFirst();
    boolean onPrivate = button.isPresent() && privateButtons.contains(button.get());
    if (onPrivate) {
      privateButtons = List.of(); // a private question is answered once
    }
    if (button.isEmpty()) {
      gateway.note(
          "(no button '"
              + label
              + "' on the active thread"
              + (buttons.isEmpty()
                  ? ""
                  : "; try one of " + buttons.stream().map(Message.Button::label).toList())
              + ")");
      return;
    }
    step(
        new Inbound.ButtonPressed(
            key(),
            TEAM,
            channelRef(),
            onPrivate ? null : new ThreadRef(ConsoleModule.PLATFORM, thread.get()),
            actor(),
            button.get().action(),
            button.get().value()));
  }

  /** {@code /clock} shows the bot's time; {@code /clock +1d} or {@code /clock INSTANT} moves it. */
  private void clock(String arg) {
    if (!(bot.clock() instanceof ConsoleClock c)) {
      gateway.note("(this console's clock cannot be moved)");
      return;
    }
    try {
      if (arg.startsWith("+")) {
        c.advance(dev.sparring.chat.Durations.parse(arg.substring(1)));
      } else if (!arg.isEmpty()) {
        java.time.Instant to = java.time.Instant.parse(arg);
        if (to.isBefore(c.instant())) {
          gateway.note("(the clock only moves forward)");
          return;
        }
        c.set(to);
      }
    } catch (RuntimeException e) {
      gateway.note("(usage: /clock, /clock +90m, /clock +1d or /clock 2026-03-02T09:00:00Z)");
      return;
    }
    step(new Inbound.Tick(c.instant()));
    gateway.note(
        "(it is now " + c.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
  }

  private void switchUser(String name) {
    if (!NAME.matcher(name).matches()) {
      gateway.note("(usage: /user NAME, with letters, digits, '.', '_' or '-')");
      return;
    }
    user = name;
    gateway.note("(you are now " + user + ")");
  }

  private void switchChannel(String name) {
    String n = name.startsWith("#") ? name.substring(1) : name;
    if (!NAME.matcher(n).matches()) {
      gateway.note("(usage: /channel NAME)");
      return;
    }
    channel = n;
    gateway.note("(now in #" + channel + ")");
  }

  private void selectThread(String id) {
    boolean known =
        !id.isEmpty()
            && bot.store()
                .transact(tx -> tx.threads().byPlatformId(channelRef().key(), id))
                .isPresent();
    if (!known) {
      gateway.note("(no thread " + id + " in #" + channel + ")");
      return;
    }
    bot.store()
        .transact(
            tx -> {
              tx.kv().put(SCOPE, "active:" + channelRef().key() + ":" + user, id);
              return null;
            });
    gateway.note("(replies now go to thread " + id + ")");
  }

  /** Records a newly opened thread as the channel's latest and, for your command, as yours. */
  private void remember(ConsoleGateway.Opened opened, boolean mine) {
    bot.store()
        .transact(
            tx -> {
              tx.kv().put(SCOPE, "recent:" + opened.channelKey(), opened.threadId());
              if (mine) {
                tx.kv().put(SCOPE, "active:" + opened.channelKey() + ":" + user, opened.threadId());
              }
              return null;
            });
  }

  /** Your most recent thread here, else the channel's most recent one. */
  Optional<String> activeThread() {
    Store store = bot.store();
    String c = channelRef().key();
    return store.transact(
        tx ->
            tx.kv()
                .get(SCOPE, "active:" + c + ":" + user)
                .or(() -> tx.kv().get(SCOPE, "recent:" + c)));
  }

  private void flush() {
    String text = gateway.takeOutput();
    if (!text.isEmpty()) {
      out.print(text);
      out.flush();
    }
  }

  private ChannelRef channelRef() {
    return new ChannelRef(ConsoleModule.PLATFORM, channel);
  }

  private Actor actor() {
    return new Actor(new UserRef(ConsoleModule.PLATFORM, user), user, true);
  }

  private static String key() {
    return "console:" + UUID.randomUUID();
  }
}
