package dev.tender.inmemory;

import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import io.vavr.collection.List;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/** Keyset pagination over a list, newest first, ties broken by id — as the SQL adapters do with an index. */
final class Pages {

    private Pages() {
    }

    static <T> Page<T> of(List<T> all, ListQuery query, Function<T, Instant> created, Function<T, String> id) {
        Comparator<T> newestFirst = Comparator.comparing(created).thenComparing(id).reversed();
        List<T> sorted = all.filter(t -> query.createdFrom().forAll(from -> !created.apply(t).isBefore(from)))
                .filter(t -> query.createdTo().forAll(to -> created.apply(t).isBefore(to)))
                .sorted(newestFirst);
        List<T> after = query.startingAfter()
                .flatMap(cursor -> sorted.find(t -> id.apply(t).equals(cursor))
                        .map(c -> sorted.filter(t -> newestFirst.compare(t, c) > 0)))
                .getOrElse(sorted);
        if (query.endingBefore().isDefined()) {
            List<T> before = query.endingBefore()
                    .flatMap(cursor -> sorted.find(t -> id.apply(t).equals(cursor))
                            .map(c -> after.filter(t -> newestFirst.compare(t, c) < 0)))
                    .getOrElse(after);
            List<T> page = before.takeRight(query.limit());
            return new Page<>(page, before.size() > query.limit());
        }
        return new Page<>(after.take(query.limit()), after.size() > query.limit());
    }
}
