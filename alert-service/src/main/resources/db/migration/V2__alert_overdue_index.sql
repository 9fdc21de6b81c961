-- The deadline watch's scan: alerts not resolved, below the top level, by deadline. Partial, so it holds only the
-- alerts still on the ladder; its predicate matches the literals of AlertService.OVERDUE_SQL.
create index alert_overdue on alert (deadline) where status <> 'RESOLVED' and level < 3;
