-- First steps on a fresh node: DDL, DML, queries and transactions through psql.
-- Run with: psql -X -A -t -v ON_ERROR_STOP=1 -f first-node.sql; expected output in first-node.expected.
DROP TABLE IF EXISTS fn_emp;
CREATE TABLE fn_emp (
    id INTEGER PRIMARY KEY,
    name VARCHAR(20) NOT NULL,
    dept VARCHAR(10) NOT NULL,
    salary NUMERIC(10,2),
    active BOOLEAN DEFAULT TRUE
);
INSERT INTO fn_emp (id, name, dept, salary) VALUES
    (1, 'alice', 'eng', 120000.00),
    (2, 'bob', 'eng', 95000.50),
    (3, 'carol', 'sales', 70000.00),
    (4, 'dave', 'sales', 65000.25),
    (5, 'erin', 'ops', NULL);
UPDATE fn_emp SET salary = salary + 1000 WHERE dept = 'sales';
DELETE FROM fn_emp WHERE id = 4;
SELECT id, name, dept, salary, active FROM fn_emp ORDER BY id;
SELECT name FROM fn_emp ORDER BY salary DESC NULLS LAST, name LIMIT 2;
SELECT count(*), count(salary), sum(salary), min(salary), max(salary) FROM fn_emp;
SELECT dept, count(*), sum(salary) FROM fn_emp GROUP BY dept ORDER BY dept;
SELECT avg(salary) = 95333.5, avg(id) = 2.75 FROM fn_emp;
BEGIN;
INSERT INTO fn_emp (id, name, dept, salary) VALUES (6, 'frank', 'ops', 50000.00);
UPDATE fn_emp SET active = FALSE WHERE id = 5;
COMMIT;
BEGIN;
INSERT INTO fn_emp (id, name, dept, salary) VALUES (7, 'grace', 'eng', 1.00);
DELETE FROM fn_emp WHERE id = 1;
SELECT count(*) FROM fn_emp;
ROLLBACK;
SELECT id, name, active FROM fn_emp ORDER BY id;
SELECT 1; SELECT 2;
SELECT 'it''s', NULL, 3 + 4 * 2, 7 / 2, -5 % 3, upper('psql') || '!';
DROP TABLE fn_emp;
