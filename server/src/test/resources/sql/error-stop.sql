-- With ON_ERROR_STOP=1 psql must stop at the failing statement and exit with code 3.
SELECT 'before';
SELECT * FROM nope;
SELECT 'after';
