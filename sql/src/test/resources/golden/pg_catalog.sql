-- pg_catalog and information_schema over the live catalog (what psql's \d and JDBC metadata read).
CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, balance NUMERIC(12,2) DEFAULT 0, created TIMESTAMP);
CREATE TABLE pairs (a BIGINT, b TEXT, PRIMARY KEY (b, a));
CREATE TABLE log (line TEXT);
CREATE VIEW rich AS SELECT id, name FROM accounts WHERE balance > 100;
SELECT c.relname, c.relkind, c.relnatts, c.relhasindex, am.amname
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
 WHERE n.nspname = 'public'
 ORDER BY c.relname;
> accounts | r | 4 | t | heap
> accounts_pkey | i | 1 | f | btree
> log | r | 1 | f | heap
> pairs | r | 2 | t | heap
> pairs_pkey | i | 2 | f | btree
> rich | v | 2 | f | NULL
SELECT a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef
  FROM pg_catalog.pg_attribute a
 WHERE a.attrelid = 'accounts'::regclass AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY a.attnum;
> 1 | id | integer | t | f
> 2 | name | character varying(40) | t | f
> 3 | balance | numeric(12,2) | f | t
> 4 | created | timestamp without time zone | f | f
SELECT a.attname, pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
  FROM pg_catalog.pg_attrdef d
  JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
 WHERE d.adrelid = 'public.accounts'::regclass
 ORDER BY 1;
> balance | 0
SELECT c.relname, i.indisunique, i.indisprimary, i.indnatts, pg_catalog.pg_get_indexdef(i.indexrelid),
       pg_catalog.pg_get_indexdef(i.indexrelid, 2, true)
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'pairs'::regclass
 ORDER BY 1;
> pairs_pkey | t | t | 2 | CREATE UNIQUE INDEX pairs_pkey ON public.pairs USING btree (b, a) | a
SELECT conname, contype, pg_catalog.pg_get_constraintdef(oid, true)
  FROM pg_catalog.pg_constraint
 WHERE conrelid IN ('accounts'::regclass, 'pairs'::regclass)
 ORDER BY 1;
> accounts_pkey | p | PRIMARY KEY (id)
> pairs_pkey | p | PRIMARY KEY (b, a)
SELECT c.oid::regclass, pg_catalog.pg_table_is_visible(c.oid)
  FROM pg_catalog.pg_class c
 WHERE c.relname IN ('accounts', 'pg_class')
 ORDER BY c.relname;
> accounts | t
> pg_class | t
SELECT c.relname FROM pg_catalog.pg_class c
 WHERE c.relname OPERATOR(pg_catalog.~) '^(rich)$' COLLATE pg_catalog.default;
> rich
SELECT count(*) FROM pg_class WHERE relname = 'accounts';
> 1
SELECT typname, pg_catalog.format_type(oid, NULL) FROM pg_catalog.pg_type
 WHERE typname IN ('int4', 'varchar', 'numeric', 'timestamp', 'bool')
 ORDER BY typname;
> bool | boolean
> int4 | integer
> numeric | numeric
> timestamp | timestamp without time zone
> varchar | character varying
SELECT pg_catalog.format_type(1043, 24), pg_catalog.format_type(1700, 655366), pg_catalog.format_type(1042, 5);
> character varying(20) | numeric(10,2) | character(1)
SELECT rolname, rolsuper, rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = current_user;
> rustydb | t | t
SELECT pg_catalog.pg_encoding_to_char(encoding), datallowconn FROM pg_catalog.pg_database WHERE datname = current_database();
> UTF8 | t
SELECT count(*) FROM pg_catalog.pg_inherits WHERE inhparent = 'accounts'::regclass;
> 0
SELECT table_schema, table_name, table_type
  FROM information_schema.tables
 WHERE table_schema = 'public'
 ORDER BY table_name;
> public | accounts | BASE TABLE
> public | log | BASE TABLE
> public | pairs | BASE TABLE
> public | rich | VIEW
SELECT table_name, column_name, ordinal_position, column_default, is_nullable, data_type,
       character_maximum_length, numeric_precision, numeric_scale, udt_name
  FROM information_schema.columns
 WHERE table_schema = 'public'
 ORDER BY table_name, ordinal_position;
> accounts | id | 1 | NULL | NO | integer | NULL | 32 | 0 | int4
> accounts | name | 2 | NULL | NO | character varying | 40 | NULL | NULL | varchar
> accounts | balance | 3 | 0 | YES | numeric | NULL | 12 | 2 | numeric
> accounts | created | 4 | NULL | YES | timestamp without time zone | NULL | NULL | NULL | timestamp
> log | line | 1 | NULL | YES | text | NULL | NULL | NULL | text
> pairs | a | 1 | NULL | NO | bigint | NULL | 64 | 0 | int8
> pairs | b | 2 | NULL | NO | text | NULL | NULL | NULL | text
> rich | id | 1 | NULL | YES | integer | NULL | 32 | 0 | int4
> rich | name | 2 | NULL | YES | character varying | 40 | NULL | NULL | varchar
SELECT constraint_name, table_name, constraint_type
  FROM information_schema.table_constraints
 WHERE table_schema = 'public' AND constraint_type = 'PRIMARY KEY'
 ORDER BY 1;
> accounts_pkey | accounts | PRIMARY KEY
> pairs_pkey | pairs | PRIMARY KEY
SELECT constraint_name, table_name, column_name, ordinal_position
  FROM information_schema.key_column_usage
 WHERE table_schema = 'public'
 ORDER BY 1, 4;
> accounts_pkey | accounts | id | 1
> pairs_pkey | pairs | b | 1
> pairs_pkey | pairs | a | 2
SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT LIKE 'pg_toast%' ORDER BY 1;
> information_schema
> pg_catalog
> public
SELECT table_name FROM information_schema.views WHERE table_schema = 'public';
> rich
DROP VIEW rich;
DROP TABLE log;
SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' ORDER BY 1;
> accounts
> accounts_pkey
> pairs
> pairs_pkey
SELECT CASE 1 WHEN '1' THEN 'one' ELSE 'other' END, CASE relkind WHEN 'r' THEN 'table' END FROM pg_class WHERE relname = 'accounts';
> one | table
