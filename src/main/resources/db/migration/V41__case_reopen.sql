-- 重新打开：案件结案后问题复发或整改未保持，办公室在规定期限内重新打开，交回原牵头单位重新整改。
-- rect_case.reopen_count 重新打开的次数；score_unit.reopened_count 各单位本期被重新打开的案件次数，随考核结果一并保存。
alter table rect_case add column reopen_count integer default 0 not null;
alter table score_unit add column reopened_count integer default 0 not null;
-- 重新打开前的一轮：结案、超期、返工等按该轮计入它所在的考核期间（rect_case 只存当前一轮）。
-- reworks_before_reopen：该轮开始时案件已有的返工次数（rework_count 为累计），该轮的返工为两者之差。
alter table rect_case add column reworks_before_reopen integer default 0 not null;
create table rect_case_round (
    case_no               varchar(32)  not null,
    round_no              integer      not null,
    source                varchar(32)  not null,
    urgency               varchar(16)  not null,
    lead_unit             varchar(64),
    status                varchar(32)  not null,
    tenant_id             varchar(64),
    territory             varchar(64),
    campaign_code         varchar(64),
    submitted_at          timestamp,
    closed_at             timestamp,
    due_at                timestamp,
    closed_on_time        boolean,
    overdue               boolean      not null,
    rework_count          integer      not null,
    reworks_before_reopen integer      not null,
    reopened_at           timestamp    not null,
    constraint pk_rect_case_round primary key (case_no, round_no)
);
