-- Party branch and household of a cadre (cadre-profiles): household members are the OTHER cadres living with it.
alter table cadre add column party_branch_code varchar(50);
alter table cadre add column household_id uuid;
alter table cadre add column household_member_ids varchar(2000) not null default '';
create index cadre_household on cadre (household_id) where household_id is not null;

-- Tasks without an alert (送学上门, activity absence): a purpose and a reason instead of an alert.
alter table must_visit_task alter column alert_id drop not null;
alter table must_visit_task add column reason varchar(40);
alter table must_visit_task add column study_session_id uuid;
alter table must_visit_task add column activity_id uuid;
-- at most one 送学上门 task per session and cadre, whatever the redelivery
create unique index must_visit_task_study_once on must_visit_task (study_session_id, cadre_id)
    where study_session_id is not null;
-- at most one OPEN activity-absence task per cadre and activity
create unique index must_visit_task_absence_open on must_visit_task (cadre_id, activity_id)
    where activity_id is not null and status = 'OPEN';
create index must_visit_task_cadre_purpose on must_visit_task (cadre_id, purpose) where status = 'OPEN';

-- Party branches (party-branches topic): names for study sessions.
create table party_branch (
    code            varchar(50)  primary key,
    name            varchar(200),
    community_code  varchar(50),
    unit_code       varchar(50),
    active          boolean      not null default true,
    version         bigint       not null,
    updated_at      timestamptz
);

-- Study sessions (StudySessionHeld) and who was in them: attendees and absentees at recording time.
create table study_session (
    id              uuid         primary key,
    branch_code     varchar(50)  not null,
    branch_name     varchar(200),
    community_code  varchar(50),
    unit_code       varchar(50),
    topic           varchar(500),
    held_on         date         not null,
    recorded_at     timestamptz
);
create table study_session_member (
    session_id  uuid         not null references study_session (id),
    cadre_id    uuid         not null,
    attended    boolean      not null,
    primary key (session_id, cadre_id)
);
