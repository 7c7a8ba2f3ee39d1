-- CREATE / ALTER / DROP SEQUENCE and the sequence functions.
-- currval/lastval are per session; pg-expected.py runs each statement in its own session, so
-- they are tested in SequenceTest.
CREATE SEQUENCE s;
SELECT nextval('s');
> 1
SELECT nextval('s'), currval('s');
> 2 | 2
SELECT setval('s', 10);
> 10
SELECT nextval('s');
> 11
SELECT setval('s', 42, false);
> 42
SELECT nextval('s'), nextval('s');
> 42 | 43
SELECT currval('missing');
! 42P01
SELECT nextval('public.s');
> 44
SELECT nextval('S');
> 45
SELECT nextval('"S"');
! 42P01
CREATE SEQUENCE s;
! 42P07
CREATE SEQUENCE IF NOT EXISTS s;
CREATE SEQUENCE up INCREMENT BY 5 START WITH 10 MAXVALUE 20;
SELECT nextval('up'), nextval('up'), nextval('up');
> 10 | 15 | 20
SELECT nextval('up');
! 2200H
SELECT setval('up', 21);
! 22003
SELECT setval('up', 0);
! 22003
CREATE SEQUENCE down INCREMENT -1;
SELECT nextval('down'), nextval('down');
> -1 | -2
CREATE SEQUENCE cyc MINVALUE 1 MAXVALUE 3 CYCLE;
SELECT nextval('cyc'), nextval('cyc'), nextval('cyc'), nextval('cyc');
> 1 | 2 | 3 | 1
CREATE SEQUENCE small AS smallint START 32766;
SELECT nextval('small'), nextval('small');
> 32766 | 32767
SELECT nextval('small');
! 2200H
CREATE SEQUENCE bad INCREMENT 0;
! 22023
CREATE SEQUENCE bad MINVALUE 10 MAXVALUE 5;
! 22023
CREATE SEQUENCE bad START 0;
! 22023
CREATE SEQUENCE bad AS text;
! 22023
CREATE SEQUENCE bad AS smallint MAXVALUE 40000;
! 22023
ALTER SEQUENCE up RESTART;
SELECT nextval('up');
> 10
ALTER SEQUENCE up RESTART WITH 15;
SELECT nextval('up');
> 15
ALTER SEQUENCE up RESTART WITH 100;
! 22023
ALTER SEQUENCE missing RESTART;
! 42P01
ALTER SEQUENCE IF EXISTS missing RESTART;
CREATE TABLE t (a INT);
SELECT nextval('t');
! 42809
CREATE SEQUENCE t;
! 42P07
DROP SEQUENCE t;
! 42809
DROP SEQUENCE missing;
! 42P01
DROP SEQUENCE IF EXISTS missing;
DROP SEQUENCE up, down;
SELECT nextval('up');
! 42P01
SELECT nextval(NULL);
> NULL
CREATE SEQUENCE x START 100;
INSERT INTO t SELECT nextval('x') FROM (VALUES (1), (2), (3)) v(n);
SELECT a FROM t
 ORDER BY a;
> 100
> 101
> 102
CREATE TABLE withdefault (id BIGINT DEFAULT nextval('x'), label TEXT);
INSERT INTO withdefault (label) VALUES ('a'), ('b');
INSERT INTO withdefault VALUES (DEFAULT, 'c');
INSERT INTO withdefault VALUES (7, 'd');
SELECT id, label FROM withdefault
 ORDER BY label;
> 103 | a
> 104 | b
> 105 | c
> 7 | d
