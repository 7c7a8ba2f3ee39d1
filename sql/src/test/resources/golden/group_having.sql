-- GROUP BY and HAVING.
CREATE TABLE sales (region TEXT, product TEXT, qty INT, price NUMERIC(6,2));
INSERT INTO sales VALUES ('north', 'apple', 10, 1.50), ('north', 'pear', 5, 2.00), ('south', 'apple', 7, 1.50),
  ('south', 'apple', 3, 1.40), ('east', 'plum', 1, 9.99), ('west', NULL, NULL, NULL);
SELECT region, sum(qty) FROM sales GROUP BY region ORDER BY region;
> east | 1
> north | 15
> south | 10
> west | NULL
SELECT region, sum(qty) FROM sales GROUP BY region HAVING sum(qty) > 5 ORDER BY region;
> north | 15
> south | 10
SELECT region, count(*) FROM sales GROUP BY region HAVING count(*) > 1 ORDER BY region;
> north | 2
> south | 2
SELECT product, sum(qty * price) AS revenue FROM sales GROUP BY product HAVING sum(qty * price) IS NOT NULL ORDER BY revenue DESC;
> apple | 29.70
> pear | 10.00
> plum | 9.99
SELECT region, product, sum(qty) FROM sales GROUP BY region, product ORDER BY region, product;
> east | plum | 1
> north | apple | 10
> north | pear | 5
> south | apple | 10
> west | NULL | NULL
SELECT region FROM sales GROUP BY region HAVING max(price) < 2 ORDER BY region;
> south
SELECT count(*) FROM sales HAVING count(*) > 100;
> (0 rows)
SELECT region, sum(qty) AS total FROM sales GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1;
> north | 15
> south | 10
> east | 1
> west | NULL
SELECT region, qty FROM sales GROUP BY region;
! 42803
SELECT region, min(price), max(price), avg(price) FROM sales GROUP BY region ORDER BY region;
> east | 9.99 | 9.99 | 9.9900000000000000
> north | 1.50 | 2.00 | 1.7500000000000000
> south | 1.40 | 1.50 | 1.45000000000000000000
> west | NULL | NULL | NULL
SELECT avg(qty), avg(price), count(*) FROM sales WHERE qty > 100;
> NULL | NULL | 0
SELECT region, avg(qty) FROM sales GROUP BY ROLLUP(region) ORDER BY region;
> east | 1.00000000000000000000
> north | 7.5000000000000000
> south | 5.0000000000000000
> west | NULL
> NULL | 5.2000000000000000
SELECT region FROM sales GROUP BY region HAVING avg(qty) > 5 ORDER BY region;
> north
