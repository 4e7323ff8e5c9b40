package io.directline.journey.delay;

import io.directline.journey.DelayAskTrends;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** {@link DelayAskTrends} as the delay screen counts them. */
@Service
class DelayAskTrendFigures implements DelayAskTrends {

    private final DelayFigures figures;

    DelayAskTrendFigures(DelayFigures figures) {
        this.figures = figures;
    }

    @Override
    public List<WeekAsks> weekly(Instant from, Instant to) {
        return figures.weekly(from, to).stream()
                .map(w -> new WeekAsks(w.weekStart(), w.toldBeforeAsking(), w.hadToAsk()))
                .toList();
    }
}
