package io.directline.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart of one count per category as SVG geometry, for a screen to draw without any script (the {@code web/chart ::
 * bars} fragment): one vertical bar per category in the order given (the buckets of a histogram, the channels), its
 * count above it and its label beneath, and a y axis of whole numbers up to a round maximum. Coordinates are in the
 * SVG's own units ({@link WeeklyChart#WIDTH} × {@link WeeklyChart#HEIGHT}), as a {@link WeeklyChart}'s are, so both
 * kinds sit alike on a page. What the template reads is public, as the template engine calls only public methods.
 */
public record BarChart(List<Bar> bars, List<WeeklyChart.Tick> ticks, long top) {

    /**
     * One category's count.
     *
     * @param label what the axis shows under the bar, short ("−11 to −1", "Email")
     * @param title what a person hovering the bar reads
     */
    public record Item(String label, long count, String title) {}

    /** One bar; {@code height} is 0 for a count of 0, which the screen does not draw. */
    public record Bar(
            String label, long count, String title, double x, double width, double y, double height, double middle) {}

    public int width() {
        return WeeklyChart.WIDTH;
    }

    public int height() {
        return WeeklyChart.HEIGHT;
    }

    public double left() {
        return WeeklyChart.LEFT;
    }

    public double right() {
        return WeeklyChart.RIGHT;
    }

    public double plotTop() {
        return WeeklyChart.TOP;
    }

    public double bottom() {
        return WeeklyChart.BOTTOM;
    }

    /** The chart of these categories, drawn left to right. */
    public static BarChart of(List<Item> items) {
        long max = items.stream().mapToLong(Item::count).max().orElse(0);
        long step = WeeklyChart.step(max);
        long top = Math.max(step, (max + step - 1) / step * step);
        double slot = (WeeklyChart.RIGHT - WeeklyChart.LEFT) / Math.max(1, items.size());
        var bars = new ArrayList<Bar>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            double x = WeeklyChart.LEFT + i * slot + slot * 0.15;
            double y = y(item.count(), top);
            bars.add(new Bar(
                    item.label(),
                    item.count(),
                    item.title(),
                    round(x),
                    round(Math.max(1, slot * 0.7)),
                    round(y),
                    round(WeeklyChart.BOTTOM - y),
                    round(WeeklyChart.LEFT + i * slot + slot / 2)));
        }
        var ticks = new ArrayList<WeeklyChart.Tick>();
        for (long value = 0; value <= top; value += step) {
            ticks.add(new WeeklyChart.Tick(value, round(y(value, top))));
        }
        return new BarChart(List.copyOf(bars), List.copyOf(ticks), top);
    }

    private static double y(long value, long top) {
        return WeeklyChart.BOTTOM - (WeeklyChart.BOTTOM - WeeklyChart.TOP) * value / top;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
