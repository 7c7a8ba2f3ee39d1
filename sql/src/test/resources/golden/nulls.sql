-- NULL semantics: comparisons, three-valued logic, NOT IN, aggregates, ordering.
CREATE TABLE n (id INT, v INT);
INSERT INTO n VALUES (1, 3), (2, NULL), (3, 1), (4, NULL), (5, 2);
SELECT NULL IS NOT DISTINCT FROM NULL, 1 IS DISTINCT FROM NULL, 1 IS DISTINCT FROM 1;
> t | t | f
SELECT true AND NULL, false AND NULL, true OR NULL, false OR NULL, NOT (NULL::boolean);
> NULL | f | t | NULL | NULL
SELECT count(*) FROM n WHERE v = NULL;
> 0
SELECT id FROM n WHERE v IS NULL ORDER BY id;
> 2
> 4
SELECT id FROM n WHERE v <> 3 ORDER BY id;
> 3
> 5
SELECT 1 IN (1, NULL), 2 IN (1, NULL), 2 NOT IN (1, NULL), 1 NOT IN (2, 3);
> t | NULL | NULL | t
SELECT count(*) FROM n WHERE id NOT IN (SELECT v FROM n);
> 0
SELECT count(*) FROM n WHERE id NOT IN (SELECT v FROM n WHERE v IS NOT NULL);
> 2
SELECT count(*) FROM n WHERE id IN (SELECT v FROM n);
> 3
SELECT count(*), count(v), sum(v), avg(v), min(v), max(v) FROM n;
> 5 | 3 | 6 | 2.0000000000000000 | 1 | 3
SELECT count(*), count(v), sum(v), avg(v), min(v), max(v) FROM n WHERE v IS NULL;
> 2 | 0 | NULL | NULL | NULL | NULL
SELECT sum(v) FROM n WHERE id > 100;
> NULL
SELECT count(*) FROM n WHERE id > 100;
> 0
SELECT id, v FROM n ORDER BY v, id;
> 3 | 1
> 5 | 2
> 1 | 3
> 2 | NULL
> 4 | NULL
SELECT id, v FROM n ORDER BY v DESC, id;
> 2 | NULL
> 4 | NULL
> 1 | 3
> 5 | 2
> 3 | 1
SELECT id, v FROM n ORDER BY v NULLS FIRST, id;
> 2 | NULL
> 4 | NULL
> 3 | 1
> 5 | 2
> 1 | 3
SELECT id, v FROM n ORDER BY v DESC NULLS LAST, id;
> 1 | 3
> 5 | 2
> 3 | 1
> 2 | NULL
> 4 | NULL
SELECT v, count(*) FROM n GROUP BY v ORDER BY v;
> 1 | 1
> 2 | 1
> 3 | 1
> NULL | 2
SELECT id, v + 1, v * 0 FROM n ORDER BY id;
> 1 | 4 | 0
> 2 | NULL | NULL
> 3 | 2 | 0
> 4 | NULL | NULL
> 5 | 3 | 0
SELECT max(NULL::int), count(NULL);
> NULL | 0
SELECT id FROM n WHERE NOT (v > 1) ORDER BY id;
> 3
SELECT id FROM n WHERE v BETWEEN 1 AND 2 ORDER BY id;
> 3
> 5
SELECT v IS NULL AS is_null, count(*) FROM n GROUP BY v IS NULL ORDER BY is_null;
> f | 3
> t | 2
SELECT NULL = NULL;
> NULL
SELECT 1 = NULL;
> NULL
SELECT CAST(NULL AS INT);
> NULL
-- Moved back from known-gaps.md once RustyDB matched PostgreSQL.
SELECT NULL = NULL, NULL <> NULL, NULL IS NULL, 1 = NULL;
> NULL | NULL | t | NULL
SELECT NULL, NULL;
> NULL | NULL
SELECT true, false;
> t | f
VALUES (true, NULL::int, 'x');
> t | NULL | x
