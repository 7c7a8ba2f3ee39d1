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
