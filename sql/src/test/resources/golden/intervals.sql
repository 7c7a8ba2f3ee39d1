-- PostgreSQL's interval: months, days and microseconds kept apart, IntervalStyle postgres.
SELECT INTERVAL '36 hours';
> 36:00:00
SELECT INTERVAL '1 year 2 mons 3 days 04:05:06.5';
> 1 year 2 mons 3 days 04:05:06.5
SELECT INTERVAL '1 month 2 days';
> 1 mon 2 days
SELECT INTERVAL '-1 day +02:00';
> -1 days +02:00:00
SELECT INTERVAL 'P1Y2M3DT4H5M6S';
> 1 year 2 mons 3 days 04:05:06
SELECT INTERVAL '1 week';
> 7 days
SELECT INTERVAL '@ 1 minute ago';
> -00:01:00
SELECT INTERVAL '1.5 days', INTERVAL '1.5 months', INTERVAL '1.5 years';
> 1 day 12:00:00 | 1 mon 15 days | 1 year 6 mons
SELECT INTERVAL '90 minutes', INTERVAL '0.001 seconds', INTERVAL '0';
> 01:30:00 | 00:00:00.001 | 00:00:00
SELECT '2 days 3 hours'::interval AS d, CAST('10' AS interval) AS s;
> 2 days 03:00:00 | 00:00:10
SELECT INTERVAL '-1 year -2 mons +3 days -04:00:00';
> -1 years -2 mons +3 days -04:00:00
SELECT INTERVAL 'nonsense';
! 22007
SELECT INTERVAL '2' DAY, INTERVAL '36' HOUR, INTERVAL '3' MONTH;
> 2 days | 36:00:00 | 3 mons
-- comparison by the span: 30-day months, 24-hour days
SELECT INTERVAL '1 day' = INTERVAL '24 hours', INTERVAL '1 month' = INTERVAL '30 days', INTERVAL '1 day' < INTERVAL '25 hours';
> t | t | t
SELECT INTERVAL '1 month' > INTERVAL '29 days 23:59:59';
> t
-- arithmetic
SELECT INTERVAL '1 day' + INTERVAL '2 hours', INTERVAL '1 month' - INTERVAL '1 day';
> 1 day 02:00:00 | 1 mon -1 days
SELECT INTERVAL '1 day 2 hours' * 2, INTERVAL '1 month' * 1.5, 3 * INTERVAL '1 hour';
> 2 days 04:00:00 | 1 mon 15 days | 03:00:00
SELECT TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1 month';
> 2024-02-29 10:00:00
SELECT TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1 month 1 day 01:00';
> 2024-03-01 11:00:00
SELECT TIMESTAMP '2024-03-01 00:00:00' - INTERVAL '1 day';
> 2024-02-29 00:00:00
SELECT INTERVAL '2 hours' + TIMESTAMP '2024-03-01 00:00:00';
> 2024-03-01 02:00:00
SELECT DATE '2024-01-31' + INTERVAL '1 month', DATE '2024-03-01' - INTERVAL '1 hour';
> 2024-02-29 00:00:00 | 2024-02-29 23:00:00
SELECT TIMESTAMP '2024-03-10 12:00:00' - TIMESTAMP '2024-03-01 10:30:00';
> 9 days 01:30:00
SELECT TIMESTAMP '2024-03-01 00:00:00' - TIMESTAMP '2024-03-10 12:00:00';
> -9 days -12:00:00
SELECT (TIMESTAMP '2024-03-10 12:00:00' - TIMESTAMP '2024-03-01 10:30:00') > INTERVAL '7 days';
> t
-- functions
SELECT age(TIMESTAMP '2024-03-15 10:00:00', TIMESTAMP '2023-01-20 12:30:00');
> 1 year 1 mon 25 days 21:30:00
SELECT age(TIMESTAMP '2023-01-20 12:30:00', TIMESTAMP '2024-03-15 10:00:00');
> -1 years -1 mons -25 days -21:30:00
SELECT age(TIMESTAMP '2024-03-01 00:00:00', TIMESTAMP '2024-01-31 00:00:00');
> 1 mon 1 day
SELECT age(TIMESTAMP '2000-01-01 00:00:00') > INTERVAL '20 years';
> t
SELECT justify_days(INTERVAL '35 days'), justify_hours(INTERVAL '27 hours'), justify_interval(INTERVAL '1 mon -1 hour');
> 1 mon 5 days | 1 day 03:00:00 | 29 days 23:00:00
SELECT justify_interval(INTERVAL '-1 month 40 days 30 hours');
> 11 days 06:00:00
SELECT EXTRACT(EPOCH FROM INTERVAL '1 day 02:00:00.5'), EXTRACT(EPOCH FROM INTERVAL '1 year 1 month');
> 93600.500000 | 34149600.000000
SELECT EXTRACT(HOUR FROM INTERVAL '36 hours'), EXTRACT(DAY FROM INTERVAL '1 month 2 days'), EXTRACT(MONTH FROM INTERVAL '14 months'), EXTRACT(YEAR FROM INTERVAL '14 months');
> 36 | 2 | 2 | 1
SELECT EXTRACT(SECOND FROM INTERVAL '1 minute 5.5 seconds'), EXTRACT(MINUTE FROM INTERVAL '90 minutes'), EXTRACT(MILLISECOND FROM INTERVAL '5.5 seconds');
> 5.500000 | 30 | 5500.000
SELECT make_interval(1, 2, 0, 3, 4, 5, 6.5);
> 1 year 2 mons 3 days 04:05:06.5
-- an interval column
CREATE TABLE durations (id INT PRIMARY KEY, d INTERVAL, note TEXT);
INSERT INTO durations VALUES (1, '1 day', 'a'), (2, INTERVAL '24 hours', 'b'), (3, '1 month', 'c'), (4, '-2 hours', 'd'), (5, NULL, 'e'), (6, '30 days', 'f');
SELECT id, d FROM durations ORDER BY d, id;
> 4 | -02:00:00
> 1 | 1 day
> 2 | 24:00:00
> 3 | 1 mon
> 6 | 30 days
> 5 | NULL
SELECT id, d FROM durations WHERE d > INTERVAL '12 hours' ORDER BY id;
> 1 | 1 day
> 2 | 24:00:00
> 3 | 1 mon
> 6 | 30 days
SELECT id, d FROM durations WHERE d = '1 day' ORDER BY id;
> 1 | 1 day
> 2 | 24:00:00
SELECT d, count(*) FROM durations GROUP BY d ORDER BY d;
> -02:00:00 | 1
> 1 day | 2
> 1 mon | 2
> NULL | 1
SELECT id, TIMESTAMP '2024-01-31 00:00:00' + d FROM durations WHERE d IS NOT NULL ORDER BY id;
> 1 | 2024-02-01 00:00:00
> 2 | 2024-02-01 00:00:00
> 3 | 2024-02-29 00:00:00
> 4 | 2024-01-30 22:00:00
> 6 | 2024-03-01 00:00:00
UPDATE durations SET d = d * 2 WHERE id = 4;
SELECT d FROM durations WHERE id = 4;
> -04:00:00
SELECT pg_typeof(d) FROM durations WHERE id = 1;
> interval
CREATE TABLE events (id INT PRIMARY KEY, created_at TIMESTAMP);
INSERT INTO events VALUES (1, TIMESTAMP '2024-03-01 08:00:00'), (2, TIMESTAMP '2024-02-20 20:15:00');
SELECT id, TIMESTAMP '2024-03-10 12:00:00' - created_at AS waited FROM events ORDER BY id;
> 1 | 9 days 04:00:00
> 2 | 18 days 15:45:00
SELECT id FROM events WHERE TIMESTAMP '2024-03-10 12:00:00' - created_at > INTERVAL '7 days' ORDER BY id;
> 1
> 2
SELECT id, created_at + INTERVAL '1 month 2 days' FROM events ORDER BY id;
> 1 | 2024-04-03 08:00:00
> 2 | 2024-03-22 20:15:00
