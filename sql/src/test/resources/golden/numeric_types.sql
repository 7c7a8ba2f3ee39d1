-- Integer widths, overflow, result types of aggregates and mixed arithmetic.
CREATE TABLE nums (id INT PRIMARY KEY, i INT, b BIGINT, s SMALLINT, d NUMERIC(10,3), f DOUBLE PRECISION, r REAL);
INSERT INTO nums VALUES (1, 2147483647, 9223372036854775807, 32767, 1.5, 1.5, 1.5), (2, 2147483647, 1, 1, 2.25, 0.1, 0.1), (3, 1, -1, -1, -0.001, 1e20, 3.25);
SELECT sum(i) FROM nums;
> 4294967295
SELECT sum(f), avg(f) FROM nums;
> 1e+20 | 3.333333333333333e+19
SELECT i + 1::bigint FROM nums WHERE id = 1;
> 2147483648
SELECT s + 1 FROM nums WHERE id = 1;
> 32768
SELECT 2147483647::bigint + 1;
> 2147483648
SELECT -2147483648::int;
! 22003
SELECT i * 2 FROM nums WHERE id = 3;
> 2
SELECT id, f, r FROM nums ORDER BY id;
> 1 | 1.5 | 1.5
> 2 | 0.1 | 0.1
> 3 | 1e+20 | 3.25
SELECT id, i + d, i + f FROM nums WHERE id = 3;
> 3 | 0.999 | 1e+20
INSERT INTO nums VALUES (4, 2147483648, 0, 0, 0, 0, 0);
! 22003
INSERT INTO nums VALUES (4, 0, 0, 0, 12345678.1234, 0, 0);
! 22003
INSERT INTO nums VALUES (4, 0, 0, 0, 1.23456, 0, 0);
SELECT d FROM nums WHERE id = 4;
> 1.235
SELECT 100000::bigint * 100000;
> 10000000000
SELECT count(*) FROM nums;
> 4
SELECT max(b), min(b) FROM nums;
> 9223372036854775807 | -1
-- Moved back from known-gaps.md once RustyDB matched PostgreSQL.
SELECT i + 1 FROM nums WHERE id = 1;
! 22003
SELECT b + 1 FROM nums WHERE id = 1;
! 22003
SELECT 2147483647 + 1;
! 22003
SELECT 9223372036854775807 + 1;
! 22003
SELECT 100000 * 100000;
! 22003
SELECT id, d * 2, d + 1, d / 3 FROM nums ORDER BY id;
> 1 | 3.000 | 2.500 | 0.50000000000000000000
> 2 | 4.500 | 3.250 | 0.75000000000000000000
> 3 | -0.002 | 0.999 | -0.00033333333333333333
> 4 | 2.470 | 2.235 | 0.41166666666666666667
SELECT 1.5::numeric + 1, 1 + 1.5::float8, 4 / 2::numeric;
> 2.5 | 2.5 | 2.0000000000000000
