-- Statistics from counts, not from a scan of every cadre (issue 13). cadre_tally holds, per community, how many open
-- cadres (neither dead nor moved away) have each value of each dimension: retirementType, gender, partyMember, rank
-- and birthMonth ('yyyy-MM'; the age bands of any day come from these, with the cadres of the few boundary months read
-- from the rows). The rows that close a cadre's record are few and are read from the table itself (cadre_ended_on).
--
-- Writers never touch cadre_tally: a trigger per statement appends that statement's net changes to
-- cadre_tally_change (an insert, no row to wait on, so concurrent imports and edits never block or deadlock on a hot
-- counter), and registry-service folds the changes into cadre_tally every few seconds (cadre_tally_fold). A reader
-- sums both, so the counts are exact in every snapshot, folded or not.
create table cadre_tally (
    community_code varchar(64) not null,
    dimension      varchar(16) not null,
    value          varchar(20) not null,
    count          bigint      not null,
    primary key (community_code, dimension, value)
);

create table cadre_tally_change (
    id             bigint      generated always as identity primary key,
    community_code varchar(64) not null,
    dimension      varchar(16) not null,
    value          varchar(20) not null,
    delta          bigint      not null
);

-- The day a record closed (the earlier of death and moving away): statistics read these rows themselves.
create index cadre_ended_on on cadre ((least(deceased_on, moved_away_on)))
    where deceased_on is not null or moved_away_on is not null;

-- One row per dimension of a cadre, as counted: open cadres only.
create function cadre_tally_values(retirement_type varchar, gender varchar, party_member boolean, cadre_rank varchar,
        birth_date date)
    returns table (dimension varchar, value varchar) language sql immutable as $$
    values ('retirementType'::varchar, retirement_type), ('gender', gender), ('partyMember', party_member::varchar),
           ('rank', cadre_rank), ('birthMonth', to_char(birth_date, 'YYYY-MM'))
$$;

create function cadre_tally_record() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into cadre_tally_change (community_code, dimension, value, delta)
        select r.community_code, v.dimension, v.value, count(*)
        from new_rows r, cadre_tally_values(r.retirement_type, r.gender, r.party_member, r.cadre_rank, r.birth_date) v
        where r.deceased_on is null and r.moved_away_on is null
        group by 1, 2, 3;
    elsif tg_op = 'UPDATE' then
        insert into cadre_tally_change (community_code, dimension, value, delta)
        select r.community_code, v.dimension, v.value, sum(r.sign)
        from (select n.*, 1 as sign from new_rows n where n.deceased_on is null and n.moved_away_on is null
              union all
              select o.*, -1 from old_rows o where o.deceased_on is null and o.moved_away_on is null) r,
             cadre_tally_values(r.retirement_type, r.gender, r.party_member, r.cadre_rank, r.birth_date) v
        group by 1, 2, 3
        having sum(r.sign) <> 0;
    else
        insert into cadre_tally_change (community_code, dimension, value, delta)
        select r.community_code, v.dimension, v.value, -count(*)
        from old_rows r, cadre_tally_values(r.retirement_type, r.gender, r.party_member, r.cadre_rank, r.birth_date) v
        where r.deceased_on is null and r.moved_away_on is null
        group by 1, 2, 3;
    end if;
    return null;
end $$;

create trigger cadre_tally_insert after insert on cadre referencing new table as new_rows
    for each statement execute function cadre_tally_record();
create trigger cadre_tally_update after update on cadre referencing old table as old_rows new table as new_rows
    for each statement execute function cadre_tally_record();
create trigger cadre_tally_delete after delete on cadre referencing old table as old_rows
    for each statement execute function cadre_tally_record();

create function cadre_tally_clear() returns trigger language plpgsql as $$
begin
    truncate cadre_tally, cadre_tally_change;
    return null;
end $$;

create trigger cadre_tally_truncate after truncate on cadre for each statement execute function cadre_tally_clear();

-- Moves the changes into cadre_tally, in key order (two folds never wait on each other in a cycle); one replica at a
-- time (the others return at once). Returns how many changes it folded.
create function cadre_tally_fold() returns bigint language plpgsql as $$
declare
    folded bigint;
begin
    if not pg_try_advisory_xact_lock(hashtext('cadre_tally_fold')) then
        return 0;
    end if;
    with taken as (
        delete from cadre_tally_change returning community_code, dimension, value, delta
    ), summed as (
        select community_code, dimension, value, sum(delta) as delta, count(*) as changes from taken group by 1, 2, 3
    ), applied as (
        insert into cadre_tally as t (community_code, dimension, value, count)
        select community_code, dimension, value, delta from summed order by 1, 2, 3
        on conflict (community_code, dimension, value) do update set count = t.count + excluded.count
    )
    select coalesce(sum(changes), 0) into folded from summed;
    return folded;
end $$;

insert into cadre_tally (community_code, dimension, value, count)
select c.community_code, v.dimension, v.value, count(*)
from cadre c, cadre_tally_values(c.retirement_type, c.gender, c.party_member, c.cadre_rank, c.birth_date) v
where c.deceased_on is null and c.moved_away_on is null
group by 1, 2, 3;
