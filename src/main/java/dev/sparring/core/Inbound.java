package dev.sparring.core;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Inline;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that can happen to the bot, already translated from the platform's payload. Each event
 * carries an idempotency {@link #key()} (Slack {@code event_id} or {@code trigger_id}, Discord
 * interaction or message id): {@link Bot#handle} applies a key at most once.
 */
public sealed interface Inbound {

  /** The idempotency key, namespaced by platform; {@code null} only for ticks. */
  String key();

  /** Something a person did in a channel: everything but the clock's ticks. */
  sealed interface FromUser extends Inbound
      permits CommandInvoked, MessagePosted, ButtonPressed, ModalSubmitted {
    TeamRef team();

    ChannelRef channel();

    Actor actor();
  }

  /** {@code /spar <text>} typed by {@code actor} in {@code channel}. */
  record CommandInvoked(String key, TeamRef team, ChannelRef channel, Actor actor, String text)
      implements FromUser {
    public CommandInvoked {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(actor, "actor");
      text = text == null ? "" : Inline.unspanned(text).strip();
    }
  }

  /** A message posted in a thread the bot may own. */
  record MessagePosted(
      String key, TeamRef team, ChannelRef channel, ThreadRef thread, Actor actor, String text)
      implements FromUser {
    public MessagePosted {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(thread, "thread");
      Objects.requireNonNull(actor, "actor");
      text = text == null ? "" : Inline.unspanned(text);
    }
  }

  /**
   * A button on one of the bot's messages. {@code thread} is the thread the message belongs to,
   * when it is in one; {@code value} is what the core put on the button.
   */
  record ButtonPressed(
      String key,
      TeamRef team,
      ChannelRef channel,
      ThreadRef thread,
      Actor actor,
      String action,
      String value)
      implements FromUser {
    public ButtonPressed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      value = value == null ? "" : Inline.unspanned(value);
    }
  }

  /** A submitted form (Slack modal view, Discord modal). */
  record ModalSubmitted(
      String key,
      TeamRef team,
      ChannelRef channel,
      Actor actor,
      String modal,
      String value,
      Map<String, String> fields)
      implements FromUser {
    public ModalSubmitted {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(modal, "modal");
      value = value == null ? "" : Inline.unspanned(value);
      Map<String, String> clean = new java.util.HashMap<>();
      if (fields != null) {
        fields.forEach((k, v) -> clean.put(k, v == null ? "" : Inline.unspanned(v)));
      }
      fields = Map.copyOf(clean);
    }
  }

  /** The scheduler's heartbeat: time-driven work (expiry, daily posts) happens here. */
  record Tick(Instant at) implements Inbound {
    public Tick {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String key() {
      return null;
    }
  }
}
