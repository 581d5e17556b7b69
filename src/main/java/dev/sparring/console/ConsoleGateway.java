package dev.sparring.console;

import dev.sparring.chat.Fallback;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.core.Gateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders delivered messages as text blocks into a buffer; the console prints the buffer only after
 * the delivery was committed, so what you see has been recorded. A picture is shown as a line with
 * its text ({@code [picture leaderboard.png — ...]}) and, given a directory, saved there to open.
 */
final class ConsoleGateway implements Gateway {

  private static final Logger log = LoggerFactory.getLogger(ConsoleGateway.class);

  private final Path pictures; // where files are saved, or null
  private int saved;

  ConsoleGateway() {
    this(null);
  }

  ConsoleGateway(Path pictures) {
    this.pictures = pictures;
  }

  private final StringBuilder buffer = new StringBuilder();
  private final List<Opened> opened = new ArrayList<>();
  private final Map<String, List<Message.Button>> buttons = new HashMap<>();
  // The newest reply with buttons in each thread (a drill's rating buttons, for example).
  private final Map<String, List<Message.Button>> replyButtons = new HashMap<>();

  /** A thread opened by a delivered post. */
  record Opened(String channelKey, String threadId) {}

  @Override
  public Platform platform() {
    return ConsoleModule.PLATFORM;
  }

  @Override
  public synchronized Delivery deliver(long outboxId, Outbound message, String parentId) {
    String id = Long.toString(outboxId);
    String channel = "#" + message.channel().id();
    if (message instanceof Outbound.Post post) {
      String header = post.anchor() == null ? channel : channel + " \u00b7 new thread " + id;
      block(header, message.message());
      if (post.anchor() != null) {
        opened.add(new Opened(message.channel().key(), id));
        buttons.put(id, message.message().buttons());
      }
    } else if (message instanceof Outbound.ReplyInThread) {
      block(channel + " \u203a thread " + parentId, message.message());
      if (!message.message().buttons().isEmpty()) {
        replyButtons.put(parentId, message.message().buttons());
      }
    } else if (message instanceof Outbound.Direct dm) {
      // A direct message has no channel: it is shown as what it is, to whom.
      buffer.append("(DM to @").append(dm.user().id()).append(") ");
      block(null, message.message());
    } else if (message instanceof Outbound.Update) {
      block(channel + " \u203a thread " + parentId + " (updated)", message.message());
      buttons.put(parentId, message.message().buttons());
      id = parentId;
    } else {
      block(channel, message.message());
    }
    return new Delivery.Sent(id);
  }

  synchronized void ephemeral(Outbound.Ephemeral e, String who) {
    block("#" + e.channel().id() + " \u00b7 only you (" + who + ")", e.message());
  }

  synchronized void note(String text) {
    buffer.append(text).append("\n\n");
  }

  /** A message under {@code [header]}, or under what the buffer holds already when null. */
  private void block(String header, Message m) {
    if (header != null) {
      buffer.append("[").append(header).append("] ");
    }
    buffer.append("Sparring\n");
    if (!m.title().isBlank()) {
      buffer.append(plain(m.title())).append('\n');
    }
    if (!m.body().isBlank()) {
      buffer.append(plain(m.body())).append('\n');
    }
    for (Message.Field f : m.fields()) {
      buffer.append(plain(f.name())).append(": ").append(plain(f.value())).append('\n');
    }
    for (Message.Attachment a : m.attachments()) {
      buffer.append(Fallback.line(a));
      save(a).ifPresent(p -> buffer.append(" saved as ").append(p));
      buffer.append('\n');
    }
    if (!m.buttons().isEmpty()) {
      buffer.append("Buttons:");
      m.buttons().forEach(b -> buffer.append(" [").append(plain(b.label())).append(']'));
      buffer.append(" (type /press NAME)\n");
    }
    buffer.append('\n');
  }

  /** Saves the file in the pictures directory, under a name no file there has yet. */
  private Optional<Path> save(Message.Attachment a) {
    if (pictures == null) {
      return Optional.empty();
    }
    try {
      Files.createDirectories(pictures);
      Path file;
      do {
        file = pictures.resolve(String.format("%03d-%s", ++saved, a.name()));
      } while (Files.exists(file)); // an earlier session's pictures are kept
      Files.write(file, a.data());
      return Optional.of(file);
    } catch (IOException e) {
      log.warn("could not save {}: {}", a.name(), e.toString());
      return Optional.empty();
    }
  }

  /** Markdown-ish to plain text: bold markers go, people by name, the rest reads as it is. */
  static String plain(String text) {
    return dev.sparring.chat.Inline.plain(text);
  }

  synchronized String takeOutput() {
    String out = buffer.toString();
    buffer.setLength(0);
    return out;
  }

  synchronized List<Opened> takeOpened() {
    List<Opened> out = List.copyOf(opened);
    opened.clear();
    return out;
  }

  /** The thread's buttons: its newest reply's first, then its parent's. */
  synchronized List<Message.Button> buttonsOf(String threadId) {
    List<Message.Button> all =
        new java.util.ArrayList<>(replyButtons.getOrDefault(threadId, List.of()));
    all.addAll(buttons.getOrDefault(threadId, List.of()));
    return all;
  }
}
