-- Disk-usage functions and pg_proc. Sizes themselves differ from PostgreSQL (8 kB pages there,
-- RocksDB's byte estimate here, see PsqlDescribeIT), so only what both must agree on is checked.
CREATE TABLE t (id INT PRIMARY KEY, note TEXT);
CREATE TABLE plain (x INT);
CREATE VIEW v AS SELECT id FROM t;
SELECT pg_relation_size('plain'), pg_relation_size('t'), pg_indexes_size('plain'), pg_table_size('v');
> 0 | 0 | 0 | 0
INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO plain VALUES (1), (2);
SELECT pg_table_size('t') > 0, pg_relation_size('t', 'main') > 0, pg_total_relation_size('t') >= pg_table_size('t');
> t | t | t
SELECT pg_relation_size('plain') > 0, pg_total_relation_size('plain') = pg_table_size('plain');
> t | t
SELECT pg_relation_size('t', 'fsm') >= 0, pg_relation_size('t', 'init');
> t | 0
SELECT pg_relation_size('t', 'bogus');
! 22023
SELECT pg_relation_size('missing');
! 42P01
SELECT pg_relation_size(NULL), pg_size_pretty(NULL::bigint);
> NULL | NULL
SELECT pg_database_size(current_database()) > 0;
> t
SELECT pg_database_size('no_such_database');
! 3D000
SELECT pg_size_pretty(x), pg_size_pretty(x::numeric)
  FROM (VALUES (0::bigint), (1), (10239), (10240), (-10240), (10751), (10752), (-10752), (20971519), (20971520),
               (1073741824), (1099511627776), (1125899906842624), (9223372036854775807), (-9223372036854775808)) AS s (x)
 ORDER BY x;
> -8192 PB | -8192 PB
> -11 kB | -11 kB
> -10 kB | -10 kB
> 0 bytes | 0 bytes
> 1 bytes | 1 bytes
> 10239 bytes | 10239 bytes
> 10 kB | 10 kB
> 10 kB | 10 kB
> 11 kB | 11 kB
> 20 MB | 20 MB
> 20 MB | 20 MB
> 1024 MB | 1024 MB
> 1024 GB | 1024 GB
> 1024 TB | 1024 TB
> 8192 PB | 8192 PB
SELECT pg_size_pretty(1.5), pg_size_pretty(-1.5), pg_size_pretty(100.00), pg_size_pretty(10240.7),
       pg_size_pretty(123456789012345678901234567890.5);
> 1.5 bytes | -1.5 bytes | 100.00 bytes | 10 kB | 109651655766237 PB
SELECT has_database_privilege(current_database(), 'CONNECT'), has_database_privilege(current_database(), 'create, temp');
> t | t
SELECT has_database_privilege(current_database(), 'bogus');
! 22023
SELECT has_database_privilege('no_such_database', 'CONNECT');
! 3D000
-- pg_proc holds the built-ins with PostgreSQL's OIDs, signatures and descriptions
SELECT p.oid, p.proname, p.prokind, p.provolatile, p.pronargs, l.lanname,
       pg_catalog.pg_get_function_result(p.oid), pg_catalog.pg_get_function_arguments(p.oid),
       pg_catalog.obj_description(p.oid, 'pg_proc')
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE p.oid IN (871, 1397, 2147, 2288, 2803, 3100, 3166)
 ORDER BY p.oid;
> 871 | upper | f | i | 1 | internal | text | text | uppercase
> 1397 | abs | f | i | 1 | internal | integer | integer | absolute value
> 2147 | count | a | i | 1 | internal | bigint | "any" | number of input rows for which the input expression is not null
> 2288 | pg_size_pretty | f | i | 1 | internal | text | bigint | convert a long int to a human readable text using size units
> 2803 | count | a | i | 0 | internal | bigint |  | number of input rows
> 3100 | row_number | w | i | 0 | internal | bigint |  | row number within partition
> 3166 | pg_size_pretty | f | i | 1 | internal | text | numeric | convert a numeric to a human readable text using size units
SELECT d.description FROM pg_catalog.pg_description d WHERE d.objoid = 871 AND d.classoid = 'pg_proc'::regclass;
> uppercase
SELECT pg_catalog.pg_function_is_visible(871), pg_catalog.pg_get_function_sqlbody(871);
> t | NULL
