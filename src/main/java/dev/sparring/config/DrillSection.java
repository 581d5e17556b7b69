package dev.sparring.config;

import dev.sparring.drill.DrillSettings;

/** Reads and checks {@code drill.*}: the drills' retention, longest interval and goal cap. */
final class DrillSection {

  private DrillSection() {}

  static DrillSettings read(ConfigSection r) {
    DrillSettings d = DrillSettings.defaults();
    double retention = d.retention();
    String text = r.string("drill.retention");
    if (text != null) {
      try {
        retention = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        retention = Double.NaN;
      }
      if (!(retention >= DrillSettings.MIN_RETENTION && retention <= DrillSettings.MAX_RETENTION)) {
        r.problems()
            .add(
                "drill.retention: must be a number between 0.7 and 0.97, the chance of recalling a"
                    + " card when it is due (0.9: one in ten forgotten); higher means many more"
                    + " reviews (got '"
                    + text
                    + "')");
        retention = d.retention();
      }
    }
    int maxInterval = r.integer("drill.maxIntervalDays", 1, 36500);
    int cap = r.integer("drill.goalDailyCap", 1, 1000);
    return new DrillSettings(
        retention,
        maxInterval >= 1 && maxInterval <= 36500 ? maxInterval : d.maxIntervalDays(),
        cap >= 1 && cap <= 1000 ? cap : d.goalDailyCap());
  }
}
