package dev.hyp.samples.data;

import java.util.List;
import java.util.Random;

/**
 * An in-place Fisher-Yates shuffle written out here, so the order depends only on the seeded
 * {@link Random} (whose algorithm the Java API specifies) and not on a JDK's Collections.shuffle.
 */
public final class SeededShuffle {

    private SeededShuffle() {
    }

    public static <T> void shuffle(List<T> items, Random random) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
    }
}
