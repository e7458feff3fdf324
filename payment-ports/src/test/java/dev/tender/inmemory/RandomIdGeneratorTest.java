package dev.tender.inmemory;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Hyperswitch's id form, every character of the alphabet equally likely, no repeats. */
class RandomIdGeneratorTest {

    @Test
    void idsHaveThePrefixAnd26CharactersEachOfTheAlphabetAboutEquallyOften() {
        // given
        RandomIdGenerator ids = new RandomIdGenerator();
        Set<String> seen = new HashSet<>();
        Map<Character, Integer> counts = new HashMap<>();

        // when
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next("pay");
            seen.add(id);
            id.substring(4).chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
            assertThat(id).matches("pay_[a-z0-9]{26}");
        }

        // then: 260,000 characters, 7,222 of each expected; ±10 % is beyond 20 standard deviations
        assertThat(seen).hasSize(10_000);
        assertThat(counts).hasSize(36);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(6_500, 7_945));
    }
}
