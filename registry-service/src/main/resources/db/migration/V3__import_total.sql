-- The number of data rows in an import's file (blank rows excluded), counted when the job starts, so a client can
-- show processed / total. Null for jobs that had not counted yet (and for jobs from before this column).
alter table import_job add column total integer;
