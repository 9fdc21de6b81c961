-- 两老同住: POST /visits with "household": true records one visit for the named cadre and one per other member of
-- its household. The named cadre's record lists the members' visit ids; each member's record names it.
alter table visit add column household_visit_ids varchar(2000) not null default '';
alter table visit add column household_of uuid;
