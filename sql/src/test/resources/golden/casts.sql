-- CAST and the :: operator between numbers, strings, booleans and dates.
SELECT '42'::int, '42'::bigint + 1, CAST('3.14' AS NUMERIC), '3.14'::numeric(5,1);
> 42 | 43 | 3.14 | 3.1
SELECT 'true'::boolean, 'f'::boolean, 'yes'::boolean, 1::boolean;
> t | f | t | t
SELECT '2024-01-15'::date, '2024-01-15 10:30:00'::timestamp, CAST('2024-01-15' AS TIMESTAMP);
> 2024-01-15 | 2024-01-15 10:30:00 | 2024-01-15 00:00:00
SELECT 123.456::numeric(4,2);
! 22003
SELECT 'abc'::int;
! 22P02
SELECT ''::int;
! 22P02
SELECT 'maybe'::boolean;
! 22P02
SELECT 2147483648::int;
! 22003
SELECT 1.5::real, 0.1::real, 1e100::float8, 1.0e-10::float8;
> 1.5 | 0.1 | 1e+100 | 1e-10
SELECT 12::smallint, 40000::smallint;
! 22003
SELECT '  12  '::int;
> 12
