-- Arithmetic and math functions: integer vs numeric division, rounding, MOD, ABS, CEIL/FLOOR.
SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3, mod(7, 3), mod(-7, 3);
> 3 | -3 | 1 | -1 | 1 | -1
SELECT 1 / 0;
! 22012
SELECT 1.0 / 0;
! 22012
SELECT 5 % 0;
! 22012
SELECT round(2.5), round(-2.5), round(3.14159, 2), round(1234.5, -2), round(2.4);
> 3 | -3 | 3.14 | 1200 | 2
SELECT abs(-5), abs(5), abs(-2.50), abs(-1.5::float8);
> 5 | 5 | 2.50 | 1.5
SELECT ceil(1.2), ceil(-1.2), floor(1.8), floor(-1.8), ceiling(4.01);
> 2 | -1 | 1 | -2 | 5
SELECT ceil(1.2::float8), floor(-1.5::float8);
> 2 | -2
SELECT sign(-3), sign(0), sign(2.5);
> -1 | 0 | 1
SELECT 2 + 3 * 4, (2 + 3) * 4, -2 * -3, 10 - 2 - 3;
> 14 | 20 | 6 | 5
SELECT 0.1 + 0.2, 0.1::float8 + 0.2::float8, 1.10 + 2.205;
> 0.3 | 0.30000000000000004 | 3.305
SELECT 1.50 * 2.0, 3 * 1.25;
> 3.000 | 3.75
SELECT 17 / 5 * 5 + 17 % 5;
> 17
SELECT mod(10.5, 3);
> 1.5
SELECT power(2, 10), sqrt(16);
> 1024 | 4
SELECT exp(0), ln(1), pi();
> 1 | 0 | 3.141592653589793
SELECT exp(0), ln(1), log(100), pi();
> 1 | 0 | 2 | 3.141592653589793
SELECT greatest(1, 5, 3), least(1, 5, 3), greatest(1, NULL, 2);
> 5 | 1 | 2
-- Moved back from known-gaps.md once RustyDB matched PostgreSQL.
SELECT 7.0 / 2, 7 / 2.0, 1 / 3.0, 10.0 / 4;
> 3.5000000000000000 | 3.5000000000000000 | 0.33333333333333333333 | 2.5000000000000000
SELECT 7::numeric / 2;
> 3.5000000000000000
SELECT 9.0 / 3, 2 / 3.0 * 3;
> 3.0000000000000000 | 2.00000000000000000001
SELECT round(2.5::float8), round(3.5::float8);
> 2 | 4
SELECT trunc(3.789, 1), trunc(-3.7);
> 3.7 | -3
-- ^ is PostgreSQL's exponent operator: left-associative, above * and /, below unary minus;
-- double precision for integers and floats, numeric as soon as an operand is numeric.
SELECT power(2, 10), sqrt(16), 2 ^ 3;
> 1024 | 4 | 8
SELECT 2 ^ 3 ^ 2, -2 ^ 2, 2 * 3 ^ 2, 2 ^ 3 * 2, 1 + 2 ^ 3, 2 ^ -1, 4 ^ 0.5::float8, 9 ^ 0.5::float8;
> 64 | 4 | 18 | 16 | 9 | 0.5 | 2 | 3
SELECT pg_typeof(2 ^ 3), pg_typeof(2.0 ^ 3), pg_typeof(2 ^ 3.0), pg_typeof(2::float8 ^ 3.0), pg_typeof(power(2, 3)), pg_typeof(power(2.0, 3));
> double precision | numeric | numeric | double precision | double precision | numeric
SELECT power(2.0, 3), 2.0 ^ 3, 3.000 ^ 2, 2.5 ^ 2, 1.5 ^ 10, 0.5 ^ 17, 10.0 ^ 20, 0.1 ^ 20;
> 8.0000000000000000 | 8.0000000000000000 | 9.0000000000000000 | 6.2500000000000000 | 57.6650390625000000 | 0.0000076293945313 | 100000000000000000000.0000000000000000 | 0.0000000000000000
SELECT 2.0 ^ -1, 2 ^ -2.0, 0.5 ^ -3, (-2.0) ^ 3, (-2.0) ^ -3, (-1.0) ^ 3000000001;
> 0.5000000000000000 | 0.2500000000000000 | 8.0000000000000000 | -8.0000000000000000 | -0.1250000000000000 | -1.0000000000000000
SELECT 2 ^ 0.5, 2.0 ^ 0.5, 4 ^ 0.5, 12345.6789 ^ 3.25, 0.0000000001 ^ 0.5, 1.0000001 ^ 1000000.5;
> 1.4142135623730950 | 1.4142135623730950 | 2.0000000000000000 | 19834610468794.7078 | 0.000010000000000000000 | 1.1051709678083377
SELECT 10 ^ 2.5, 0.5 ^ 1.5, 99.99 ^ 0.333333, 1.1 ^ -1234.5, 2 ^ 100.5;
> 316.22776601683793 | 0.3535533905932738 | 4.6414269841229154 | 0.0000000000000000000000000000000000000000000000000007956648490229105 | 1792728671193156477399422023278.7
SELECT 0 ^ 0, 0.0 ^ 0, 0 ^ 0.0, 0 ^ 2.5, 0.00 ^ 2, 1 ^ 1000000000000;
> 1 | 1.0000000000000000 | 1.0000000000000000 | 0.0000000000000000 | 0.0000000000000000 | 1
SELECT 2::float8 ^ 1.5::float8, 1.5::float8 ^ 0.25::float8, 10::float8 ^ -20, 7::float8 ^ 33, 2::float8 ^ 0.5::float8;
> 2.8284271247461903 | 1.1066819197003215 | 1e-20 | 7.730993719707444e+27 | 1.4142135623730951
SELECT 0 ^ -1;
! 2201F
SELECT 0.0 ^ -1;
! 2201F
SELECT power(0, -1.5);
! 2201F
SELECT (-8) ^ 0.5;
! 2201F
SELECT (-8.0) ^ (1.0 / 3);
! 2201F
SELECT power(-8::float8, 0.5::float8);
! 2201F
SELECT 10.5 ^ 1000000.5;
! 22003
SELECT 0.5 ^ -1000000;
! 22003
SELECT 1e308::float8 ^ 2;
! 22003
SELECT 1e-308::float8 ^ 2;
! 22003
CREATE TABLE pw (id INT, b NUMERIC, e NUMERIC, d FLOAT8, i INT);
INSERT INTO pw VALUES (1, 2.5, 2, 1.5, 3), (2, 4, 0.5, 0.25, -2), (3, NULL, 2, NULL, 2), (4, 10, NULL, 2, NULL), (5, 1.10, 10, 10, 0);
SELECT id, b ^ e, d ^ i, i ^ 2, b ^ i, power(b, e), pow(d, 2) FROM pw ORDER BY id;
> 1 | 6.2500000000000000 | 3.375 | 9 | 15.6250000000000000 | 6.2500000000000000 | 2.25
> 2 | 2.0000000000000000 | 16 | 4 | 0.0625000000000000 | 2.0000000000000000 | 0.0625
> 3 | NULL | NULL | 4 | NULL | NULL | NULL
> 4 | NULL | NULL | NULL | NULL | NULL | 4
> 5 | 2.5937424601000000 | 1 | 0 | 1.0000000000000000 | 2.5937424601000000 | 100
SELECT id FROM pw WHERE b ^ 2 > 6 ORDER BY id;
> 1
> 2
> 4
