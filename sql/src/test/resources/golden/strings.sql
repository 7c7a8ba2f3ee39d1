-- String operators and functions.
CREATE TABLE p (id INT, first TEXT, last VARCHAR(20), code CHAR(4));
INSERT INTO p VALUES (1, 'Ada', 'Lovelace', 'ab'), (2, 'grace', 'HOPPER', 'xyz1'), (3, NULL, 'x', NULL);
SELECT id, first || ' ' || last FROM p ORDER BY id;
> 1 | Ada Lovelace
> 2 | grace HOPPER
> 3 | NULL
SELECT id, upper(first), lower(last) FROM p ORDER BY id;
> 1 | ADA | lovelace
> 2 | GRACE | hopper
> 3 | NULL | x
SELECT substring('hello world' FROM 7), substring('hello world' FROM 1 FOR 5), substring('hello', 0, 3);
> world | hello | he
SELECT trim(BOTH 'x' FROM 'xxhixx'), trim(LEADING 'x' FROM 'xxhixx'), trim(TRAILING 'x' FROM 'xxhixx');
> hi | hixx | xxhi
SELECT replace('banana', 'an', 'AN'), replace('abc', 'z', 'y');
> bANANa | abc
SELECT 'abc' LIKE 'a%', 'abc' LIKE '_b_', 'abc' NOT LIKE '%d', 'ABC' ILIKE 'a%';
> t | t | t | t
SELECT 'x' || NULL IS NULL;
> t
SELECT id FROM p WHERE last > 'M' ORDER BY id;
> 3
SELECT id, char_length(last), character_length(first) FROM p ORDER BY id;
> 1 | 8 | 3
> 2 | 6 | 5
> 3 | 1 | NULL
SELECT char_length('hello'), initcap('hello wORLD');
> 5 | Hello World
SELECT ascii('A');
> 65
