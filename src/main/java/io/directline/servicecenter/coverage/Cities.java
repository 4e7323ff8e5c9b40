package io.directline.servicecenter.coverage;

import io.directline.servicecenter.center.GreatCircle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The U.S. cities of at least 50,000 inhabitants (GeoNames, {@code servicecenter/cities-us-50k.csv}), to name the
 * place of a proposed site or an underserved cluster by its nearest city.
 */
@Component
class Cities {

    record City(String name, String region, double latitude, double longitude) {

        String label() {
            return region == null || region.isBlank() ? name : name + ", " + region;
        }
    }

    private final List<City> cities;

    Cities() {
        this.cities = load();
    }

    /** The nearest city's "Name, ST", or null when the list is empty. */
    String nearest(double lat, double lon) {
        City best = null;
        double bestMiles = Double.MAX_VALUE;
        for (var c : cities) {
            double miles = GreatCircle.miles(lat, lon, c.latitude(), c.longitude());
            if (miles < bestMiles) {
                bestMiles = miles;
                best = c;
            }
        }
        return best == null ? null : best.label();
    }

    private static List<City> load() {
        var schema = CsvSchema.emptySchema().withHeader();
        try (var in = new ClassPathResource("servicecenter/cities-us-50k.csv").getInputStream();
                var rows =
                        new CsvMapper().readerFor(JsonNode.class).with(schema).readValues(in)) {
            var out = new ArrayList<City>();
            while (rows.hasNextValue()) {
                var row = (JsonNode) rows.nextValue();
                out.add(new City(
                        row.path("name").asString(),
                        row.path("admin1").asString(),
                        Double.parseDouble(row.path("latitude").asString()),
                        Double.parseDouble(row.path("longitude").asString())));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
