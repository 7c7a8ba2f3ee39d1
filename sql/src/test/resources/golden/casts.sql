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
-- Moved back from known-gaps.md once RustyDB matched PostgreSQL.
SELECT 3.7::int, 3.5::int, -3.5::int, 2.5::int, CAST(3.99 AS INTEGER);
> 4 | 4 | -4 | 3 | 4
SELECT 3.7::float8::int, 2.5::float8::int;
> 4 | 2
SELECT 10::numeric(6,2), 1.005::numeric(6,2), 12345.678::numeric(10,1);
> 10.00 | 1.01 | 12345.7
SELECT 'hello'::varchar(3), 'hi'::char(4) || '|';
> hel | hi|
SELECT 42::text, 3.5::text, true::text, CAST(7 AS VARCHAR), CAST(false AS varchar(5));
> 42 | 3.5 | true | 7 | false
SELECT CAST(NULL AS INT), NULL::text IS NULL;
> NULL | t
SELECT 5::bigint * 2, pg_typeof(5::bigint);
> 10 | bigint
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof(now()::date), pg_typeof('x'::varchar(3)), pg_typeof(2.0::float8);
> integer | numeric | date | character varying | double precision
