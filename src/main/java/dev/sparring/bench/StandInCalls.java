package dev.sparring.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.bench.SlackApiStandIn.Call;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls a {@link SlackApiStandIn} recorded, oldest first, for the tests to inspect; and the
 * channel history read back from the recorded posts. A bench's stand-in records nothing.
 */
final class StandInCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean recording;
  private final List<Call> calls = new ArrayList<>();

  StandInCalls(boolean recording) {
    this.recording = recording;
  }

  /** Whether calls are kept at all (the tests' stand-in), or only counted (a bench's). */
  boolean recording() {
    return recording;
  }

  /** Keeps {@code call} when recording. */
  synchronized void add(Call call) {
    if (recording) {
      calls.add(call);
    }
  }

  synchronized List<Call> all() {
    return List.copyOf(calls);
  }

  synchronized List<Call> of(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Posted messages of a channel (or of one thread: the parent and its replies), with metadata. */
  synchronized List<Map<String, Object>> history(String channel, String thread) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Call c : calls) {
      if (!c.method().equals("chat.postMessage") || !c.get("channel").equals(channel)) {
        continue;
      }
      boolean inThread = c.ts().equals(thread) || c.get("thread_ts").equals(thread);
      if (thread != null && !inThread) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "message");
      m.put("ts", c.ts());
      m.put("text", c.get("text"));
      if (!c.get("metadata").isEmpty()) {
        try {
          m.put("metadata", JSON.readValue(c.get("metadata"), Map.class));
        } catch (IOException e) {
          throw new IllegalStateException("bad metadata " + c.get("metadata"), e);
        }
      }
      out.add(m);
    }
    return out;
  }
}
