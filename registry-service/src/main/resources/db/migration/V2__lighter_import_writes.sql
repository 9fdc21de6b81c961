-- Every index costs each of the 100,000 inserts of a large import. No query uses these two: history is read per
-- cadre (cadre_audit_cadre), and age filters over the cadre table scan it anyway (bands hold 10-40% of rows).
drop index if exists cadre_audit_action;
drop index if exists cadre_birth_date;
