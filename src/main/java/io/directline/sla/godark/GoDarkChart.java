package io.directline.sla.godark;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The incidents-per-week chart as SVG geometry, for the screen to draw without any script: one bar per
 * week, response breaches at the bottom and broken promises stacked on top, a y axis of whole numbers up
 * to a round maximum, and a label under every week there is room for. Coordinates are in the SVG's own
 * units ({@link #WIDTH} × {@link #HEIGHT}); the page scales it to its width. What the template reads is
 * public, as the template engine calls only public methods.
 */
record GoDarkChart(List<Bar> bars, List<Tick> ticks, List<Label> labels, long top) {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    static final double LEFT = 48;
    static final double RIGHT = 712;
    /** Room above the plot for the legend. */
    static final double TOP = 40;
    /** Below the plot: week labels, then the axis title. */
    static final double BOTTOM = 250;

    /** Roughly how wide a week label is; labels are spaced so that they do not overlap. */
    private static final double LABEL_WIDTH = 48;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /**
     * One week's stacked bar; a segment of height 0 is not drawn.
     *
     * @param title what a person hovering the bar reads
     */
    record Bar(
            String title,
            double x,
            double width,
            double breachesY,
            double breachesHeight,
            double brokenY,
            double brokenHeight) {}

    record Tick(long value, double y) {}

    record Label(String text, double x) {}

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

    static GoDarkChart of(List<GoDarkReport.Week> weeks) {
        long max = weeks.stream().mapToLong(GoDarkReport.Week::incidents).max().orElse(0);
        long step = step(max);
        long top = Math.max(step, (max + step - 1) / step * step);
        double slot = (RIGHT - LEFT) / Math.max(1, weeks.size());
        int labelEvery = (int) Math.max(1, Math.ceil(LABEL_WIDTH / slot));

        var bars = new ArrayList<Bar>();
        var labels = new ArrayList<Label>();
        for (int i = 0; i < weeks.size(); i++) {
            var week = weeks.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double breachesY = y(week.responseBreaches(), top);
            double incidentsY = y(week.incidents(), top);
            bars.add(new Bar(
                    title(week),
                    round(x),
                    round(Math.max(1, slot * 0.7)),
                    round(breachesY),
                    round(BOTTOM - breachesY),
                    round(incidentsY),
                    round(breachesY - incidentsY)));
            // the current week, last, is always labelled; earlier ones as room allows
            if ((weeks.size() - 1 - i) % labelEvery == 0) {
                labels.add(new Label(DAY.format(week.weekStart()), round(LEFT + i * slot + slot / 2)));
            }
        }
        var ticks = new ArrayList<Tick>();
        for (long value = 0; value <= top; value += step) {
            ticks.add(new Tick(value, round(y(value, top))));
        }
        return new GoDarkChart(bars, ticks, labels, top);
    }

    /** A round step (1, 2, 5, 10, 20, …) that divides the axis up to {@code max} into at most 5 parts. */
    static long step(long max) {
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

    private static String title(GoDarkReport.Week week) {
        return "Week of " + DATE.format(week.weekStart()) + ": " + week.responseBreaches() + " response "
                + (week.responseBreaches() == 1 ? "breach" : "breaches") + ", " + week.brokenPromises()
                + " broken " + (week.brokenPromises() == 1 ? "promise" : "promises");
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
