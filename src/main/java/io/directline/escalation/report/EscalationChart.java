package io.directline.escalation.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart as SVG geometry, for the screen to draw without any script: one row per item, its label
 * in words on a line of its own (labels are sentences, too long to sit beside a bar), the bar beneath in
 * proportion to the largest count, and the count at the bar's end. Coordinates are in the SVG's own units
 * ({@link #WIDTH} wide, as tall as the rows need); the page scales it to its width. What the template reads is
 * public, as the template engine calls only public methods.
 */
record EscalationChart(List<Bar> bars, long max, int height) {

    static final int WIDTH = 720;
    static final double LEFT = 8;
    /** Room at the right of the longest bar for its count. */
    static final double RIGHT = 660;

    static final int ROW = 44;
    static final int LABEL_BASELINE = 14;
    static final int BAR_TOP = 20;
    static final int BAR_HEIGHT = 16;

    /** One item to draw: its label in words and its count. */
    record Item(String label, long count) {}

    /**
     * One row. {@code width} is 0 for a count of 0, which the screen does not draw.
     *
     * @param title what a person hovering the row reads
     */
    record Bar(String label, long count, String title, double labelY, double y, double width, double countX) {}

    public int width() {
        return WIDTH;
    }

    public double left() {
        return LEFT;
    }

    public double barHeight() {
        return BAR_HEIGHT;
    }

    static EscalationChart of(List<Item> items) {
        long max = items.stream().mapToLong(Item::count).max().orElse(0);
        var bars = new ArrayList<Bar>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            double top = 8 + i * ROW;
            double width = max == 0 ? 0 : round((RIGHT - LEFT) * item.count() / max);
            bars.add(new Bar(
                    item.label(),
                    item.count(),
                    item.label() + ": " + item.count(),
                    top + LABEL_BASELINE,
                    top + BAR_TOP,
                    width,
                    round(LEFT + width + 6)));
        }
        return new EscalationChart(bars, max, 8 + items.size() * ROW + 4);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
