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
