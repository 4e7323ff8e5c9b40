package io.directline.servicecenter.center;

import io.directline.servicecenter.ServiceType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every service center in memory, with one spatial index (a JTS {@link STRtree} over longitude and latitude) per
 * service type holding the centers that offer it. Rebuilt whole after a change commits on this node, and every
 * {@code directline.servicecenter.index-refresh} when the table's stamp (count, versions) shows another node's change.
 * A rebuild swaps in a new snapshot; readers never lock.
 */
@Component
public class CenterIndex implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CenterIndex.class);

    /** The centers as one immutable snapshot. */
    record Snapshot(Map<Long, ServiceCenter> byId, Map<ServiceType, STRtree> trees, STRtree every, String stamp) {}

    /** A center and its great-circle distance from a point. */
    public record Nearest(ServiceCenter center, double miles) {}

    private final JdbcClient jdbc;
    private final ServiceCenterProperties properties;
    private volatile Snapshot snapshot;

    CenterIndex(JdbcClient jdbc, ServiceCenterProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The center by id from the snapshot, or null. */
    public ServiceCenter center(long id) {
        return current().byId().get(id);
    }

    /** Every center of the snapshot, in no order. */
    public java.util.Collection<ServiceCenter> all() {
        return current().byId().values();
    }

    /**
     * The center nearest to the point by great-circle distance, whatever it offers; null when there is none. The index's
     * planar nearest gives a first distance; every center within it (the exact box of that radius) is then measured,
     * so a center nearer on the sphere than in degrees is never missed.
     */
    public Nearest nearest(double lat, double lon) {
        var tree = current().every();
        if (tree.isEmpty()) {
            return null;
        }
        var first = (ServiceCenter) tree.nearestNeighbour(new Envelope(lon, lon, lat, lat), null, PLANAR);
        var best = new Nearest(first, GreatCircle.miles(lat, lon, first.latitude(), first.longitude()));
        var box = Routing.Box.around(lat, lon, best.miles() * 1.000001 + 1e-9);
        var found = new ArrayList<ServiceCenter>();
        if (box.west() <= box.east()) {
            query(tree, new Envelope(box.west(), box.east(), box.south(), box.north()), found);
        } else {
            query(tree, new Envelope(box.west(), 180, box.south(), box.north()), found);
            query(tree, new Envelope(-180, box.east(), box.south(), box.north()), found);
        }
        for (var c : found) {
            double miles = GreatCircle.miles(lat, lon, c.latitude(), c.longitude());
            if (miles < best.miles()) {
                best = new Nearest(c, miles);
            }
        }
        return best;
    }

    /** How many centers the index holds. */
    public int size() {
        return current().byId().size();
    }

    /**
     * The centers offering {@code service} whose position lies in the box (degrees; west may exceed east when the
     * box crosses the antimeridian).
     */
    List<ServiceCenter> within(ServiceType service, double south, double north, double west, double east) {
        var tree = current().trees().get(service);
        var found = new ArrayList<ServiceCenter>();
        if (tree == null) {
            return found;
        }
        if (west <= east) {
            query(tree, new Envelope(west, east, south, north), found);
        } else {
            query(tree, new Envelope(west, 180, south, north), found);
            query(tree, new Envelope(-180, east, south, north), found);
        }
        return found;
    }

    /**
     * A radius (miles) from the point that holds about {@code k} centers offering the service, for a first look: the
     * great-circle distance of the farthest of the {@code k} nearest by the index's own (planar, degree) distance.
     * Only an estimate; callers still search the exact box of the radius. 0 when no center offers the service.
     */
    double radiusHolding(ServiceType service, double lat, double lon, int k) {
        var tree = current().trees().get(service);
        if (tree == null || tree.isEmpty()) {
            return 0;
        }
        var at = new Envelope(lon, lon, lat, lat);
        double farthest = 0;
        for (var item : tree.nearestNeighbour(at, null, PLANAR, Math.min(k, tree.size()))) {
            var c = (ServiceCenter) item;
            farthest = Math.max(farthest, GreatCircle.miles(lat, lon, c.latitude(), c.longitude()));
        }
        return farthest;
    }

    /** Distance between an item and the query point in the index's own degrees; the query item is null. */
    private static final org.locationtech.jts.index.strtree.ItemDistance PLANAR = (a, b) ->
            a.getBounds() instanceof Envelope ea && b.getBounds() instanceof Envelope eb ? ea.distance(eb) : 0;

    @SuppressWarnings("unchecked")
    private static void query(STRtree tree, Envelope box, List<ServiceCenter> into) {
        into.addAll(tree.query(box));
    }

    private Snapshot current() {
        var s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    rebuild();
                }
                s = snapshot;
            }
        }
        return s;
    }

    /** Reads every center and swaps in a new snapshot. */
    public synchronized void rebuild() {
        var stamp = stamp();
        var centers = jdbc.sql("select " + ServiceCenters.COLUMNS + " from service_center")
                .query(ServiceCenters::center)
                .list();
        var byId = new java.util.HashMap<Long, ServiceCenter>();
        var trees = new EnumMap<ServiceType, STRtree>(ServiceType.class);
        var every = new STRtree();
        for (var type : ServiceType.values()) {
            trees.put(type, new STRtree());
        }
        for (var c : centers) {
            byId.put(c.id(), c);
            var at = new Envelope(c.longitude(), c.longitude(), c.latitude(), c.latitude());
            c.capacity().keySet().forEach(type -> trees.get(type).insert(at, c));
            every.insert(at, c);
        }
        trees.values().forEach(STRtree::build);
        every.build();
        snapshot = new Snapshot(Map.copyOf(byId), trees, every, stamp);
    }

    private String stamp() {
        return jdbc.sql("select count(*) as n, coalesce(sum(version), 0) as v, coalesce(max(id), 0) as m"
                        + " from service_center")
                .query((rs, n) -> rs.getLong("n") + ":" + rs.getLong("v") + ":" + rs.getLong("m"))
                .single();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refreshIfChanged, properties.indexRefresh());
    }

    private void refreshIfChanged() {
        try {
            var s = snapshot;
            if (s != null && !s.stamp().equals(stamp())) {
                rebuild();
            }
        } catch (RuntimeException e) {
            log.warn("The service centers' index could not be refreshed; it tries again", e);
        }
    }
}
