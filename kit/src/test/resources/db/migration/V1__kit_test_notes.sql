-- Schema of the kit's own test application (never packaged into the test-jar).
create table note (
    id   uuid primary key,
    note_key varchar(100) not null,
    body varchar(1000) not null
);
create table applied_note (
    seq     bigserial primary key,
    note_id uuid not null,
    body    varchar(1000) not null
);
