-- Columns of subqueries and VALUES lists are named as PostgreSQL names them, so they can be referenced.
CREATE TABLE t (x INT, s TEXT);
INSERT INTO t VALUES (1, 'a'), (2, 'bbb'), (3, 'cc');
SELECT v.column1, v.column2 FROM (VALUES (1, 'one'), (2, 'two')) v ORDER BY v.column1 DESC;
> 2 | two
> 1 | one
SELECT column2 FROM (VALUES (1, 'one'), (2, 'two')) AS v WHERE column1 = 2;
> two
SELECT q.length FROM (SELECT length(s) FROM t) q ORDER BY 1;
> 1
> 2
> 3
SELECT sub."?column?" FROM (SELECT x * 10 FROM t) sub ORDER BY 1;
> 10
> 20
> 30
SELECT s, length(s) FROM t ORDER BY length DESC;
> bbb | 3
> cc | 2
> a | 1
SELECT x, x + 1 FROM t ORDER BY x DESC LIMIT 1;
> 3 | 4
WITH c AS (SELECT length(s) FROM t WHERE x = 2) SELECT c.length + 1 FROM c;
> 4
SELECT * FROM (SELECT x, s FROM t) AS a JOIN (VALUES (1, 'z')) AS b ON a.x = b.column1;
> 1 | a | 1 | z
