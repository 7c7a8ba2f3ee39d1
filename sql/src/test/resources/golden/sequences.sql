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
-- ALTER SEQUENCE: options apply to the current parameters; the sequence continues from its value
CREATE SEQUENCE a1;
SELECT nextval('a1');
> 1
ALTER SEQUENCE a1 INCREMENT BY 10;
SELECT nextval('a1'), nextval('a1');
> 11 | 21
ALTER SEQUENCE a1 MAXVALUE 40 CYCLE;
SELECT nextval('a1'), nextval('a1');
> 31 | 1
ALTER SEQUENCE a1 NO CYCLE;
SELECT nextval('a1'), nextval('a1'), nextval('a1');
> 11 | 21 | 31
SELECT nextval('a1');
! 2200H
ALTER SEQUENCE a1 NO MAXVALUE;
SELECT nextval('a1');
> 41
ALTER SEQUENCE a1 START WITH 100;
SELECT nextval('a1');
> 51
ALTER SEQUENCE a1 RESTART;
SELECT nextval('a1');
> 100
ALTER SEQUENCE a1 INCREMENT BY -7 MINVALUE 50 MAXVALUE 120 RESTART WITH 60;
SELECT nextval('a1'), nextval('a1');
> 60 | 53
SELECT nextval('a1');
! 2200H
ALTER SEQUENCE a1 NO MINVALUE CYCLE;
SELECT nextval('a1');
> 46
SELECT sequencename, data_type, start_value, min_value, max_value, increment_by, cycle, cache_size, "last_value"
  FROM pg_sequences WHERE sequencename = 'a1';
> a1 | bigint | 100 | -9223372036854775808 | 120 | -7 | t | 1 | 46
ALTER SEQUENCE a1 CACHE 20 INCREMENT 1 NO MINVALUE NO MAXVALUE START 1 RESTART WITH 5 NO CYCLE;
SELECT sequencename, data_type, start_value, min_value, max_value, increment_by, cycle, cache_size, "last_value"
  FROM pg_sequences WHERE sequencename = 'a1';
> a1 | bigint | 1 | 1 | 9223372036854775807 | 1 | f | 20 | NULL
-- (PostgreSQL caches CACHE values per session, RustyDB shares them; back to 1 before drawing)
ALTER SEQUENCE a1 CACHE 1;
SELECT nextval('a1');
> 5
-- invalid combinations
ALTER SEQUENCE a1 MINVALUE 200;
! 22023
ALTER SEQUENCE a1 MINVALUE 3;
! 22023
ALTER SEQUENCE a1 MINVALUE 50 RESTART WITH 40;
! 22023
ALTER SEQUENCE a1 MAXVALUE 4;
! 22023
ALTER SEQUENCE a1 START 10 MAXVALUE 8;
! 22023
ALTER SEQUENCE a1 MINVALUE 10 MAXVALUE 10;
! 22023
ALTER SEQUENCE a1 INCREMENT 0;
! 22023
ALTER SEQUENCE a1 CACHE 0;
! 22023
ALTER SEQUENCE a1 INCREMENT 1 INCREMENT 2;
! 42601
ALTER SEQUENCE a1 RESTART RESTART WITH 3;
! 42601
ALTER SEQUENCE a1 AS text;
! 22023
ALTER SEQUENCE a1 AS smallint MAXVALUE 100000;
! 22023
SELECT nextval('a1');
> 6
-- AS moves bounds that were the old type's limits, keeps chosen ones
CREATE SEQUENCE b1 START 2147483646;
ALTER SEQUENCE b1 AS integer;
SELECT data_type, min_value, max_value FROM pg_sequences WHERE sequencename = 'b1';
> integer | 1 | 2147483647
SELECT nextval('b1'), nextval('b1');
> 2147483646 | 2147483647
SELECT nextval('b1');
! 2200H
CREATE SEQUENCE b2 MAXVALUE 1000;
ALTER SEQUENCE b2 AS smallint;
SELECT data_type, min_value, max_value FROM pg_sequences WHERE sequencename = 'b2';
> smallint | 1 | 1000
ALTER SEQUENCE b1 AS smallint;
! 22023
CREATE SEQUENCE b3 INCREMENT -1;
ALTER SEQUENCE b3 AS integer;
SELECT data_type, min_value, max_value, start_value FROM pg_sequences WHERE sequencename = 'b3';
> integer | -2147483648 | -1 | -1
ALTER SEQUENCE b3 INCREMENT 1;
SELECT nextval('b3');
> -1
SELECT nextval('b3');
! 2200H
ALTER SEQUENCE b3 NO MINVALUE NO MAXVALUE;
! 22023
-- OWNED BY
CREATE TABLE owner (id INT, v INT);
CREATE SEQUENCE os;
ALTER SEQUENCE os OWNED BY owner.id;
DROP TABLE owner;
SELECT nextval('os');
! 42P01
CREATE TABLE owner (id INT, v INT);
CREATE SEQUENCE os OWNED BY owner.v;
ALTER SEQUENCE os OWNED BY NONE;
DROP TABLE owner;
SELECT nextval('os');
> 1
ALTER SEQUENCE os OWNED BY missing.id;
! 42P01
CREATE TABLE owner (id INT, v INT);
ALTER SEQUENCE os OWNED BY owner.nope;
! 42703
ALTER SEQUENCE os OWNED BY id;
! 42601
ALTER SEQUENCE os OWNED BY owner.id OWNED BY NONE;
! 42601
CREATE TABLE ident (id INT GENERATED BY DEFAULT AS IDENTITY, v TEXT);
ALTER SEQUENCE ident_id_seq OWNED BY NONE;
! 0A000
ALTER SEQUENCE ident_id_seq INCREMENT 5 RESTART WITH 50;
INSERT INTO ident (v) VALUES ('a'), ('b');
SELECT id, v FROM ident ORDER BY id;
> 50 | a
> 55 | b
CREATE TABLE ser (id SERIAL, v TEXT);
ALTER SEQUENCE ser_id_seq RESTART WITH 100 INCREMENT 2;
INSERT INTO ser (v) VALUES ('a'), ('b');
SELECT id, v FROM ser ORDER BY id;
> 100 | a
> 102 | b
-- not a sequence, missing
ALTER SEQUENCE owner INCREMENT 2;
! 42809
ALTER SEQUENCE missing INCREMENT 2;
! 42P01
ALTER SEQUENCE IF EXISTS missing INCREMENT 2;
