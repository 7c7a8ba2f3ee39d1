-- DISTINCT, DISTINCT over several columns and NULLs, COUNT(DISTINCT).
CREATE TABLE t (a INT, b TEXT);
INSERT INTO t VALUES (1, 'x'), (1, 'x'), (1, 'y'), (2, NULL), (2, NULL), (NULL, 'z'), (NULL, 'z');
SELECT DISTINCT a FROM t ORDER BY a;
> 1
> 2
> NULL
SELECT DISTINCT a, b FROM t ORDER BY a, b;
> 1 | x
> 1 | y
> 2 | NULL
> NULL | z
SELECT count(DISTINCT a), count(DISTINCT b), count(*) FROM t;
> 2 | 3 | 7
SELECT a, count(DISTINCT b) FROM t GROUP BY a ORDER BY a;
> 1 | 2
> 2 | 0
> NULL | 1
SELECT DISTINCT b FROM t WHERE a = 1 ORDER BY b DESC;
> y
> x
SELECT DISTINCT a % 2 AS parity FROM t WHERE a IS NOT NULL ORDER BY parity;
> 0
> 1
SELECT sum(DISTINCT a) FROM t;
> 3
