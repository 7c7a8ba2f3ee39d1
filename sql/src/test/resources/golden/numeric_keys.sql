-- Numeric values compare by value wherever rows are grouped, deduplicated or matched: 1.0, 1.00
-- and 1 are one key. A group shows the representation that came first; min and max return the
-- later of equal values, as PostgreSQL's numeric_smaller/numeric_larger do.
CREATE TABLE n (x NUMERIC, y INT, s TEXT);
INSERT INTO n VALUES (1.0, 1, 'a'), (1.00, 2, 'a'), (1, 3, 'b'), (2.50, 4, 'a'), (2.5, 5, 'a'), (NULL, 6, 'a'), (0.00, 7, 'b'), (0, 8, 'b'), (-0.0, 9, 'b'), (100, 10, 'c'), (1E2, 11, 'c'), (100.0, 12, 'c');
CREATE TABLE m (x NUMERIC(10,3), z TEXT);
INSERT INTO m VALUES (1, 'one'), (2.5, 'two and a half'), (0, 'zero'), (100, 'hundred'), (7, 'seven');
-- DISTINCT
SELECT DISTINCT x FROM n ORDER BY x;
> 0.00
> 1.0
> 2.50
> 100
> NULL
SELECT DISTINCT x, s FROM n ORDER BY x, s;
> 0.00 | b
> 1.0 | a
> 1 | b
> 2.50 | a
> 100 | c
> NULL | a
SELECT count(*) FROM (SELECT DISTINCT x FROM n) d;
> 5
-- GROUP BY, HAVING, grouping sets
SELECT x, count(*), sum(y) FROM n GROUP BY x ORDER BY x;
> 0.00 | 3 | 24
> 1.0 | 3 | 6
> 2.50 | 2 | 9
> 100 | 3 | 33
> NULL | 1 | 6
SELECT s, x, count(*) FROM n GROUP BY s, x ORDER BY s, x;
> a | 1.0 | 2
> a | 2.50 | 2
> a | NULL | 1
> b | 0.00 | 3
> b | 1 | 1
> c | 100 | 3
SELECT x, count(*) FROM n GROUP BY x HAVING count(*) > 2 ORDER BY x;
> 0.00 | 3
> 1.0 | 3
> 100 | 3
SELECT x, sum(y) FROM n GROUP BY ROLLUP (x) ORDER BY x, 2;
> 0.00 | 24
> 1.0 | 6
> 2.50 | 9
> 100 | 33
> NULL | 6
> NULL | 78
SELECT x, s, grouping(x), sum(y) FROM n GROUP BY CUBE (x, s) ORDER BY x, s, 3;
> 0.00 | b | 0 | 24
> 0.00 | NULL | 0 | 24
> 1.0 | a | 0 | 3
> 1 | b | 0 | 3
> 1.0 | NULL | 0 | 6
> 2.50 | a | 0 | 9
> 2.50 | NULL | 0 | 9
> 100 | c | 0 | 33
> 100 | NULL | 0 | 33
> NULL | a | 0 | 6
> NULL | a | 1 | 18
> NULL | b | 1 | 27
> NULL | c | 1 | 33
> NULL | NULL | 0 | 6
> NULL | NULL | 1 | 78
-- COUNT(DISTINCT) and other DISTINCT aggregates
SELECT count(DISTINCT x), count(*) FROM n;
> 4 | 12
SELECT s, count(DISTINCT x) FROM n GROUP BY s ORDER BY s;
> a | 2
> b | 2
> c | 1
SELECT count(DISTINCT x), count(DISTINCT s), sum(DISTINCT y) FROM n;
> 4 | 3 | 78
SELECT min(x), max(x) FROM n;
> 0.0 | 100.0
SELECT s, min(x), max(x) FROM n GROUP BY s ORDER BY s;
> a | 1.00 | 2.5
> b | 0.0 | 1
> c | 100.0 | 100.0
-- UNION, INTERSECT, EXCEPT
SELECT x FROM n UNION SELECT x FROM m ORDER BY 1;
> 0.00
> 1.0
> 2.50
> 7.000
> 100
> NULL
SELECT x FROM m UNION SELECT x FROM n ORDER BY 1;
> 0.000
> 1.000
> 2.500
> 7.000
> 100.000
> NULL
SELECT x FROM n INTERSECT SELECT x FROM m ORDER BY 1;
> 0.00
> 1.0
> 2.50
> 100
SELECT x FROM m INTERSECT SELECT x FROM n ORDER BY 1;
> 0.000
> 1.000
> 2.500
> 100.000
SELECT x FROM n EXCEPT SELECT x FROM m ORDER BY 1;
> NULL
SELECT x FROM m EXCEPT SELECT x FROM n ORDER BY 1;
> 7.000
SELECT x, count(*) FROM (SELECT x FROM n UNION ALL SELECT x FROM m) v GROUP BY x ORDER BY x;
> 0.00 | 4
> 1.0 | 4
> 2.50 | 3
> 7.000 | 1
> 100 | 4
> NULL | 1
-- joins on numeric keys of different scales
SELECT n.y, m.z FROM n JOIN m ON n.x = m.x ORDER BY n.y;
> 1 | one
> 2 | one
> 3 | one
> 4 | two and a half
> 5 | two and a half
> 7 | zero
> 8 | zero
> 9 | zero
> 10 | hundred
> 11 | hundred
> 12 | hundred
SELECT n.y, m.z FROM n, m WHERE n.x = m.x ORDER BY n.y;
> 1 | one
> 2 | one
> 3 | one
> 4 | two and a half
> 5 | two and a half
> 7 | zero
> 8 | zero
> 9 | zero
> 10 | hundred
> 11 | hundred
> 12 | hundred
SELECT n.y, m.z FROM n LEFT JOIN m ON n.x = m.x ORDER BY n.y;
> 1 | one
> 2 | one
> 3 | one
> 4 | two and a half
> 5 | two and a half
> 6 | NULL
> 7 | zero
> 8 | zero
> 9 | zero
> 10 | hundred
> 11 | hundred
> 12 | hundred
SELECT n.y, m.z FROM n RIGHT JOIN m ON n.x = m.x ORDER BY n.y, m.z;
> 1 | one
> 2 | one
> 3 | one
> 4 | two and a half
> 5 | two and a half
> 7 | zero
> 8 | zero
> 9 | zero
> 10 | hundred
> 11 | hundred
> 12 | hundred
> NULL | seven
SELECT n.y, m.z FROM n FULL JOIN m ON n.x = m.x ORDER BY n.y, m.z;
> 1 | one
> 2 | one
> 3 | one
> 4 | two and a half
> 5 | two and a half
> 6 | NULL
> 7 | zero
> 8 | zero
> 9 | zero
> 10 | hundred
> 11 | hundred
> 12 | hundred
> NULL | seven
SELECT n.y, m.z FROM n JOIN m ON n.x = m.x AND n.s < m.z ORDER BY n.y;
> 1 | one
> 2 | one
> 3 | one
> 4 | two and a half
> 5 | two and a half
> 7 | zero
> 8 | zero
> 9 | zero
> 10 | hundred
> 11 | hundred
> 12 | hundred
SELECT a.y, b.y FROM n a JOIN n b ON a.x = b.x AND a.y < b.y ORDER BY 1, 2;
> 1 | 2
> 1 | 3
> 2 | 3
> 4 | 5
> 7 | 8
> 7 | 9
> 8 | 9
> 10 | 11
> 10 | 12
> 11 | 12
-- IN, EXISTS and IN-lists
SELECT y FROM n WHERE x IN (SELECT x FROM m) ORDER BY y;
> 1
> 2
> 3
> 4
> 5
> 7
> 8
> 9
> 10
> 11
> 12
SELECT y FROM n WHERE x NOT IN (SELECT x FROM m WHERE x > 50) ORDER BY y;
> 1
> 2
> 3
> 4
> 5
> 7
> 8
> 9
SELECT y FROM n WHERE EXISTS (SELECT 1 FROM m WHERE m.x = n.x) ORDER BY y;
> 1
> 2
> 3
> 4
> 5
> 7
> 8
> 9
> 10
> 11
> 12
SELECT y FROM n WHERE NOT EXISTS (SELECT 1 FROM m WHERE m.x = n.x) ORDER BY y;
> 6
SELECT z FROM m WHERE x IN (SELECT x FROM n) ORDER BY z;
> hundred
> one
> two and a half
> zero
SELECT y FROM n WHERE x IN (1.000, 2.5000) ORDER BY y;
> 1
> 2
> 3
> 4
> 5
SELECT y FROM n WHERE x IN (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 100.000) ORDER BY y;
> 1
> 2
> 3
> 7
> 8
> 9
> 10
> 11
> 12
SELECT y FROM n WHERE x NOT IN (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 100.000) ORDER BY y;
> 4
> 5
-- window partitions
SELECT y, count(*) OVER (PARTITION BY x), sum(y) OVER (PARTITION BY x ORDER BY y ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM n ORDER BY y;
> 1 | 3 | 1
> 2 | 3 | 3
> 3 | 3 | 5
> 4 | 2 | 4
> 5 | 2 | 9
> 6 | 1 | 6
> 7 | 3 | 7
> 8 | 3 | 15
> 9 | 3 | 17
> 10 | 3 | 10
> 11 | 3 | 21
> 12 | 3 | 23
-- Literals of different scales (VALUES, UNION) are numeric without a fixed scale and compare by value.
SELECT x FROM (VALUES (1.0), (1.00), (1)) v(x);
> 1.0
> 1.00
> 1
SELECT DISTINCT x FROM (VALUES (1.0), (1.00), (1)) v(x);
> 1.0
SELECT DISTINCT x FROM (VALUES (1.00), (1.0), (1)) v(x);
> 1.00
SELECT x, count(*) FROM (VALUES (1.0), (1.00), (1), (2.50), (2.5)) v(x) GROUP BY x ORDER BY x;
> 1.0 | 3
> 2.50 | 2
SELECT count(DISTINCT x) FROM (VALUES (1.0), (1.00), (1), (2)) v(x);
> 2
SELECT 1.0 UNION SELECT 1.00;
> 1.0
SELECT 1.00 UNION SELECT 1.0;
> 1.00
SELECT 1 UNION SELECT 1.0;
> 1
SELECT 1.00 INTERSECT SELECT 1.0;
> 1.00
SELECT 1.0 INTERSECT SELECT 1.00;
> 1.0
SELECT x FROM (VALUES (1.0), (2.00), (3)) a(x) EXCEPT SELECT y FROM (VALUES (1.00), (2)) b(y);
> 3
SELECT a.x, b.y FROM (VALUES (1.0), (2.5)) a(x) JOIN (VALUES (1), (2.50), (3)) b(y) ON a.x = b.y ORDER BY a.x;
> 1.0 | 1
> 2.5 | 2.50
