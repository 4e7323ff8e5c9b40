package io.directline.cases.volume;

import io.directline.cases.CaseVolumes;
import io.directline.customer.Channel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CaseVolumes} by conditional sums per interval, grouped by channel, over support_case_created_idx. */
@Service
@Transactional(readOnly = true)
class CaseVolumeQueries implements CaseVolumes {

    private final JdbcClient jdbc;

    CaseVolumeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Channel, List<Long>> openedByChannel(List<Instant> boundaries) {
        int intervals = boundaries.size() - 1;
        if (intervals < 1) {
            throw new IllegalArgumentException("need at least two boundaries, not " + boundaries.size());
        }
        var counts = new EnumMap<Channel, List<Long>>(Channel.class);
        for (var channel : Channel.values()) {
            counts.put(channel, new ArrayList<>(Collections.nCopies(intervals, 0L)));
        }
        var sql = new StringBuilder("select channel");
        for (int i = 0; i < intervals; i++) {
            sql.append(", sum(case when created_at >= :b")
                    .append(i)
                    .append(" and created_at < :b")
                    .append(i + 1)
                    .append(" then 1 else 0 end) as w")
                    .append(i);
        }
        sql.append(" from support_case where created_at >= :b0 and created_at < :b")
                .append(intervals)
                .append(" group by channel");
        var query = jdbc.sql(sql.toString());
        for (int i = 0; i <= intervals; i++) {
            query = query.param("b" + i, boundaries.get(i).atOffset(ZoneOffset.UTC));
        }
        query.query(rs -> {
            Channel channel;
            try {
                channel = Channel.valueOf(rs.getString("channel"));
            } catch (IllegalArgumentException retired) {
                return;
            }
            var weeks = counts.get(channel);
            for (int i = 0; i < intervals; i++) {
                weeks.set(i, rs.getLong("w" + i));
            }
        });
        var result = new EnumMap<Channel, List<Long>>(Channel.class);
        counts.forEach((channel, weeks) -> result.put(channel, List.copyOf(weeks)));
        return Collections.unmodifiableMap(result);
    }
}
