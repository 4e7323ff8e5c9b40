package io.directline.cases;

import java.util.List;

/** One page of cases, newest change first; {@code hasNext} says whether another page follows. */
public record CaseSlice(List<SupportCase> items, int page, int size, boolean hasNext) {}
