-- Window functions.
CREATE TABLE s (id INT, grp TEXT, v INT);
INSERT INTO s VALUES (1, 'a', 10), (2, 'a', 20), (3, 'a', 20), (4, 'b', 5), (5, 'b', 15), (6, 'c', NULL);
SELECT id, row_number() OVER (ORDER BY id) FROM s ORDER BY id;
> 1 | 1
> 2 | 2
> 3 | 3
> 4 | 4
> 5 | 5
> 6 | 6
SELECT id, grp, row_number() OVER (PARTITION BY grp ORDER BY v DESC, id) FROM s ORDER BY id;
> 1 | a | 3
> 2 | a | 1
> 3 | a | 2
> 4 | b | 2
> 5 | b | 1
> 6 | c | 1
SELECT id, v, rank() OVER (ORDER BY v), dense_rank() OVER (ORDER BY v) FROM s ORDER BY id;
> 1 | 10 | 2 | 2
> 2 | 20 | 4 | 4
> 3 | 20 | 4 | 4
> 4 | 5 | 1 | 1
> 5 | 15 | 3 | 3
> 6 | NULL | 6 | 5
SELECT id, grp, v, rank() OVER (PARTITION BY grp ORDER BY v) FROM s ORDER BY id;
> 1 | a | 10 | 1
> 2 | a | 20 | 2
> 3 | a | 20 | 2
> 4 | b | 5 | 1
> 5 | b | 15 | 2
> 6 | c | NULL | 1
SELECT id, grp, sum(v) OVER (PARTITION BY grp ORDER BY id) FROM s ORDER BY id;
> 1 | a | 10
> 2 | a | 30
> 3 | a | 50
> 4 | b | 5
> 5 | b | 20
> 6 | c | NULL
SELECT id, grp, sum(v) OVER (PARTITION BY grp) FROM s ORDER BY id;
> 1 | a | 50
> 2 | a | 50
> 3 | a | 50
> 4 | b | 20
> 5 | b | 20
> 6 | c | NULL
SELECT id, sum(v) OVER (ORDER BY v) FROM s ORDER BY id;
> 1 | 15
> 2 | 70
> 3 | 70
> 4 | 5
> 5 | 30
> 6 | 70
SELECT id, sum(v) OVER () AS total, count(*) OVER () AS n FROM s ORDER BY id;
> 1 | 70 | 6
> 2 | 70 | 6
> 3 | 70 | 6
> 4 | 70 | 6
> 5 | 70 | 6
> 6 | 70 | 6
SELECT id, lag(v) OVER (ORDER BY id), lead(v) OVER (ORDER BY id) FROM s ORDER BY id;
> 1 | NULL | 20
> 2 | 10 | 20
> 3 | 20 | 5
> 4 | 20 | 15
> 5 | 5 | NULL
> 6 | 15 | NULL
SELECT id, first_value(v) OVER (PARTITION BY grp ORDER BY id), max(v) OVER (PARTITION BY grp) FROM s ORDER BY id;
> 1 | 10 | 20
> 2 | 10 | 20
> 3 | 10 | 20
> 4 | 5 | 15
> 5 | 5 | 15
> 6 | NULL | NULL
SELECT id, sum(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM s ORDER BY id;
> 1 | 10
> 2 | 30
> 3 | 40
> 4 | 25
> 5 | 20
> 6 | 15
SELECT grp, v FROM (SELECT grp, v, row_number() OVER (PARTITION BY grp ORDER BY v DESC NULLS LAST) AS rn FROM s) t WHERE rn = 1 ORDER BY grp;
> a | 20
> b | 15
> c | NULL
SELECT id, avg(v) OVER (PARTITION BY grp) FROM s ORDER BY id;
> 1 | 16.6666666666666667
> 2 | 16.6666666666666667
> 3 | 16.6666666666666667
> 4 | 10.0000000000000000
> 5 | 10.0000000000000000
> 6 | NULL
SELECT id, avg(v) OVER (ORDER BY id), avg(v::float8) OVER (ORDER BY id) FROM s ORDER BY id;
> 1 | 10.0000000000000000 | 10
> 2 | 15.0000000000000000 | 15
> 3 | 16.6666666666666667 | 16.666666666666668
> 4 | 13.7500000000000000 | 13.75
> 5 | 14.0000000000000000 | 14
> 6 | 14.0000000000000000 | 14
SELECT id, ntile(2) OVER (ORDER BY id) FROM s ORDER BY id;
> 1 | 1
> 2 | 1
> 3 | 1
> 4 | 2
> 5 | 2
> 6 | 2
