package dev.sparring.core;

import dev.sparring.store.Tx;
import java.time.Instant;

/** What a feature gets while handling one event: the open transaction, the effects, the time. */
public record Context(Tx tx, Effects out, Instant now) {}
