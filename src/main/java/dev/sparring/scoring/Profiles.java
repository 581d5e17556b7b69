package dev.sparring.scoring;

import dev.sparring.chat.Actor;
import dev.sparring.chat.Inline;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Context;
import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;

/** Display names of the people the bot has met, per team, for leaderboards and stats. */
public final class Profiles {

  static final String KIND = "profile";

  private Profiles() {}

  record Profile(String name) {}

  /** Remembers how {@code actor} is called (written only when the name changed). */
  public static void remember(Context ctx, String team, Actor actor) {
    String id = team + "#" + actor.user().key();
    String body = Json.write(new Profile(actor.displayName()));
    Document doc = ctx.tx().documents().get(KIND, id).orElse(null);
    if (doc == null) {
      ctx.tx().documents().insert(Document.create(KIND, id, team, body, null));
    } else if (!doc.body().equals(body)) {
      ctx.tx().documents().put(doc.next(body, null));
    }
  }

  /** The remembered name, or the bare user id. */
  public static String name(Tx tx, String team, String userKey) {
    return tx.documents()
        .get(KIND, team + "#" + userKey)
        .map(d -> Json.read(d.body(), Profile.class).name())
        .orElseGet(() -> userKey.substring(userKey.indexOf(':') + 1));
  }

  /**
   * The person as a mention for a message body ({@link Inline#mention}): platforms show it as the
   * person, so two people with the same name can be told apart.
   */
  public static String mention(Tx tx, String team, String userKey) {
    String name = name(tx, team, userKey);
    try {
      return Inline.mention(UserRef.parse(userKey), name);
    } catch (IllegalArgumentException e) {
      return Inline.data(name);
    }
  }
}
