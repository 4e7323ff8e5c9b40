package io.directline.journey.imports;

import io.directline.customer.CustomerManagement;
import io.directline.customer.HandleKind;
import io.directline.customer.OwnerHandles;
import io.directline.journey.JourneyProperties;
import io.directline.journey.OrderDetails;
import io.directline.journey.Orders;
import io.directline.journey.Upserted;
import jakarta.annotation.PreDestroy;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Imports orders from CSV (columns in {@link OrderCsv}): reads the file as a stream, resolves the owners of each
 * batch of {@code directline.journey.import-batch-size} rows in bulk (ids with one query, e-mail addresses with
 * another), applies the batch in one transaction through {@link Orders#upsertAll}, and writes every rejected row to
 * the run's report file. Memory holds one batch, whatever the file's size. Runs from the screen go to a single
 * background thread per node; the last {@value #KEPT_RUNS} runs are kept in memory with their reports.
 */
@Service
class OrderImporter {

    static final int KEPT_RUNS = 20;

    private static final Logger log = LoggerFactory.getLogger(OrderImporter.class);

    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private final Orders orders;
    private final CustomerManagement customers;
    private final OwnerHandles handles;
    private final JourneyProperties properties;
    private final Clock clock;
    private final Map<String, OrderImport> runs = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "order-import");
        thread.setDaemon(true);
        return thread;
    });

    OrderImporter(
            Orders orders,
            CustomerManagement customers,
            OwnerHandles handles,
            JourneyProperties properties,
            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.handles = handles;
        this.properties = properties;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The runs this node keeps, oldest first. */
    List<OrderImport> recent() {
        synchronized (runs) {
            return List.copyOf(runs.values());
        }
    }

    Optional<OrderImport> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Imports a stream on the caller's thread, to its end. */
    OrderImport run(InputStream csv, String fileName, long totalBytes, String by) {
        var run = register(fileName, totalBytes, by);
        importInto(run, csv);
        return run;
    }

    /** Imports a stored file on the background thread and deletes it after; the run shows the progress. */
    OrderImport start(Path file, String fileName, String by) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var run = register(fileName, size, by);
        background.submit(() -> {
            try (var in = Files.newInputStream(file)) {
                importInto(run, in);
            } catch (IOException | RuntimeException e) {
                log.warn("Order import {} failed", run.id, e);
                run.failure = "The import stopped: " + e.getMessage();
                run.finishedAt = clock.instant();
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the uploaded file {}", file, e);
                }
            }
        });
        return run;
    }

    private OrderImport register(String fileName, long totalBytes, String by) {
        Path report;
        try {
            report = Files.createTempFile("order-import-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var run = new OrderImport(
                UUID.randomUUID().toString(),
                by,
                fileName == null ? "orders.csv" : fileName,
                clock.instant(),
                totalBytes,
                report);
        synchronized (runs) {
            runs.put(run.id, run);
            while (runs.size() > KEPT_RUNS) {
                var oldest = runs.keySet().iterator().next();
                var removed = runs.remove(oldest);
                try {
                    Files.deleteIfExists(removed.report);
                } catch (IOException e) {
                    log.warn("Could not delete the report {}", removed.report, e);
                }
            }
        }
        return run;
    }

    private void importInto(OrderImport run, InputStream csv) {
        try (var report = Files.newBufferedWriter(run.report, StandardCharsets.UTF_8);
                var counted = new Counting(csv, run.bytesRead);
                var reader = new InputStreamReader(counted, StandardCharsets.UTF_8);
                var rows = CSV.readerFor(String[].class).<String[]>readValues(reader)) {
            report.write("line,ref,reason\n");
            if (!rows.hasNextValue()) {
                run.failure = "The file is empty; its first line must name the columns: "
                        + String.join(", ", OrderCsv.COLUMNS) + ".";
                return;
            }
            OrderCsv columns;
            try {
                columns = OrderCsv.header(rows.nextValue());
            } catch (OrderCsv.RowException e) {
                run.failure = e.getMessage();
                return;
            }
            long line = 1;
            var batch = new ArrayList<OrderCsv.Row>(properties.importBatchSize());
            var rejected = new ArrayList<OrderImport.Rejection>();
            while (rows.hasNextValue()) {
                var values = rows.nextValue();
                line++;
                if (blank(values)) {
                    continue;
                }
                run.rows.incrementAndGet();
                try {
                    batch.add(columns.read(line, values));
                } catch (OrderCsv.RowException e) {
                    rejected.add(new OrderImport.Rejection(line, values.length > 0 ? values[0] : "", e.getMessage()));
                }
                if (batch.size() >= properties.importBatchSize()) {
                    apply(run, rejected, batch);
                    report(run, report, rejected);
                    batch.clear();
                }
            }
            apply(run, rejected, batch);
            report(run, report, rejected);
        } catch (JacksonException e) {
            var location = e.getLocation();
            run.failure = "The file is not valid CSV"
                    + (location == null ? "" : " (line " + location.getLineNr() + ")")
                    + "; the rows before were imported.";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            run.finishedAt = clock.instant();
        }
    }

    /** Writes a batch's rejected rows by line, and forgets them. */
    private static void report(OrderImport run, BufferedWriter report, List<OrderImport.Rejection> rejected)
            throws IOException {
        rejected.sort(java.util.Comparator.comparingLong(OrderImport.Rejection::line));
        for (var r : rejected) {
            run.reject(r.line(), r.ref(), r.reason());
            report.write(r.line() + "," + csv(r.ref()) + "," + csv(r.reason()) + "\n");
        }
        rejected.clear();
    }

    private void apply(OrderImport run, List<OrderImport.Rejection> rejected, List<OrderCsv.Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var ids = new ArrayList<Long>();
        var emails = new ArrayList<String>();
        for (var row : batch) {
            var id = ownerId(row.owner());
            if (id != null) {
                ids.add(id);
            } else {
                emails.add(row.owner());
            }
        }
        var standing = customers.standingOwners(ids);
        var byEmail = emails.isEmpty() ? Map.<String, Long>of() : handles.ownerIdsByHandle(HandleKind.EMAIL, emails);
        var entries = new ArrayList<Map.Entry<String, OrderDetails>>(batch.size());
        var applied = new ArrayList<OrderCsv.Row>(batch.size());
        for (var row : batch) {
            var id = ownerId(row.owner());
            Long owner = id != null ? standing.get(id) : byEmail.get(HandleKind.EMAIL.lookupKey(row.owner()));
            if (owner == null) {
                rejected.add(new OrderImport.Rejection(
                        row.line(),
                        row.ref(),
                        "Unknown owner \"" + OrderCsv.clip(row.owner()) + "\": no owner has this "
                                + (id != null ? "id" : "e-mail address") + "."));
                continue;
            }
            entries.add(Map.entry(
                    row.ref(),
                    new OrderDetails(
                            owner,
                            row.model(),
                            row.configuration(),
                            row.region(),
                            row.postalCode(),
                            row.latitude(),
                            row.longitude(),
                            row.tags(),
                            Map.of(row.milestone(), row.plan()),
                            row.reason(),
                            run.by,
                            row.price())));
            applied.add(row);
        }
        if (entries.isEmpty()) {
            return;
        }
        try {
            var outcome = orders.upsertAll(entries);
            for (int i = 0; i < applied.size(); i++) {
                var refused = outcome.refused().get(i);
                if (refused != null) {
                    rejected.add(new OrderImport.Rejection(
                            applied.get(i).line(), applied.get(i).ref(), refused.reason()));
                }
            }
            run.created.addAndGet(outcome.count(Upserted.CREATED));
            run.changed.addAndGet(outcome.count(Upserted.CHANGED));
            run.unchanged.addAndGet(outcome.count(Upserted.UNCHANGED));
        } catch (DataAccessException e) {
            log.warn("A batch of the order import {} could not be stored", run.id, e);
            for (var row : applied) {
                rejected.add(new OrderImport.Rejection(
                        row.line(),
                        row.ref(),
                        "Not stored: the database refused this batch ("
                                + e.getMostSpecificCause().getClass().getSimpleName() + "); import the file again."));
            }
        }
    }

    /** The owner column as an id, or null when it is not a number (an e-mail address). */
    private static Long ownerId(String owner) {
        if (owner.length() > 18 || owner.isEmpty() || !owner.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(owner);
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        var v = reason(value.length() > 1000 ? value.substring(0, 1000) : value);
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }

    /** A value a spreadsheet would run as a formula starts with a quote instead. */
    private static String reason(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static boolean blank(String[] values) {
        for (var v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {

        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
