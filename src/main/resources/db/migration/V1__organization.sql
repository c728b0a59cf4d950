-- Units and users that Shirong seeds from config/organization.yaml, so that a later start can tell
-- which Camunda groups, users and Tasklist filters it owns (and may update or remove).
create table org_unit (
    group_id    varchar(64)   not null primary key,
    name        varchar(200)  not null,
    unit_type   varchar(32)   not null,
    duties      varchar(4000),
    parent_id   varchar(64),
    sort_order  integer       not null
);

create table org_user (
    user_id     varchar(64)   not null primary key,
    name        varchar(200)  not null,
    email       varchar(254)
);

create table org_unit_head (
    group_id    varchar(64)   not null,
    user_id     varchar(64)   not null,
    primary key (group_id, user_id)
);

create table org_task_filter (
    filter_id   varchar(64)   not null primary key,
    kind        varchar(32)   not null,
    owner_id    varchar(64)   not null
);
create index idx_org_task_filter_kind on org_task_filter (kind);

-- Row locks that serialize start-up seeding when several nodes start at once.
create table shirong_lock (
    name        varchar(64)   not null primary key
);
insert into shirong_lock (name) values ('organization');
