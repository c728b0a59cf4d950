-- Unit scores (单位考核): one row per unit, period and scope with every indicator, the rubric's
-- points per component, the total, grade, rank and whether the unit is named (通报); and the
-- inspection scores entered per period. Recomputing a period replaces its rows.
-- Column names avoid words H2 or PostgreSQL reserve (year, value, period, rank).
create table score_unit (
    score_period          varchar(16)    not null,
    score_scope           varchar(64)    not null,
    unit_id               varchar(64)    not null,
    unit_name             varchar(200)   not null,
    ranked                boolean        not null,
    rank_no               integer,
    total                 decimal(7, 2),
    grade                 varchar(8),
    case_score            decimal(7, 2),
    inspection_score      decimal(7, 2),
    non_performing        boolean        not null,
    named_for             varchar(64),
    case_count            integer        not null,
    suspended_count       integer        not null,
    due_count             integer        not null,
    closed_count          integer        not null,
    on_time_closed_count  integer        not null,
    handled_on_time_count integer        not null,
    reworked_count        integer        not null,
    rework_total          integer        not null,
    overdue_count         integer        not null,
    returned_count        integer        not null,
    urgent_count          integer        not null,
    urgent_on_time_count  integer        not null,
    closure_rate          decimal(5, 2),
    on_time_closure_rate  decimal(5, 2),
    on_time_handling_rate decimal(5, 2),
    rework_rate           decimal(5, 2),
    urgent_on_time_rate   decimal(5, 2),
    computed_at           timestamp      not null,
    primary key (score_period, score_scope, unit_id)
);

create table score_component (
    score_period   varchar(16)    not null,
    score_scope    varchar(64)    not null,
    unit_id        varchar(64)    not null,
    rule_id        varchar(64)    not null,
    rule_name      varchar(200)   not null,
    sort_order     integer        not null,
    max_points     decimal(7, 2)  not null,
    points         decimal(7, 2)  not null,
    primary key (score_period, score_scope, unit_id, rule_id)
);

create table score_inspection (
    score_period   varchar(16)    not null,
    unit_id        varchar(64)    not null,
    sheet_id       varchar(64)    not null,
    item_id        varchar(64)    not null,
    points         decimal(7, 2)  not null,
    max_points     decimal(7, 2)  not null,
    inspected_by   varchar(64),
    recorded_at    timestamp      not null,
    primary key (score_period, unit_id, sheet_id, item_id)
);

-- The scoring reads cases by due date and returns by time; these indexes keep a year's ranking fast.
create index idx_rect_case_due on rect_case (due_at);
create index idx_rect_case_event_kind on rect_case_event (kind, occurred_at);

-- Serializes recomputations of the same period on several nodes.
insert into shirong_lock (name) values ('scoring');
