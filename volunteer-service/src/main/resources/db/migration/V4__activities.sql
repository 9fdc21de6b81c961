-- Activities and classes (Issue 12): 老年大学 classes, 文体队伍 teams and one-off events of a community, with numbered
-- sessions, enrolments of cadres up to a capacity, attendance per session (签到) and the 连续三次缺勤 flags.
create table activity (
    id              uuid          primary key,
    title           varchar(200)  not null,
    kind            varchar(20)   not null,
    community_code  varchar(64)   not null,
    capacity        integer       not null,
    enrolled_count  integer       not null default 0,
    description     varchar(2000),
    teacher         varchar(100),
    session_count   integer       not null,
    first_starts_at timestamptz   not null,
    last_ends_at    timestamptz   not null,
    created_by      varchar(100)  not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    constraint activity_capacity_positive check (capacity > 0),
    -- the last line of defence, as for posts: even a buggy code path cannot over-fill an activity
    constraint activity_never_overfilled check (enrolled_count >= 0 and enrolled_count <= capacity)
);
create index activity_community on activity (community_code, kind);
create index activity_span on activity (last_ends_at, first_starts_at);

create table activity_session (
    activity_id          uuid         not null references activity (id),
    n                    integer      not null,
    starts_at            timestamptz  not null,
    ends_at              timestamptz  not null,
    place                varchar(200) not null,
    attendance_recorded_at timestamptz,
    primary key (activity_id, n),
    constraint activity_session_ends_after_start check (ends_at > starts_at)
);

create table activity_enrolment (
    id           uuid         primary key,
    activity_id  uuid         not null references activity (id),
    cadre_id     uuid         not null,
    status       varchar(20)  not null,
    enrolled_by  varchar(100) not null,
    enrolled_at  timestamptz  not null,
    withdrawn_at timestamptz,
    updated_at   timestamptz  not null
);
create unique index activity_enrolment_one_active on activity_enrolment (activity_id, cadre_id) where status = 'ACTIVE';
create index activity_enrolment_cadre on activity_enrolment (cadre_id);

-- One row per enrolment and session once attendance is known: PRESENT or ABSENT (no row: UNRECORDED).
create table activity_attendance (
    enrolment_id uuid         not null references activity_enrolment (id),
    n            integer      not null,
    activity_id  uuid         not null,
    cadre_id     uuid         not null,
    status       varchar(20)  not null,
    source       varchar(20)  not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz  not null,
    primary key (enrolment_id, n),
    foreign key (activity_id, n) references activity_session (activity_id, n)
);
create index activity_attendance_session on activity_attendance (activity_id, n);

-- One flag per run of three absences in a row (id = the ActivityAbsenceFlagged flagId), so a run flags once.
create table activity_absence_flag (
    id           uuid        primary key,
    enrolment_id uuid        not null references activity_enrolment (id),
    activity_id  uuid        not null,
    cadre_id     uuid        not null,
    n            integer     not null,
    flagged_at   timestamptz not null
);
create index activity_absence_flag_cadre on activity_absence_flag (cadre_id);
