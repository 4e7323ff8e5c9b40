package io.directline.journey.order;

import io.directline.journey.EstimateChange;
import io.directline.journey.Milestone;
import io.directline.journey.Price;
import io.directline.journey.Purchase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Orders as rows: loaded by reference or owner with their milestones and tags in three queries whatever their
 * number, written with batched statements (inserts, version-checked updates, the milestones and tags that changed,
 * the history of moved estimates).
 */
@Repository
public class OrderStore {

    /** References per {@code in (…)} list: well within every driver's limit on parameters. */
    static final int CHUNK = 1000;

    private static final String ORDER_COLUMNS = "id, ref, customer_id, model, configuration, delivery_region,"
            + " delivery_postal_code, delivery_latitude, delivery_longitude, price_amount, price_currency, created_at,"
            + " updated_at, version";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    OrderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The orders with these references (by journey_order_ref_uk), keyed by reference; unknown ones left out. */
    public Map<String, JourneyOrder> byRefs(Collection<String> refs) {
        var found = new LinkedHashMap<String, JourneyOrder>();
        var list = List.copyOf(refs);
        for (int from = 0; from < list.size(); from += CHUNK) {
            var chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
            var orders = named.query(
                    "select " + ORDER_COLUMNS + " from journey_order where ref in (:refs)",
                    Map.of("refs", chunk),
                    (rs, n) -> order(rs));
            complete(orders);
            orders.forEach(o -> found.put(o.ref, o));
        }
        return found;
    }

    public Optional<JourneyOrder> byRef(String ref) {
        return Optional.ofNullable(byRefs(List.of(ref)).get(ref));
    }

    /** The owner's orders by reference (journey_order_customer_idx). */
    public List<JourneyOrder> ofCustomer(long customerId) {
        var orders = jdbc.query(
                "select " + ORDER_COLUMNS + " from journey_order where customer_id = ? order by ref",
                (rs, n) -> order(rs),
                customerId);
        complete(orders);
        return orders;
    }

