package dev.tender.app.storage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The short-lived cache: kept for the TTL, forgotten on a change, never kept from a load a change overtook. */
class RecentTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    private Recent<String, Integer> recent(Duration ttl, int max) {
        return new Recent<>("a.ttl", ttl, max, now::get, null);
    }

    private Integer load() {
        return loads.incrementAndGet();
    }

    @Test
    void aValueIsLoadedOnceWithinTheTtlAndAgainAfterIt() {
        Recent<String, Integer> recent = recent(Duration.ofSeconds(5), 10);
        assertThat(recent.get("k", this::load)).isEqualTo(1);
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(recent.get("k", this::load)).isEqualTo(1);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(recent.get("k", this::load)).isEqualTo(2);
    }

    @Test
    void aZeroTtlKeepsNothingAndANegativeOneIsRefused() {
        Recent<String, Integer> recent = recent(Duration.ZERO, 10);
        recent.get("k", this::load);
        assertThat(recent.get("k", this::load)).isEqualTo(2);
        assertThatThrownBy(() -> recent(Duration.ofSeconds(-1), 10)).hasMessage("a.ttl must not be negative: PT-1S");
    }

    @Test
    void aChangeForgetsEverything() {
        Recent<String, Integer> recent = recent(Duration.ofHours(1), 10);
        recent.get("a", this::load);
        recent.get("b", this::load);
        recent.forgetOnCommit();
        assertThat(recent.get("a", this::load)).isEqualTo(3);
        assertThat(recent.get("b", this::load)).isEqualTo(4);
    }

    @Test
    void aLoadThatAChangeOvertookIsAnsweredButNotKept() {
        Recent<String, Integer> recent = recent(Duration.ofHours(1), 10);
        assertThat(recent.get("k", () -> {
            recent.forgetAll(); // a change commits while the load reads
            return load();
        })).isEqualTo(1);
        assertThat(recent.get("k", this::load)).isEqualTo(2);
        assertThat(recent.get("k", this::load)).isEqualTo(2);
    }

    @Test
    void pastItsSizeTheCacheStartsAgain() {
        Recent<String, Integer> recent = recent(Duration.ofHours(1), 2);
        recent.get("a", this::load);
        recent.get("b", this::load);
        recent.get("c", this::load); // makes room: a and b are gone
        assertThat(recent.get("c", this::load)).isEqualTo(3);
        assertThat(recent.get("a", this::load)).isEqualTo(4);
    }
}
