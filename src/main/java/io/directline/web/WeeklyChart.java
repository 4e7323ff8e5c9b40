package io.directline.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A per-week chart of two figures as SVG geometry, for a screen to draw without any script (the {@code web/chart ::
 * weekly} fragment): one bar per week, the lower figure at the bottom and the upper stacked on top, a y axis of whole
 * numbers up to a round maximum, and a label under every week there is room for. Coordinates are in the SVG's own
 * units ({@link #WIDTH} × {@link #HEIGHT}); the page scales it to its width. What the template reads is public, as
 * the template engine calls only public methods.
 */
public record WeeklyChart(List<Bar> bars, List<Tick> ticks, List<Label> labels, long top) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 300;
    public static final double LEFT = 48;
    public static final double RIGHT = 712;
    /** Room above the plot for the legend. */
    public static final double TOP = 40;
    /** Below the plot: week labels, then the axis title. */
    public static final double BOTTOM = 250;

    /** Roughly how wide a week label is; labels are spaced so that they do not overlap. */
    private static final double LABEL_WIDTH = 48;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /**
     * One week's figures.
     *
     * @param title what a person hovering the week's bar reads
     */
    public record Week(LocalDate start, long lower, long upper, String title) {}

    /** One week's stacked bar; a segment of height 0 is not drawn. */
    public record Bar(
            String title,
            double x,
            double width,
            double lowerY,
            double lowerHeight,
            double upperY,
            double upperHeight) {}

    public record Tick(long value, double y) {}

    public record Label(String text, double x) {}

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public double left() {
        return LEFT;
    }

    public double right() {
        return RIGHT;
    }

    public double plotTop() {
        return TOP;
    }

    public double bottom() {
        return BOTTOM;
    }

    /** The chart of these weeks, the earliest first. */
    public static WeeklyChart of(List<Week> weeks) {
        long max = weeks.stream().mapToLong(w -> w.lower() + w.upper()).max().orElse(0);
        long step = step(max);
        long top = Math.max(step, (max + step - 1) / step * step);
        double slot = (RIGHT - LEFT) / Math.max(1, weeks.size());
        int labelEvery = (int) Math.max(1, Math.ceil(LABEL_WIDTH / slot));

        var bars = new ArrayList<Bar>();
        var labels = new ArrayList<Label>();
        for (int i = 0; i < weeks.size(); i++) {
            var week = weeks.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double lowerY = y(week.lower(), top);
            double bothY = y(week.lower() + week.upper(), top);
            bars.add(new Bar(
                    week.title(),
                    round(x),
                    round(Math.max(1, slot * 0.7)),
                    round(lowerY),
                    round(BOTTOM - lowerY),
                    round(bothY),
                    round(lowerY - bothY)));
            // the current week, last, is always labelled; earlier ones as room allows
            if ((weeks.size() - 1 - i) % labelEvery == 0) {
                labels.add(new Label(DAY.format(week.start()), round(LEFT + i * slot + slot / 2)));
            }
        }
        var ticks = new ArrayList<Tick>();
        for (long value = 0; value <= top; value += step) {
            ticks.add(new Tick(value, round(y(value, top))));
        }
        return new WeeklyChart(bars, ticks, labels, top);
    }

    /** A round step (1, 2, 5, 10, 20, …) that divides the axis up to {@code max} into at most 5 parts. */
    public static long step(long max) {
        for (long power = 1; ; power *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                if (max <= factor * power * 5) {
                    return factor * power;
                }
            }
        }
    }

    private static double y(long value, long top) {
        return BOTTOM - (BOTTOM - TOP) * value / top;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
