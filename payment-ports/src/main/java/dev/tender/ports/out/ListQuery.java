package dev.tender.ports.out;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A page of a list, newest first: created in [{@code createdFrom}, {@code createdTo}), and after the
 * cursor {@code startingAfter} (an id of the previous page's last item) or before {@code endingBefore}.
 */
public record ListQuery(Option<Instant> createdFrom, Option<Instant> createdTo, Option<String> startingAfter,
                        Option<String> endingBefore, int limit) {

    public static final int MAX_LIMIT = 100;

    public ListQuery {
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(startingAfter, "startingAfter");
        Objects.requireNonNull(endingBefore, "endingBefore");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    public static ListQuery first(int limit) {
        return new ListQuery(Option.none(), Option.none(), Option.none(), Option.none(), limit);
    }
}
