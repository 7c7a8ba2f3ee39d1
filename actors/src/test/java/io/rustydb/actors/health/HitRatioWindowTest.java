package io.rustydb.actors.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rustydb.actors.health.HitRatioWindow.Sample;
import org.junit.jupiter.api.Test;

class HitRatioWindowTest {
    private static final long S = 1_000_000_000L;

    @Test
    void ratioCoversTheRecentIntervalsNotTheWholeUptime() {
        HitRatioWindow window = new HitRatioWindow(30 * S, new Sample(0, 0, 0));
        // a cold start: every lookup misses
        window.sample(new Sample(30 * S, 0, 1000));
        window.sample(new Sample(60 * S, 900, 1100));
        window.sample(new Sample(90 * S, 1800, 1200));
        HitRatioWindow.Ratio r = window.ratio(new Sample(100 * S, 2100, 1200));
        // window starts at the newest sample at least 30 s old: t=60
        assertEquals(1200, r.hits());
        assertEquals(100, r.misses());
        assertEquals(1200.0 / 1300, r.ratio(), 1e-9);
        assertEquals(40 * S, r.windowNanos());
    }

    @Test
    void beforeTheFirstIntervalTheWindowStartsAtStartup() {
        HitRatioWindow window = new HitRatioWindow(30 * S, new Sample(0, 10, 10));
        HitRatioWindow.Ratio r = window.ratio(new Sample(5 * S, 19, 11));
        assertEquals(0.9, r.ratio(), 1e-9);
    }

    @Test
    void noLookupsIsNoRatio() {
        HitRatioWindow window = new HitRatioWindow(30 * S, new Sample(0, 10, 10));
        window.sample(new Sample(30 * S, 10, 10));
        assertNull(window.ratio(new Sample(45 * S, 10, 10)).ratio());
    }
}
