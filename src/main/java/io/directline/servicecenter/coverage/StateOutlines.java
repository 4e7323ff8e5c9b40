package io.directline.servicecenter.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The U.S. state outlines as SVG paths, decoded once at start-up from us-atlas's {@code states-albers-10m.json}
 * (TopoJSON, already projected with d3.geoAlbersUsa into a 975×610 viewport; served as a static file too): each arc's
 * quantized, delta-encoded positions are summed and scaled by the topology's transform, each ring stitched from its
 * arcs (a negative index is the arc reversed), and every state written as one path of its polygons' rings.
 */
@Component
class StateOutlines {

    static final String RESOURCE = "static/maps/us-atlas/states-albers-10m.json";

    /** A state and its outline, an SVG path in the 975×610 viewport. */
    record State(String id, String name, String path) {}

    private final List<State> states;

    StateOutlines() {
        this.states = decode();
    }

    List<State> states() {
        return states;
    }

    private static List<State> decode() {
        JsonNode topology;
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            topology = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var transform = topology.path("transform");
        double sx = transform.path("scale").get(0).asDouble();
        double sy = transform.path("scale").get(1).asDouble();
        double tx = transform.path("translate").get(0).asDouble();
        double ty = transform.path("translate").get(1).asDouble();
        var arcs = new ArrayList<double[][]>();
        for (var arc : topology.path("arcs")) {
            var points = new double[arc.size()][];
            long x = 0;
            long y = 0;
            for (int i = 0; i < arc.size(); i++) {
                x += arc.get(i).get(0).asLong();
                y += arc.get(i).get(1).asLong();
                points[i] = new double[] {x * sx + tx, y * sy + ty};
            }
            arcs.add(points);
        }
        var out = new ArrayList<State>();
        for (var geometry : topology.path("objects").path("states").path("geometries")) {
            var path = new StringBuilder();
            var type = geometry.path("type").asString();
            if (type.equals("Polygon")) {
                polygon(geometry.path("arcs"), arcs, path);
            } else if (type.equals("MultiPolygon")) {
                for (var polygon : geometry.path("arcs")) {
                    polygon(polygon, arcs, path);
                }
            }
            out.add(new State(
                    geometry.path("id").asString(),
                    geometry.path("properties").path("name").asString(),
                    path.toString()));
        }
        out.sort(Comparator.comparing(State::name));
        return List.copyOf(out);
    }

    private static void polygon(JsonNode rings, List<double[][]> arcs, StringBuilder path) {
        for (var ring : rings) {
            String last = null;
            boolean first = true;
            for (var index : ring) {
                int i = index.asInt();
                var arc = i >= 0 ? arcs.get(i) : arcs.get(~i);
                for (int p = 0; p < arc.length; p++) {
                    var point = i >= 0 ? arc[p] : arc[arc.length - 1 - p];
                    var text = String.format(Locale.ROOT, "%.1f,%.1f", point[0], point[1]);
                    if (text.equals(last)) {
                        continue;
                    }
                    path.append(first ? 'M' : 'L').append(text);
                    first = false;
                    last = text;
                }
            }
            path.append('Z');
        }
    }
}
