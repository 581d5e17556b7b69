package dev.sparring.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends the test run with one line a person can read: {@code Tests: 231 passed, 0 failed, 0
 * skipped}, and the names of the tests that failed. Registered through {@code META-INF/services},
 * so every run (Maven's or an IDE's) prints it; Maven's own report stays as it is.
 */
public final class TestSummary implements TestExecutionListener {

  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private final List<String> failures = new ArrayList<>();

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    passed.set(0);
    failed.set(0);
    skipped.set(0);
    synchronized (failures) {
      failures.clear();
    }
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (test.isTest()) {
      skipped.incrementAndGet();
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && !test.isTest()) {
      // A class whose set-up failed: its tests never ran, so it counts as one failure.
      failed.incrementAndGet();
      record(test, result);
      return;
    }
    if (!test.isTest()) {
      return;
    }
    switch (result.getStatus()) {
      case SUCCESSFUL -> passed.incrementAndGet();
      case ABORTED -> skipped.incrementAndGet();
      case FAILED -> {
        failed.incrementAndGet();
        record(test, result);
      }
    }
  }

  private void record(TestIdentifier test, TestExecutionResult result) {
    String where =
        test.getLegacyReportingName().isBlank() ? test.getDisplayName() : test.getUniqueId();
    String why = result.getThrowable().map(t -> t.getClass().getSimpleName()).orElse("failed");
    synchronized (failures) {
      failures.add(shortName(where) + " (" + why + ")");
    }
  }

  /** "[engine:junit-jupiter]/[class:a.b.CTest]/[method:m()]" → "CTest.m()". */
  private static String shortName(String uniqueId) {
    String cls = "";
    String method = "";
    for (String part : uniqueId.split("/")) {
      if (part.startsWith("[class:")) {
        cls = part.substring(7, part.length() - 1);
        cls = cls.substring(cls.lastIndexOf('.') + 1);
      } else if (part.startsWith("[method:") || part.startsWith("[test-template:")) {
        method = part.substring(part.indexOf(':') + 1, part.length() - 1);
      }
    }
    return cls.isEmpty() ? uniqueId : method.isEmpty() ? cls : cls + "." + method;
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    // A line of its own even when Maven left a colour reset at the start of the current line.
    StringBuilder out = new StringBuilder("\n");
    synchronized (failures) {
      for (String f : failures) {
        out.append("FAILED ").append(f).append('\n');
      }
    }
    out.append("Tests: ")
        .append(passed.get())
        .append(" passed, ")
        .append(failed.get())
        .append(" failed, ")
        .append(skipped.get())
        .append(" skipped");
    System.out.println(out);
    System.out.flush();
  }
}
