CREATE TABLE t (x INT, s TEXT);
INSERT INTO t VALUES (1, 'a'), (2, 'b');
CREATE SEQUENCE s;
CREATE VIEW tv AS SELECT x + 1, length(s), count(*) OVER () FROM t;
