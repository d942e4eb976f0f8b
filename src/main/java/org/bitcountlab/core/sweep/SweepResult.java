package org.bitcountlab.core.sweep;

import java.util.List;

/**
 * A sweep's points, in the order of the plan's values.
 *
 * @param points    the points whose runs all finished; a stopped sweep keeps these
 * @param completed false if the sweep was stopped before its last point
 */
public record SweepResult(SweepPlan plan, List<SweepPoint> points, boolean completed) {

    public SweepResult {
        points = List.copyOf(points);
    }

    public String finalFigure() {
        return FinalFigure.DESCRIPTION;
    }
}
