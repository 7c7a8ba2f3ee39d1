package io.rustydb.common.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void readsPostgresFormsIntoSeparateFields() {
        Interval v = Interval.parse("1 year 2 mons 3 days 04:05:06.5");
        assertEquals(14, v.months());
        assertEquals(3, v.days());
        assertEquals(14_706_500_000L, v.micros());
        assertEquals("36:00:00", Interval.parse("36 hours").toString());
        assertEquals("-1 days +02:00:00", Interval.parse("-1 day +02:00").toString());
        assertEquals("1 year 2 mons 3 days 04:05:06", Interval.parse("P1Y2M3DT4H5M6S").toString());
        assertEquals("-00:01:00", Interval.parse("@ 1 minute ago").toString());
        assertEquals("1 mon 15 days", Interval.parse("1.5 months").toString());
    }

    @Test
    void refusesBadText() {
        RustyDbException e = assertThrows(RustyDbException.class, () -> Interval.parse("nonsense"));
        assertEquals("22007", e.sqlState());
    }

    @Test
    void comparesBySpan() {
        assertEquals(Interval.parse("1 day"), Interval.parse("24 hours"));
        assertEquals(Interval.parse("1 day").hashCode(), Interval.parse("24 hours").hashCode());
        assertTrue(Interval.parse("1 mon").compareTo(Interval.parse("29 days 23:59:59")) > 0);
    }

    @Test
    void justifiesAsPostgres() {
        assertEquals("29 days 23:00:00", Interval.parse("1 mon -1 hour").justifyInterval().toString());
        assertEquals("1 mon 15 days", Interval.parse("1 mon").multiply(1.5).toString());
    }
}
