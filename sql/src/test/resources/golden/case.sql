-- CASE (searched and simple).
CREATE TABLE t (id INT, score INT);
INSERT INTO t VALUES (1, 95), (2, 75), (3, 50), (4, NULL);
SELECT id, CASE WHEN score >= 90 THEN 'A' WHEN score >= 70 THEN 'B' ELSE 'C' END FROM t ORDER BY id;
> 1 | A
> 2 | B
> 3 | C
> 4 | C
SELECT id, CASE WHEN score >= 90 THEN 'A' WHEN score >= 70 THEN 'B' END FROM t ORDER BY id;
> 1 | A
> 2 | B
> 3 | NULL
> 4 | NULL
SELECT id, CASE id WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END FROM t ORDER BY id;
> 1 | one
> 2 | two
> 3 | many
> 4 | many
SELECT id, CASE score WHEN NULL THEN 'null?' ELSE 'other' END FROM t ORDER BY id;
> 1 | other
> 2 | other
> 3 | other
> 4 | other
SELECT sum(CASE WHEN score > 60 THEN 1 ELSE 0 END) AS passed, count(CASE WHEN score <= 60 THEN 1 END) AS failed FROM t;
> 2 | 1
SELECT id, CASE WHEN score IS NULL THEN -1 ELSE score * 2 END FROM t ORDER BY id;
> 1 | 190
> 2 | 150
> 3 | 100
> 4 | -1
SELECT id FROM t ORDER BY CASE WHEN id = 3 THEN 0 ELSE 1 END, id;
> 3
> 1
> 2
> 4
-- Integer and numeric branches: the result is numeric without a fixed scale, each value keeps its own.
SELECT CASE WHEN 1 = 1 THEN 1 ELSE 2.5 END;
> 1
SELECT CASE WHEN 1 = 2 THEN 1.50 ELSE 2.5 END, CASE WHEN 1 = 1 THEN 1.50 ELSE 2.5 END;
> 2.5 | 1.50
SELECT id, CASE WHEN score > 60 THEN score ELSE 0.5 END FROM t ORDER BY id;
> 1 | 95
> 2 | 75
> 3 | 0.5
> 4 | 0.5
SELECT DISTINCT CASE WHEN score > 60 THEN 1 ELSE 1.0 END FROM t;
> 1
