-- UPDATE ... FROM: each target row is updated at most once.
CREATE TABLE stock (id INT PRIMARY KEY, qty INT, note TEXT);
CREATE TABLE deliveries (item INT, amount INT, supplier TEXT);
CREATE TABLE suppliers (name TEXT, city TEXT);
INSERT INTO stock VALUES (1, 10, NULL), (2, 20, NULL), (3, 30, NULL);
INSERT INTO deliveries VALUES (1, 5, 'acme'), (3, 7, 'bolt');
INSERT INTO suppliers VALUES ('acme', 'Oslo'), ('bolt', 'Rome');
UPDATE stock SET qty = qty + d.amount FROM deliveries d WHERE d.item = stock.id;
SELECT id, qty FROM stock
 ORDER BY id;
> 1 | 15
> 2 | 20
> 3 | 37
UPDATE stock s SET note = d.supplier || '@' || sup.city FROM deliveries d, suppliers sup
 WHERE d.item = s.id AND sup.name = d.supplier;
SELECT id, qty, note FROM stock
 ORDER BY id;
> 1 | 15 | acme@Oslo
> 2 | 20 | NULL
> 3 | 37 | bolt@Rome
UPDATE stock SET qty = 0 FROM deliveries WHERE deliveries.item = 99;
UPDATE stock SET note = 'x' FROM deliveries d JOIN suppliers p ON p.name = d.supplier WHERE d.item = stock.id AND p.city = 'Rome'
 RETURNING id, note;
> 3 | x
UPDATE stock SET qty = -1 FROM (SELECT 2 AS k) AS q WHERE stock.id = q.k;
SELECT id, qty, note FROM stock
 ORDER BY id;
> 1 | 15 | acme@Oslo
> 2 | -1 | NULL
> 3 | 37 | x
UPDATE stock SET qty = 1 FROM missing WHERE true;
! 42P01
UPDATE stock SET qty = d.nope FROM deliveries d WHERE d.item = stock.id;
! 42703
