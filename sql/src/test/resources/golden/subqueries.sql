-- IN, NOT IN, EXISTS, scalar subqueries, correlated subqueries, subqueries in FROM.
CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, city TEXT);
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, amount NUMERIC(10,2));
INSERT INTO customers VALUES (1, 'ann', 'oslo'), (2, 'ben', 'rome'), (3, 'cat', 'oslo'), (4, 'dan', NULL);
INSERT INTO orders VALUES (100, 1, 10.00), (101, 1, 25.50), (102, 2, 5.00), (103, 9, 1.00);

SELECT name FROM customers WHERE id IN (SELECT customer_id FROM orders) ORDER BY name;
> ann
> ben
SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders) ORDER BY name;
> cat
> dan
SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) ORDER BY name;
> ann
> ben
SELECT name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) ORDER BY name;
> cat
> dan
SELECT name, (SELECT sum(amount) FROM orders o WHERE o.customer_id = c.id) AS total FROM customers c ORDER BY name;
> ann | 35.50
> ben | 5.00
> cat | NULL
> dan | NULL
SELECT name, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS n FROM customers c ORDER BY name;
> ann | 2
> ben | 1
> cat | 0
> dan | 0
SELECT (SELECT max(amount) FROM orders);
> 25.50
SELECT id FROM orders WHERE amount > (SELECT avg(amount) FROM orders) ORDER BY id;
> 101
SELECT t.customer_id, t.total FROM (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id) t WHERE t.total > 2 ORDER BY t.customer_id;
> 1 | 35.50
> 2 | 5.00
SELECT count(*) FROM (SELECT DISTINCT city FROM customers) AS cities;
> 3
SELECT c.name, t.n FROM customers c JOIN (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) t ON t.customer_id = c.id ORDER BY c.name;
> ann | 2
> ben | 1
SELECT name FROM customers WHERE city = (SELECT city FROM customers WHERE name = 'ann') ORDER BY name;
> ann
> cat
SELECT name FROM customers WHERE id = ANY (SELECT customer_id FROM orders WHERE amount > 6) ORDER BY name;
> ann
SELECT name FROM customers WHERE id > ALL (SELECT customer_id FROM orders WHERE customer_id < 3) ORDER BY name;
> cat
> dan
WITH big AS (SELECT customer_id FROM orders WHERE amount >= 10) SELECT DISTINCT customer_id FROM big ORDER BY customer_id;
> 1
-- Moved back from known-gaps.md once RustyDB matched PostgreSQL.
SELECT (SELECT id FROM customers);
! 21000
