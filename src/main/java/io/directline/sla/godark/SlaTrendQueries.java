package io.directline.sla.godark;

import io.directline.sla.SlaTrends;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SlaTrends} from the go-dark report's own aggregates, and the clocks stopped per interval by
 * {@code sla_clock_stopped_idx}: a clock met its target when no breach is recorded on it.
 */
@Service
@Transactional(readOnly = true)
class SlaTrendQueries implements SlaTrends {

    private final GoDarkQueries goDark;
    private final JdbcClient jdbc;

    SlaTrendQueries(GoDarkQueries goDark, JdbcClient jdbc) {
        this.goDark = goDark;
        this.jdbc = jdbc;
    }

    @Override
    public List<GoDark> goDark(List<Instant> boundaries) {
        var breaches = goDark.responseBreaches(boundaries);
        var broken = goDark.brokenPromises(boundaries);
        return IntStream.range(0, breaches.length)
                .mapToObj(i -> new GoDark(breaches[i], broken[i]))
                .toList();
    }

    @Override
    public List<Compliance> compliance(List<Instant> boundaries) {
        int intervals = boundaries.size() - 1;
        if (intervals < 1) {
            throw new IllegalArgumentException("need at least two boundaries, not " + boundaries.size());
        }
        var sql = new StringBuilder("select count(*) as n");
        for (int i = 0; i < intervals; i++) {
            var within = "stopped_at >= :b" + i + " and stopped_at < :b" + (i + 1);
            sql.append(", sum(case when ")
                    .append(within)
                    .append(" and breached_at is null then 1 else 0 end) as m")
                    .append(i);
            sql.append(", sum(case when ")
                    .append(within)
                    .append(" and breached_at is not null then 1 else 0 end)")
                    .append(" as x")
                    .append(i);
        }
        sql.append(" from sla_clock where stopped_at >= :b0 and stopped_at < :b")
                .append(intervals);
        var query = jdbc.sql(sql.toString());
        for (int i = 0; i <= intervals; i++) {
            query = query.param("b" + i, boundaries.get(i).atOffset(ZoneOffset.UTC));
        }
        var result = new ArrayList<Compliance>();
        query.query(rs -> {
            for (int i = 0; i < intervals; i++) {
                result.add(new Compliance(rs.getLong("m" + i), rs.getLong("x" + i)));
            }
        });
        return List.copyOf(result);
    }
}
