-- DELETE ... USING: a target row is deleted, once, if it joins with a row of the USING list.
CREATE TABLE items (id INT PRIMARY KEY, kind TEXT, qty INT);
CREATE TABLE retired (kind TEXT, reason TEXT);
CREATE TABLE extra (id INT, note TEXT);
INSERT INTO items VALUES (1, 'a', 10), (2, 'b', 20), (3, 'a', 30), (4, 'c', 40), (5, 'd', 50), (6, 'e', 60);
INSERT INTO retired VALUES ('a', 'old'), ('a', 'duplicate'), ('x', 'none');
DELETE FROM items USING retired WHERE items.kind = retired.kind;
SELECT id, kind FROM items ORDER BY id;
> 2 | b
> 4 | c
> 5 | d
> 6 | e
-- each row once, however many USING rows match; RETURNING may name the USING tables' columns
INSERT INTO items VALUES (1, 'a', 10), (3, 'a', 30);
DELETE FROM items i USING retired r WHERE i.kind = r.kind AND r.reason = 'old' RETURNING i.id, i.qty * 2 AS double_qty, r.reason;
> 1 | 20 | old
> 3 | 60 | old
DELETE FROM items USING retired;
SELECT count(*) FROM items;
> 0
-- an empty USING list deletes nothing
INSERT INTO items VALUES (1, 'a', 10), (3, 'a', 30), (7, 'f', 70);
DELETE FROM items USING extra WHERE items.id > 0;
SELECT count(*) FROM items;
> 3
-- a comma list, a join and a subquery
INSERT INTO extra VALUES (1, 'one'), (3, 'three'), (4, 'four');
INSERT INTO items VALUES (4, 'c', 40);
DELETE FROM items USING extra, retired WHERE items.id = extra.id AND retired.kind = items.kind RETURNING items.id, extra.note;
> 1 | one
> 3 | three
DELETE FROM items USING extra JOIN (SELECT 4 AS k) AS s ON s.k = extra.id WHERE items.id = extra.id RETURNING *;
> 4 | c | 40 | 4 | four | 4
DELETE FROM items AS it USING (SELECT max(qty) AS top FROM items) AS m WHERE it.qty = m.top RETURNING it.*;
> 7 | f | 70
SELECT id, kind, qty FROM items ORDER BY id;
> (0 rows)
-- the target table again under another name (keep only the largest qty per kind)
INSERT INTO items VALUES (10, 'k', 1), (11, 'k', 2), (12, 'k', 3), (13, 'm', 5);
DELETE FROM items USING items AS other WHERE items.kind = other.kind AND items.qty < other.qty RETURNING items.id;
> 10
> 11
SELECT id, kind, qty FROM items ORDER BY id;
> 12 | k | 3
> 13 | m | 5
-- USING with a condition that uses a subquery on a third table
DELETE FROM items USING extra WHERE items.id = extra.id + 1 AND EXISTS (SELECT 1 FROM retired WHERE retired.kind = 'x');
SELECT id FROM items ORDER BY id;
> 12
> 13
-- errors
DELETE FROM items USING items WHERE items.id = 1;
! 42712
DELETE FROM items USING missing WHERE items.id = missing.id;
! 42P01
DELETE FROM items USING extra WHERE items.nope = extra.id;
! 42703
DELETE FROM items USING extra WHERE id = 1;
! 42702
SELECT count(*) FROM items, items;
! 42712
