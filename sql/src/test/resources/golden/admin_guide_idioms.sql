-- Query idioms of the Administration and Monitoring guides (ROUND, NULLIF, CASE, EXTRACT(EPOCH),
-- PostgreSQL interval literals, LEFT, DATE_TRUNC, TO_CHAR) over tables and views made here.
CREATE TABLE ts_usage (name TEXT PRIMARY KEY, total_size_mb NUMERIC(12,2), used_size_mb NUMERIC(12,2), status TEXT);
INSERT INTO ts_usage VALUES ('SYSTEM', 1024, 512.5, 'ONLINE'), ('USERS', 2048, 1900, 'ONLINE'), ('TEMP', 512, 0, 'ONLINE'), ('ARCHIVE', 0, 0, 'OFFLINE');
CREATE TABLE file_io (file_id INT PRIMARY KEY, name TEXT, read_count BIGINT, write_count BIGINT, read_time_ms DOUBLE PRECISION, write_time_ms BIGINT);
INSERT INTO file_io VALUES (1, 'SYSTEM', 1000, 0, 2500.0, 0), (2, 'USERS', 3, 7, 10.0, 22), (3, 'TEMP', 0, 0, 0, 0);
CREATE TABLE jobs (job_id INT PRIMARY KEY, name TEXT, start_time TIMESTAMP, end_time TIMESTAMP, sql_text TEXT);
INSERT INTO jobs VALUES (1, 'backup', TIMESTAMP '2024-03-01 01:00:00', TIMESTAMP '2024-03-01 01:42:30.5', 'SELECT * FROM orders WHERE customer_id = 42 AND status = ''OPEN'''), (2, 'vacuum', TIMESTAMP '2024-03-02 23:30:00', TIMESTAMP '2024-03-03 00:15:00', 'VACUUM ANALYZE orders'), (3, 'stats', TIMESTAMP '2024-03-03 12:00:00', NULL, 'ANALYZE');
CREATE VIEW ts_report AS SELECT name, total_size_mb, used_size_mb, ROUND(used_size_mb * 100.0 / NULLIF(total_size_mb, 0), 2) AS usage_percent FROM ts_usage;
SELECT name, total_size_mb, used_size_mb, ROUND(used_size_mb * 100.0 / NULLIF(total_size_mb, 0), 2) as usage_percent
FROM ts_usage ORDER BY name;
> ARCHIVE | 0.00 | 0.00 | NULL
> SYSTEM | 1024.00 | 512.50 | 50.05
> TEMP | 512.00 | 0.00 | 0.00
> USERS | 2048.00 | 1900.00 | 92.77
SELECT name, usage_percent, CASE WHEN usage_percent > 90 THEN 'CRITICAL' WHEN usage_percent > 75 THEN 'WARNING' ELSE 'OK' END AS level
FROM ts_report WHERE usage_percent IS NOT NULL ORDER BY usage_percent DESC;
> USERS | 92.77 | CRITICAL
> SYSTEM | 50.05 | OK
> TEMP | 0.00 | OK
SELECT name, ROUND(total_size_mb / 1024.0, 2) as total_gb, ROUND((1 - used_size_mb / NULLIF(total_size_mb, 0)) * 100, 2) as free_percent
FROM ts_usage ORDER BY name;
> ARCHIVE | 0.00 | NULL
> SYSTEM | 1.00 | 49.95
> TEMP | 0.50 | 100.00
> USERS | 2.00 | 7.23
SELECT file_id, ROUND(read_time_ms::numeric / NULLIF(read_count, 0), 2) as avg_read_ms, ROUND(write_time_ms / NULLIF(write_count, 0), 2) as avg_write_ms
FROM file_io ORDER BY file_id;
> 1 | 2.50 | NULL
> 2 | 3.33 | 3.00
> 3 | NULL | NULL
SELECT f.name, f.read_count, r.usage_percent FROM file_io f JOIN ts_report r ON r.name = f.name ORDER BY f.file_id;
> SYSTEM | 1000 | 50.05
> USERS | 3 | 92.77
> TEMP | 0 | 0.00
SELECT name, read_count, status FROM file_io JOIN ts_usage USING (name) ORDER BY name;
> SYSTEM | 1000 | ONLINE
> TEMP | 0 | ONLINE
> USERS | 3 | ONLINE
SELECT t.name, t.io FROM (SELECT name, read_count + write_count AS io FROM file_io) t WHERE t.io > 0 ORDER BY t.io DESC;
> SYSTEM | 1000
> USERS | 10
SELECT job_id, EXTRACT(EPOCH FROM (end_time - start_time)) as duration_seconds, end_time - start_time AS elapsed
FROM jobs ORDER BY job_id;
> 1 | 2550.500000 | 00:42:30.5
> 2 | 2700.000000 | 00:45:00
> 3 | NULL | NULL
SELECT job_id, EXTRACT(EPOCH FROM (end_time - start_time)) / 60 as duration_minutes FROM jobs ORDER BY job_id;
> 1 | 42.5083333333333333
> 2 | 45.0000000000000000
> 3 | NULL
SELECT job_id, EXTRACT(DAYS FROM (TIMESTAMP '2024-03-20 00:00:00' - start_time)) as days_ago FROM jobs ORDER BY job_id;
> 1 | 18
> 2 | 17
> 3 | 16
SELECT job_id, LEFT(sql_text, 20) as query FROM jobs ORDER BY job_id;
> 1 | SELECT * FROM orders
> 2 | VACUUM ANALYZE order
> 3 | ANALYZE
SELECT job_id, start_time + INTERVAL '7 days', start_time - INTERVAL '1 day 2 hours', start_time + INTERVAL '90 minutes'
FROM jobs ORDER BY job_id;
> 1 | 2024-03-08 01:00:00 | 2024-02-28 23:00:00 | 2024-03-01 02:30:00
> 2 | 2024-03-09 23:30:00 | 2024-03-01 21:30:00 | 2024-03-03 01:00:00
> 3 | 2024-03-10 12:00:00 | 2024-03-02 10:00:00 | 2024-03-03 13:30:00
SELECT count(*) FROM jobs WHERE start_time > TIMESTAMP '2024-03-03 12:00:00' - INTERVAL '24 hours';
> 2
SELECT count(*) FROM jobs WHERE end_time - start_time > INTERVAL '5 minutes';
> 2
SELECT count(*) FROM jobs WHERE start_time < NOW() - INTERVAL '7 days';
> 3
SELECT NOW() - INTERVAL '1 week' < CURRENT_TIMESTAMP, NOW() IS NOT NULL;
> t | t
SELECT job_id, DATE_TRUNC('hour', start_time), DATE_TRUNC('day', start_time), DATE_TRUNC('week', start_time), DATE_TRUNC('month', start_time)
FROM jobs ORDER BY job_id;
> 1 | 2024-03-01 01:00:00 | 2024-03-01 00:00:00 | 2024-02-26 00:00:00 | 2024-03-01 00:00:00
> 2 | 2024-03-02 23:00:00 | 2024-03-02 00:00:00 | 2024-02-26 00:00:00 | 2024-03-01 00:00:00
> 3 | 2024-03-03 12:00:00 | 2024-03-03 00:00:00 | 2024-02-26 00:00:00 | 2024-03-01 00:00:00
SELECT 'Monthly_' || TO_CHAR(start_time, 'YYYY_MM'), TO_CHAR(start_time, 'YYYY-MM-DD HH24:MI:SS') FROM jobs ORDER BY job_id;
> Monthly_2024_03 | 2024-03-01 01:00:00
> Monthly_2024_03 | 2024-03-02 23:30:00
> Monthly_2024_03 | 2024-03-03 12:00:00
SELECT job_id, EXTRACT(DOW FROM start_time), EXTRACT(HOUR FROM start_time), EXTRACT(SECOND FROM end_time) FROM jobs ORDER BY job_id;
> 1 | 5 | 1 | 30.500000
> 2 | 6 | 23 | 0.000000
> 3 | 0 | 12 | NULL
SELECT INTERVAL '1 day 2 hours', INTERVAL '90 minutes', INTERVAL '1 week', INTERVAL '2 months', INTERVAL '1 year';
> 1 day 02:00:00 | 01:30:00 | 7 days | 2 mons | 1 year
SELECT INTERVAL '36 hours';
> 36:00:00
SELECT '3 days'::interval, INTERVAL '1.5 seconds';
> 3 days | 00:00:01.5
SELECT DATE '2024-03-01' - DATE '2024-02-01', DATE '2024-02-28' + 1, DATE '2024-03-01' - 1;
> 29 | 2024-02-29 | 2024-02-29
SELECT DATE '2024-01-31' + INTERVAL '1 month', TIMESTAMP '2024-03-10 10:00:00' - TIMESTAMP '2024-03-01 08:30:00';
> 2024-02-29 00:00:00 | 9 days 01:30:00
SELECT ROUND(2.345, 2), ROUND(-2.5), ROUND(2.5::float8), ROUND(3.5::float8), ROUND(1234.567, -2), ROUND(5);
> 2.35 | -3 | 2 | 4 | 1200 | 5
SELECT ROUND(2.345::float8, 2);
! 42883
SELECT job_id, 'job ' || job_id || ': ' || name, job_id::text || '/' || (end_time IS NULL) FROM jobs ORDER BY job_id;
> 1 | job 1: backup | 1/false
> 2 | job 2: vacuum | 2/false
> 3 | job 3: stats | 3/true
SELECT '42'::int + 1, 3.7::int, (1.0 / 3)::numeric(5,3), 2.5::float8::int;
> 43 | 4 | 0.333 | 2
