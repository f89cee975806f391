package org.iom.dna.notification.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again: doubling from {@code initial} with each try, never above {@code max}, and
 * jittered between half and all of that, so that many messages put off by one outage do not all come back at once.
 */
public final class Pauses {

    private Pauses() {}

    /** The pause after the {@code tries}-th failed try (1 for the first). */
    public static Duration after(int tries, Duration initial, Duration max) {
        long ceiling = tries >= 31
                ? max.toMillis()
                : Math.min(max.toMillis(), initial.toMillis() << Math.max(0, Math.min(tries - 1, 30)));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
