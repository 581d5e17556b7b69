package dev.sparring.grading;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An evaluation set measured like {@link GradingMeasurementTest}: graded once per class, its
 * figures logged to target/test.log, and recall, precision and ordering held to their floors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MeasuredSet {

  private final String what;
  private final String resource;
  private final double[] floors;

  List<GradingMeasurementTest.Step> steps;
  GradingMeasurementTest.Figures figures;

  /** {@code floors}: recall, precision and pairwise ordering. */
  MeasuredSet(String what, String resource, double recall, double precision, double ordering) {
    this.what = what;
    this.resource = resource;
    this.floors = new double[] {recall, precision, ordering};
  }

  @BeforeAll
  void measure() throws Exception {
    Logger log = LoggerFactory.getLogger(getClass());
    var measured = GradingMeasurementTest.measureSet(log, what, resource);
    steps = measured.steps();
    figures = measured.figures();
  }

  @Test
  void figuresStayAboveTheirFloors() {
    GradingMeasurementTest.assertFloors(figures, floors[0], floors[1], floors[2]);
  }
}
