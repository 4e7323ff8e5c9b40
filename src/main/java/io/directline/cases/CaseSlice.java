package io.directline.cases;

import java.util.List;

/** One page of cases in the order the filter asked for; {@code hasNext} says whether another page follows. */
public record CaseSlice(List<SupportCase> items, int page, int size, boolean hasNext) {}
