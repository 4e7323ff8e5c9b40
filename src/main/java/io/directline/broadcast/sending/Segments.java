package io.directline.broadcast.sending;

import io.directline.journey.Segment;

/** The checks a segment must pass before anyone counts it: a point with its radius, a window the right way round. */
final class Segments {

    private Segments() {}

    static void check(Segment segment) {
        if (segment == null) {
            throw BroadcastProblems.invalidField("segment", "Please describe the segment: which owners to tell.");
        }
        int point = (segment.latitude() == null ? 0 : 1)
                + (segment.longitude() == null ? 0 : 1)
                + (segment.withinKm() == null ? 0 : 1);
        if (point != 0 && point != 3) {
            throw BroadcastProblems.invalidField(
                    "segment.withinKm", "A distance needs all three: latitude, longitude and withinKm.");
        }
        if (point == 3) {
            if (Math.abs(segment.latitude()) > 90 || Math.abs(segment.longitude()) > 180) {
                throw BroadcastProblems.invalidField(
                        "segment.latitude", "Latitude is between -90 and 90, longitude between -180 and 180.");
            }
            if (!(segment.withinKm() > 0) || segment.withinKm() > 20_000) {
                throw BroadcastProblems.invalidField(
                        "segment.withinKm", "withinKm is a distance in kilometres, above 0 and at most 20,000.");
            }
        }
        if (segment.promisedFrom() != null
                && segment.promisedTo() != null
                && segment.promisedFrom().isAfter(segment.promisedTo())) {
            throw BroadcastProblems.invalidField(
                    "segment.promisedTo", "The promised-date window ends before it starts.");
        }
        text(segment.model(), "segment.model", 100);
        text(segment.region(), "segment.region", 100);
        text(segment.postalPrefix(), "segment.postalPrefix", 20);
        if (segment.tags().size() > 20
                || segment.tags().stream().anyMatch(t -> t == null || t.length() > 60 || t.contains(","))) {
            throw BroadcastProblems.invalidField(
                    "segment.tags", "At most 20 tags of at most 60 characters each, without commas.");
        }
    }

    private static void text(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw BroadcastProblems.invalidField(field, field + " is longer than " + max + " characters.");
        }
    }
}
