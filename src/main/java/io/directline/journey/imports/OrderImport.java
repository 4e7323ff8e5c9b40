package io.directline.journey.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One run of an order import: how far it got, what it did, and the file of its rejected rows. */
final class OrderImport {

    /** Rejected rows kept in memory to show at once; all of them are in the report file. */
    static final int SHOWN_REJECTIONS = 100;

    record Rejection(long line, String ref, String reason) {}

    final String id;
    final String by;
    final String fileName;
    final Instant startedAt;
    /** The size of the file, or -1 when it streams in without one. */
    final long totalBytes;

    final Path report;
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong rows = new AtomicLong();
    final AtomicLong created = new AtomicLong();
    final AtomicLong changed = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final List<Rejection> firstRejections = Collections.synchronizedList(new ArrayList<>());
    volatile Instant finishedAt;
    /** Why the whole file stopped being read (not valid CSV, a bad header); null when it was read to the end. */
    volatile String failure;

    OrderImport(String id, String by, String fileName, Instant startedAt, long totalBytes, Path report) {
        this.id = id;
        this.by = by;
        this.fileName = fileName;
        this.startedAt = startedAt;
        this.totalBytes = totalBytes;
        this.report = report;
    }

    boolean finished() {
        return finishedAt != null;
    }

    /** How far through the file, 0 to 100; 100 only once finished. */
    int percent() {
        if (finished()) {
            return 100;
        }
        if (totalBytes <= 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead.get() * 100 / totalBytes);
    }

    void reject(long line, String ref, String reason) {
        rejected.incrementAndGet();
        if (firstRejections.size() < SHOWN_REJECTIONS) {
            firstRejections.add(new Rejection(line, ref, reason));
        }
    }

    /** The run as the API and the screen show it. */
    Summary summary() {
        return new Summary(
                id,
                fileName,
                startedAt,
                finishedAt,
                finished(),
                percent(),
                rows.get(),
                created.get(),
                changed.get(),
                unchanged.get(),
                rejected.get(),
                failure,
                List.copyOf(firstRejections),
                "/api/v1/orders/imports/" + id + "/report");
    }

    /**
     * @param rows data rows read (the header not counted)
     * @param rejections the first {@value #SHOWN_REJECTIONS} rejected rows; all are in the report
     * @param report where to download every rejected row as CSV (line, ref, reason)
     */
    record Summary(
            String id,
            String fileName,
            Instant startedAt,
            Instant finishedAt,
            boolean finished,
            int percent,
            long rows,
            long created,
            long changed,
            long unchanged,
            long rejected,
            String failure,
            List<Rejection> rejections,
            String report) {}
}
