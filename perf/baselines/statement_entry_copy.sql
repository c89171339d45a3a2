-- The COPY baseline of the match benchmark (BENCHMARKS.md P5): a table equivalent to statement_entry,
-- in the benchmark's own database after Flyway migrated it: the same columns, defaults, checks, primary
-- key, unique (dedicated_account_id, entry_key) and indexes; no foreign keys (the rows' statement and
-- journal entries do not exist there).
DROP TABLE IF EXISTS bench_statement_entry_copy;
CREATE TABLE bench_statement_entry_copy (LIKE statement_entry INCLUDING ALL);
