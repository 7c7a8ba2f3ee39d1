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
SELECT md5('abc');
> 900150983cd24fb0d6963f7d28e17f72
SELECT split_part('a,b,c', ',', 2), ascii('A'), chr(66);
> b | 65 | B
SELECT concat('a', NULL, 'b', 2), concat_ws(',', 'a', NULL, 'b');
> ab2 | a,b
SELECT lpad('7', 3, '0'), rpad('ab', 4, '*'), lpad('hello', 2);
> 007 | ab** | he
SELECT position('lo' IN 'hello'), position('z' IN 'hello'), strpos('hello', 'l');
> 4 | 0 | 3
SELECT trim('  pad  ') || '|', ltrim('  pad  ') || '|', rtrim('  pad  ') || '|';
> pad| | pad  | |   pad|
SELECT substr('hello', 2, 3), substr('hello', 3);
> ell | llo
SELECT id, length(first), length(last), char_length(last) FROM p ORDER BY id;
> 1 | 3 | 8 | 8
> 2 | 5 | 6 | 6
> 3 | NULL | 1 | 1
-- Moved back from known-gaps.md once RustyDB matched PostgreSQL.
SELECT id, length(code), code || '|' FROM p ORDER BY id;
> 1 | 2 | ab|
> 2 | 4 | xyz1|
> 3 | NULL | NULL
SELECT repeat('ab', 3), reverse('abc'), initcap('hello wORLD');
> ababab | cba | Hello World
SELECT left('hello', 2), right('hello', 3), left('hello', -1), right('hello', -1);
> he | llo | hell | ello
SELECT left('héllo', -10) = '', right('héllo', 10), left(CAST(NULL AS text), 1), left('ab', 0) = '', right('héllo', -1);
> t | héllo | NULL | t | éllo
SELECT md5('a') = '0cc175b9c0f1b6a831c399e269772661', left('abc', 1) = 'a', reverse('abc') = 'cba';
> t | t | t
SELECT 'a' || 1 || true;
> a1true
