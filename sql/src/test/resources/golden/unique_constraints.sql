-- UNIQUE column and table constraints in CREATE TABLE.
CREATE TABLE u1 (id INT PRIMARY KEY, email TEXT UNIQUE, a INT, b INT, UNIQUE (a, b));
INSERT INTO u1 VALUES (1, 'x@y', 1, 1);
INSERT INTO u1 VALUES (2, 'x@y', 2, 2);
! 23505
INSERT INTO u1 VALUES (3, 'z@y', 1, 1);
! 23505
INSERT INTO u1 VALUES (4, NULL, NULL, 1), (5, NULL, NULL, 1);
UPDATE u1 SET email = 'x@y' WHERE id = 4;
! 23505
SELECT id, email, a, b FROM u1 ORDER BY id;
> 1 | x@y | 1 | 1
> 4 | NULL | NULL | 1
> 5 | NULL | NULL | 1
CREATE TABLE u2 (a INT, CONSTRAINT u2_a_unique UNIQUE (a));
INSERT INTO u2 VALUES (1), (2);
INSERT INTO u2 VALUES (2);
! 23505
SELECT count(*) FROM u2;
> 2
CREATE TABLE u3 (a INT UNIQUE, b INT, UNIQUE (nope));
! 42703
