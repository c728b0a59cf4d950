-- Joint meetings (联席会议/工作例会): one row per meeting a campaign convened, keyed by campaign, cycle
-- and meeting time so that a retried job starts no second meeting; and one row per decision (决定事项)
-- carried out, with the case or work assignment it became, so that a retried step creates nothing twice.
create table meeting (
    meeting_key          varchar(200)   not null primary key,
    campaign_code        varchar(64)    not null,
    cycle_id             varchar(64)    not null,
    meeting_name         varchar(200)   not null,
    organiser_group      varchar(64)    not null,
    meeting_at           timestamp      not null,
    score_period         varchar(16),
    process_instance_id  varchar(64),
    convened_at          timestamp      not null
);
create index idx_meeting_campaign on meeting (campaign_code, meeting_at);

create table meeting_decision (
    meeting_key             varchar(200)   not null,
    decision_no             integer        not null,
    content                 varchar(2000)  not null,
    kind                    varchar(16)    not null,
    unit_id                 varchar(64)    not null,
    due_day                 date           not null,
    category                varchar(64),
    address                 varchar(500),
    case_no                 varchar(32),
    assignment_instance_id  varchar(64),
    carried_out_at          timestamp      not null,
    constraint pk_meeting_decision primary key (meeting_key, decision_no)
);
