-- Secondary indexes: built over existing rows, unique violations, lookups through them.
CREATE TABLE inv (id INT PRIMARY KEY, sku TEXT, qty INT, price NUMERIC(8,2));
INSERT INTO inv VALUES (1, 'a', 5, 1.50), (2, 'b', 0, 2.00), (3, 'c', 5, NULL), (4, 'a', 7, 3.25), (5, NULL, 2, 1.00), (6, 'd', NULL, 9.99);
CREATE INDEX inv_sku ON inv (sku);
CREATE INDEX inv_qty_price ON inv USING btree (qty DESC, price);
CREATE INDEX IF NOT EXISTS inv_sku ON inv (qty);
CREATE INDEX inv_sku ON inv (qty);
! 42P07
CREATE INDEX inv_bad ON inv (nope);
! 42703
CREATE INDEX ON inv (price);
CREATE UNIQUE INDEX inv_sku_u ON inv (sku);
! 23505
CREATE UNIQUE INDEX inv_id_sku ON inv (id, sku);
ANALYZE inv;
SELECT id, qty FROM inv WHERE sku = 'a'
 ORDER BY id;
> 1 | 5
> 4 | 7
SELECT id FROM inv WHERE sku IS NULL;
> 5
SELECT id FROM inv WHERE qty = 5 AND price > 1
 ORDER BY id;
> 1
SELECT id FROM inv WHERE qty >= 2 AND qty < 7
 ORDER BY id;
> 1
> 3
> 5
SELECT id FROM inv WHERE qty BETWEEN 0 AND 5
 ORDER BY id;
> 1
> 2
> 3
> 5
SELECT id FROM inv WHERE sku IN ('b', 'd', 'b', 'zz')
 ORDER BY id;
> 2
> 6
SELECT id FROM inv WHERE id > 4
 ORDER BY id;
> 5
> 6
SELECT id FROM inv WHERE id <= 2 OR id = 6
 ORDER BY id;
> 1
> 2
> 6
SELECT count(*) FROM inv WHERE qty > 100;
> 0
UPDATE inv SET sku = 'z' WHERE sku = 'a' AND qty = 7;
UPDATE inv SET qty = qty + 1 WHERE qty = 5;
DELETE FROM inv WHERE sku = 'b';
SELECT id, sku, qty FROM inv WHERE sku = 'a' OR sku = 'z'
 ORDER BY id;
> 1 | a | 6
> 4 | z | 7
SELECT id FROM inv WHERE qty = 6
 ORDER BY id;
> 1
> 3
SELECT id FROM inv WHERE sku = 'b';
> (0 rows)
-- unique indexes: NULLs are not equal to each other
CREATE TABLE users (id INT PRIMARY KEY, email TEXT, team INT);
CREATE UNIQUE INDEX users_email ON users (email);
INSERT INTO users VALUES (1, 'x@y', 1), (2, NULL, 1), (3, NULL, 2);
INSERT INTO users VALUES (4, 'x@y', 3);
! 23505
UPDATE users SET email = 'x@y' WHERE id = 2;
! 23505
UPDATE users SET email = 'q@y' WHERE id = 1;
INSERT INTO users VALUES (4, 'x@y', 3);
INSERT INTO users SELECT id + 10, email, team FROM users WHERE id = 4;
! 23505
SELECT id, email FROM users WHERE email = 'x@y';
> 4 | x@y
SELECT id FROM users WHERE email IS NULL
 ORDER BY id;
> 2
> 3
DROP INDEX users_email;
INSERT INTO users VALUES (5, 'x@y', 3);
SELECT count(*) FROM users WHERE email = 'x@y';
> 2
DROP INDEX users_email;
! 42704
DROP INDEX IF EXISTS users_email;
DROP INDEX users_pkey;
! 2BP01
-- indexes follow TRUNCATE and ALTER TABLE, and go with DROP COLUMN and DROP TABLE
CREATE INDEX users_team ON users (team);
TRUNCATE users;
INSERT INTO users VALUES (1, 'a', 1), (2, 'b', 1);
SELECT id FROM users WHERE team = 1
 ORDER BY id;
> 1
> 2
ALTER TABLE users ADD COLUMN note TEXT DEFAULT 'n';
SELECT id, note FROM users WHERE team = 1
 ORDER BY id;
> 1 | n
> 2 | n
ALTER TABLE users DROP COLUMN team;
DROP INDEX users_team;
! 42704
DROP TABLE inv;
DROP INDEX inv_sku;
! 42704
CREATE TABLE inv_sku (a INT);
