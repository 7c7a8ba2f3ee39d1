-- COALESCE and NULLIF.
CREATE TABLE t (id INT, a INT, b INT, s TEXT);
INSERT INTO t VALUES (1, NULL, 2, NULL), (2, 1, NULL, 'x'), (3, NULL, NULL, ''), (4, 5, 5, 'y');
SELECT id, coalesce(a, b) FROM t ORDER BY id;
> 1 | 2
> 2 | 1
> 3 | NULL
> 4 | 5
SELECT id, coalesce(a, b, 0) FROM t ORDER BY id;
> 1 | 2
> 2 | 1
> 3 | 0
> 4 | 5
SELECT id, coalesce(s, '(none)') FROM t ORDER BY id;
> 1 | (none)
> 2 | x
> 3 | 
> 4 | y
SELECT id, nullif(a, b) FROM t ORDER BY id;
> 1 | NULL
> 2 | 1
> 3 | NULL
> 4 | NULL
SELECT id, nullif(s, '') FROM t ORDER BY id;
> 1 | NULL
> 2 | x
> 3 | NULL
> 4 | y
SELECT id, coalesce(nullif(s, ''), 'empty') FROM t ORDER BY id;
> 1 | empty
> 2 | x
> 3 | empty
> 4 | y
SELECT coalesce(NULL, NULL, 3);
> 3
SELECT nullif(1, 1), nullif(1, 2);
> NULL | 1
SELECT id, 10 / nullif(b, 0) FROM t ORDER BY id;
> 1 | 5
> 2 | NULL
> 3 | NULL
> 4 | 2
-- Integer and numeric arguments: the result is numeric without a fixed scale, each value keeps its own.
SELECT coalesce(1, 2.5);
> 1
SELECT coalesce(NULL, 2.5), coalesce(1.50, 2.5), coalesce(2.5, 1.50), coalesce(1, 2.5) + 1.25;
> 2.5 | 1.50 | 2.5 | 2.25
SELECT id, coalesce(a, 0.5) FROM t ORDER BY id;
> 1 | 0.5
> 2 | 1
> 3 | 0.5
> 4 | 5
CREATE TABLE m (id INT, n NUMERIC(6,2), u NUMERIC);
INSERT INTO m VALUES (1, 1.5, 1.5), (2, 2, 2.000), (3, NULL, NULL);
SELECT id, coalesce(n, 0), coalesce(u, 0), coalesce(n, u), coalesce(n, n) FROM m ORDER BY id;
> 1 | 1.50 | 1.5 | 1.50 | 1.50
> 2 | 2.00 | 2.000 | 2.00 | 2.00
> 3 | 0 | 0 | NULL | NULL
SELECT id, greatest(n, id), least(u, 2), greatest(n, u, NULL) FROM m ORDER BY id;
> 1 | 1.50 | 1.5 | 1.50
> 2 | 2.00 | 2.000 | 2.00
> 3 | 3 | 2 | NULL
SELECT coalesce(u, 0) AS v, count(*) FROM m GROUP BY v ORDER BY v;
> 0 | 1
> 1.5 | 1
> 2.000 | 1
SELECT x FROM (VALUES (1), (2.5), (3.25)) v(x) ORDER BY x;
> 1
> 2.5
> 3.25
SELECT x FROM (SELECT 1 AS x UNION ALL SELECT 2.5) s ORDER BY x;
> 1
> 2.5
