-- Inner, left, right and full outer joins, JOIN ... USING, cross and self joins.
CREATE TABLE dept (id INT PRIMARY KEY, name VARCHAR(20));
CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20), dept_id INT, salary NUMERIC(8,2));
INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty');
INSERT INTO emp VALUES (10, 'ada', 1, 100.00), (11, 'bob', 1, 80.50), (12, 'cy', 2, 70.00), (13, 'dee', NULL, 50.00);

SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.name;
> ada | eng
> bob | eng
> cy | ops
SELECT e.name, d.name FROM emp e INNER JOIN dept d ON e.dept_id = d.id WHERE e.salary > 75 ORDER BY e.name;
> ada | eng
> bob | eng
SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON e.dept_id = d.id ORDER BY e.name;
> ada | eng
> bob | eng
> cy | ops
> dee | NULL
SELECT d.name, e.name FROM emp e RIGHT JOIN dept d ON e.dept_id = d.id ORDER BY d.name, e.name;
> empty | NULL
> eng | ada
> eng | bob
> ops | cy
SELECT e.name, d.name FROM emp e FULL JOIN dept d ON e.dept_id = d.id ORDER BY e.name, d.name;
> ada | eng
> bob | eng
> cy | ops
> dee | NULL
> NULL | empty
SELECT d.name, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.name ORDER BY d.name;
> empty | 0
> eng | 2
> ops | 1

CREATE TABLE a (k INT, va TEXT);
CREATE TABLE b (k INT, vb TEXT);
INSERT INTO a VALUES (1, 'a1'), (2, 'a2'), (3, 'a3');
INSERT INTO b VALUES (2, 'b2'), (3, 'b3'), (4, 'b4');
SELECT k, va, vb FROM a JOIN b USING (k) ORDER BY k;
> 2 | a2 | b2
> 3 | a3 | b3
SELECT k, va, vb FROM a LEFT JOIN b USING (k) ORDER BY k;
> 1 | a1 | NULL
> 2 | a2 | b2
> 3 | a3 | b3
SELECT k, va, vb FROM a FULL JOIN b USING (k) ORDER BY k;
> 1 | a1 | NULL
> 2 | a2 | b2
> 3 | a3 | b3
> 4 | NULL | b4
SELECT * FROM a JOIN b USING (k) ORDER BY k;
> 2 | a2 | b2
> 3 | a3 | b3
SELECT a.va, b.vb FROM a CROSS JOIN b WHERE a.k = 1 ORDER BY b.vb;
> a1 | b2
> a1 | b3
> a1 | b4
SELECT count(*) FROM a, b;
> 9
SELECT x.va, y.va FROM a x JOIN a y ON y.k = x.k + 1 ORDER BY x.va;
> a1 | a2
> a2 | a3
SELECT a.va, b.vb FROM a LEFT JOIN b ON a.k = b.k AND b.vb <> 'b2' ORDER BY a.va;
> a1 | NULL
> a2 | NULL
> a3 | b3
SELECT a.va FROM a LEFT JOIN b ON a.k = b.k WHERE b.k IS NULL ORDER BY a.va;
> a1
SELECT * FROM a NATURAL JOIN b ORDER BY k;
> 2 | a2 | b2
> 3 | a3 | b3
