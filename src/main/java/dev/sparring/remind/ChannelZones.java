package dev.sparring.remind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.store.Tx;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A channel's zone, as its daily question schedule keeps it (the stored {@code daily.schedule}
 * document named after the channel, field {@code zone}): the zone a reminder set up in that channel
 * follows when its person named none. Read from the stored document, not the daily package, which
 * sits on this package's layer.
 */
final class ChannelZones {

  static final String SCHEDULE = "daily.schedule";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChannelZones() {}

  static Optional<ZoneId> of(Tx tx, String channelKey) {
    if (channelKey == null) {
      return Optional.empty();
    }
    return tx.documents().get(SCHEDULE, channelKey).flatMap(d -> zone(d.body()));
  }

  private static Optional<ZoneId> zone(String body) {
    try {
      JsonNode zone = JSON.readTree(body).path("zone");
      return zone.isTextual() ? Optional.of(ZoneId.of(zone.asText())) : Optional.empty();
    } catch (java.io.IOException | DateTimeException e) {
      return Optional.empty();
    }
  }
}