    /** Each order's estimate changes, oldest first (journey_estimate_change_order_idx). */
    public Map<Long, List<EstimateChange>> history(Collection<Long> orderIds) {
        var history = new HashMap<Long, List<EstimateChange>>();
        forChunks(
                orderIds,
                chunk -> named.query(
                        "select order_id, milestone, previous_date, new_date, reason, changed_at, changed_by"
                                + " from journey_estimate_change where order_id in (:ids) order by order_id, changed_at, id",
                        Map.of("ids", chunk),
                        rs -> {
                            history.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>())
                                    .add(new EstimateChange(
                                            Milestone.valueOf(rs.getString("milestone")),
                                            rs.getObject("previous_date", LocalDate.class),
                                            rs.getObject("new_date", LocalDate.class),
                                            rs.getString("reason"),
                                            instant(rs, "changed_at"),
                                            rs.getString("changed_by")));
                        }));
        return history;
    }

    private void complete(List<JourneyOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        var byId = new HashMap<Long, JourneyOrder>();
        orders.forEach(o -> byId.put(o.id, o));
        forChunks(byId.keySet(), chunk -> {
            var params = Map.of("ids", chunk);
            named.query("select order_id, tag from journey_order_tag where order_id in (:ids)", params, rs -> {
                byId.get(rs.getLong("order_id")).tags.add(rs.getString("tag"));
            });
            named.query(
                    "select order_id, milestone, promised_date, estimated_date, actual_date, previous_estimate,"
                            + " reason, delayed, told_estimate, told_at, told_source"
                            + " from journey_milestone where order_id in (:ids)",
                    params,
                    rs -> {
                        var row = new MilestoneRow(Milestone.valueOf(rs.getString("milestone")));
                        row.promised = rs.getObject("promised_date", LocalDate.class);
                        row.estimate = rs.getObject("estimated_date", LocalDate.class);
                        row.actual = rs.getObject("actual_date", LocalDate.class);
                        row.previousEstimate = rs.getObject("previous_estimate", LocalDate.class);
                        row.reason = rs.getString("reason");
                        row.delayed = rs.getBoolean("delayed");
                        row.toldEstimate = rs.getObject("told_estimate", LocalDate.class);
                        row.toldAt = instant(rs, "told_at");
                        row.toldSource = rs.getString("told_source");
                        byId.get(rs.getLong("order_id")).milestones.put(row.milestone, row);
                    });
        });
        orders.forEach(o -> o.storedTags = new TreeSet<>(o.tags));
    }

    private static void forChunks(Collection<Long> ids, java.util.function.Consumer<List<Long>> action) {
        var list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += CHUNK) {
            action.accept(list.subList(from, Math.min(list.size(), from + CHUNK)));
        }
    }

    private static JourneyOrder order(ResultSet rs) throws SQLException {
        var order = new JourneyOrder(rs.getString("ref"));
        order.id = rs.getLong("id");
        order.customerId = rs.getLong("customer_id");
        order.model = rs.getString("model");
        order.configuration = rs.getString("configuration");
        order.region = rs.getString("delivery_region");
        order.postalCode = rs.getString("delivery_postal_code");
        order.latitude = rs.getObject("delivery_latitude", Double.class);
        order.longitude = rs.getObject("delivery_longitude", Double.class);
        var amount = rs.getBigDecimal("price_amount");
        order.price = amount == null ? null : new Price(amount, rs.getString("price_currency"));
        order.createdAt = instant(rs, "created_at");
        order.updatedAt = instant(rs, "updated_at");
        order.version = rs.getLong("version");
        return order;
    }

    /**
     * Writes new and changed orders and the moves of their estimates, each kind of row with one batched statement.
     *
     * @throws OptimisticLockingFailureException when another transaction changed one of {@code changed} meanwhile
     */
    public void write(List<JourneyOrder> created, List<JourneyOrder> changed, List<JourneyOrder.PendingMove> moves) {
        if (!created.isEmpty()) {
            insertOrders(created);
        }
        if (!changed.isEmpty()) {
            updateOrders(changed);
        }
        var all = new ArrayList<JourneyOrder>(created);
        all.addAll(changed);
        writeTags(created, changed);
        writeMilestones(all);
        if (!moves.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into journey_estimate_change"
                            + " (order_id, milestone, previous_date, new_date, reason, changed_at, changed_by)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    moves,
                    CHUNK,
                    (ps, move) -> {
                        ps.setLong(1, move.order().id);
                        ps.setString(2, move.milestone().name());
                        date(ps, 3, move.previous());
                        date(ps, 4, move.current());
                        text(ps, 5, move.reason());
                        ps.setObject(6, OffsetDateTime.ofInstant(move.at(), ZoneOffset.UTC));
                        ps.setString(7, move.by());
                    });
        }
    }

    private void insertOrders(List<JourneyOrder> created) {
        jdbc.batchUpdate(
                "insert into journey_order (ref, customer_id, model, configuration, delivery_region,"
                        + " delivery_postal_code, delivery_latitude, delivery_longitude, current_milestone,"
                        + " promised_delivery, created_at, updated_at, price_amount, price_currency, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                created,
                CHUNK,
                (ps, o) -> {
                    ps.setString(1, o.ref);
                    orderFields(ps, 2, o);
                    ps.setObject(11, OffsetDateTime.ofInstant(o.createdAt, ZoneOffset.UTC));
                    ps.setObject(12, OffsetDateTime.ofInstant(o.updatedAt, ZoneOffset.UTC));
                    price(ps, 13, o.price);
                });
        var byRef = new HashMap<String, JourneyOrder>();
        created.forEach(o -> byRef.put(o.ref, o));
        var refs = List.copyOf(byRef.keySet());
        for (int from = 0; from < refs.size(); from += CHUNK) {
            named.query(
                    "select id, ref from journey_order where ref in (:refs)",
                    Map.of("refs", refs.subList(from, Math.min(refs.size(), from + CHUNK))),
                    rs -> {
                        byRef.get(rs.getString("ref")).id = rs.getLong("id");
                    });
        }
    }

    private void updateOrders(List<JourneyOrder> changed) {
        int[][] counts = jdbc.batchUpdate(
                "update journey_order set customer_id = ?, model = ?, configuration = ?, delivery_region = ?,"
                        + " delivery_postal_code = ?, delivery_latitude = ?, delivery_longitude = ?,"
                        + " current_milestone = ?, promised_delivery = ?, updated_at = ?, price_amount = ?,"
                        + " price_currency = ?, version = version + 1"
                        + " where id = ? and version = ?",
                changed,
                CHUNK,
                (ps, o) -> {
                    orderFields(ps, 1, o);
                    ps.setObject(10, OffsetDateTime.ofInstant(o.updatedAt, ZoneOffset.UTC));
                    price(ps, 11, o.price);
                    ps.setLong(13, o.id);
                    ps.setLong(14, o.version);
                });
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    throw new OptimisticLockingFailureException(
                            "An order changed in another transaction while this one changed it.");
                }
            }
        }
        changed.forEach(o -> o.version++);
    }

    /** Parameters {@code first} and {@code first + 1}: the price's amount and currency, or nulls. */
    private static void price(PreparedStatement ps, int first, Price price) throws SQLException {
        if (price == null) {
            ps.setNull(first, java.sql.Types.NUMERIC);
            ps.setNull(first + 1, java.sql.Types.VARCHAR);
        } else {
            ps.setBigDecimal(first, price.amount());
            ps.setString(first + 1, price.currency());
        }
    }

    /** How many owners have an order with this tag (by journey_order_tag_idx). */
    public long ownersTagged(String tag) {
        Long n = named.queryForObject(
                "select count(distinct o.customer_id) from journey_order_tag t join journey_order o on o.id = t.order_id"
                        + " where t.tag = :tag",
                Map.of("tag", tag),
                Long.class);
        return n == null ? 0 : n;
    }

    /** The owner's priced orders as purchases (by journey_order_customer_idx), first purchased first. */
    public List<Purchase> purchasesOf(long customerId) {
        var purchases = new ArrayList<Purchase>();
        var byId = new HashMap<Long, Purchase>();
        named.query(
                "select o.id, o.ref, o.customer_id, o.price_amount, o.price_currency, o.created_at,"
                        + " (select coalesce(max(m.actual_date), max(m.promised_date)) from journey_milestone m"
                        + " where m.order_id = o.id and m.milestone = 'ORDER_CONFIRMED') as confirmed,"
                        + " (select coalesce(max(m.actual_date), max(m.promised_date)) from journey_milestone m"
                        + " where m.order_id = o.id and m.milestone = 'RESERVATION') as reserved"
                        + " from journey_order o where o.customer_id = :customerId and o.price_amount is not null",
                Map.of("customerId", customerId),
                rs -> {
                    var confirmed = rs.getObject("confirmed", LocalDate.class);
                    var reserved = rs.getObject("reserved", LocalDate.class);
                    var on = confirmed != null
                            ? confirmed
                            : reserved != null
                                    ? reserved
                                    : instant(rs, "created_at")
                                            .atZone(ZoneOffset.UTC)
                                            .toLocalDate();
                    var purchase = new Purchase(
                            rs.getString("ref"),
                            rs.getLong("customer_id"),
                            new Price(rs.getBigDecimal("price_amount"), rs.getString("price_currency")),
                            on,
                            new java.util.TreeSet<>());
                    purchases.add(purchase);
                    byId.put(rs.getLong("id"), purchase);
                });
        if (!byId.isEmpty()) {
            named.query(
                    "select order_id, tag from journey_order_tag where order_id in (:ids)",
                    Map.of("ids", byId.keySet()),
                    rs -> {
                        byId.get(rs.getLong("order_id")).tags().add(rs.getString("tag"));
                    });
        }
        purchases.sort(java.util.Comparator.comparing(Purchase::purchasedOn).thenComparing(Purchase::ref));
        return purchases;
    }

    /** Parameters {@code first} … {@code first + 8}: the order's fields from customer id to promised delivery. */
    private static void orderFields(PreparedStatement ps, int first, JourneyOrder o) throws SQLException {
        ps.setLong(first, o.customerId);
        ps.setString(first + 1, o.model);
        text(ps, first + 2, o.configuration);
        text(ps, first + 3, o.region);
        text(ps, first + 4, o.postalCode);
        decimal(ps, first + 5, o.latitude);
        decimal(ps, first + 6, o.longitude);
        ps.setString(first + 7, o.stage().name());
        date(ps, first + 8, o.promisedDelivery());
    }

    private void writeTags(List<JourneyOrder> created, List<JourneyOrder> changed) {
        var retagged =
                changed.stream().filter(o -> !o.storedTags.equals(o.tags)).toList();
        if (!retagged.isEmpty()) {
            jdbc.batchUpdate(
                    "delete from journey_order_tag where order_id = ?",
                    retagged,
                    CHUNK,
                    (ps, o) -> ps.setLong(1, o.id));
        }
        var rows = new ArrayList<Object[]>();
        for (var o : created) {
            o.tags.forEach(tag -> rows.add(new Object[] {o.id, tag}));
        }
        for (var o : retagged) {
            o.tags.forEach(tag -> rows.add(new Object[] {o.id, tag}));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into journey_order_tag (order_id, tag) values (?, ?)", rows, CHUNK, (ps, row) -> {
                ps.setLong(1, (Long) row[0]);
                ps.setString(2, (String) row[1]);
            });
        }
        created.forEach(o -> o.storedTags = new TreeSet<>(o.tags));
        retagged.forEach(o -> o.storedTags = new TreeSet<>(o.tags));
    }

    private record OwnedRow(long orderId, MilestoneRow row) {}

    private void writeMilestones(List<JourneyOrder> orders) {
        var fresh = new ArrayList<OwnedRow>();
        var dirty = new ArrayList<OwnedRow>();
        for (var o : orders) {
            for (var row : o.milestones.values()) {
                if (row.fresh) {
                    fresh.add(new OwnedRow(o.id, row));
                } else if (row.dirty) {
                    dirty.add(new OwnedRow(o.id, row));
                }
            }
        }
        if (!fresh.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into journey_milestone (promised_date, estimated_date, actual_date, previous_estimate,"
                            + " reason, delayed, order_id, milestone) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    fresh,
                    CHUNK,
                    OrderStore::milestoneFields);
        }
        if (!dirty.isEmpty()) {
            // the told_* columns are left as they are: a broadcast may mark the owner told meanwhile
            jdbc.batchUpdate(
                    "update journey_milestone set promised_date = ?, estimated_date = ?, actual_date = ?,"
                            + " previous_estimate = ?, reason = ?, delayed = ? where order_id = ? and milestone = ?",
                    dirty,
                    CHUNK,
                    OrderStore::milestoneFields);
        }
        fresh.forEach(r -> r.row().fresh = false);
        dirty.forEach(r -> r.row().dirty = false);
    }

    private static void milestoneFields(PreparedStatement ps, OwnedRow owned) throws SQLException {
        var row = owned.row();
        date(ps, 1, row.promised);
        date(ps, 2, row.estimate);
        date(ps, 3, row.actual);
        date(ps, 4, row.previousEstimate);
        text(ps, 5, row.reason);
        ps.setBoolean(6, row.delayed);
        ps.setLong(7, owned.orderId());
        ps.setString(8, row.milestone.name());
    }

    static void date(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }

    static void text(PreparedStatement ps, int index, String text) throws SQLException {
        if (text == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, text);
        }
    }

    static void decimal(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
