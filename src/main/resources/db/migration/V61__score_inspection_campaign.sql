-- 季检查 scores belong to the campaign whose inspection task entered them (finalreview-s55 F3): a unit scored on one
-- campaign's sheets is ranked in that campaign, not in every campaign of its organisation (九亭 may run its standard-town
-- campaign beside another). campaign_code '' (no campaign): entered before this version and not traceable to one
-- campaign, or entered for the organisation itself; counted in every campaign of the organisation as before. '' rather
-- than null so that the campaign can be part of the primary key on H2 and PostgreSQL alike, which both let nulls repeat
-- in a unique key (diffreview-s56 D10). The key gains the campaign, so two campaigns may score one unit on one sheet in
-- one period; the table is rebuilt because H2 and PostgreSQL drop a primary key differently.
create table score_inspection_v61 (
    score_period   varchar(16)    not null,
    campaign_code  varchar(64)    default '' not null,
    unit_id        varchar(64)    not null,
    sheet_id       varchar(64)    not null,
    item_id        varchar(64)    not null,
    points         decimal(7, 2)  not null,
    max_points     decimal(7, 2)  not null,
    inspected_by   varchar(64),
    recorded_at    timestamp      not null,
    constraint pk_score_inspection primary key (score_period, campaign_code, unit_id, sheet_id, item_id)
);

-- A sheet entered in a campaign was entered as its inspector completed the campaign's 发现问题 task (FINDINGS), in the
-- same transaction: the campaign is that of the inspector's first FINDINGS completion at or after the score's time, within
-- a minute (a later one is another piece of work, diffreview-s56 D3); none, or two campaigns at that very instant: ''.
insert into score_inspection_v61 (score_period, campaign_code, unit_id, sheet_id, item_id, points, max_points, inspected_by,
        recorded_at)
select i.score_period,
       coalesce((select min(t.campaign_code) from campaign_task t
                  where t.kind = 'FINDINGS' and t.completed_by = i.inspected_by
                    and t.completed_at = (select min(f.completed_at) from campaign_task f
                                           where f.kind = 'FINDINGS' and f.completed_by = i.inspected_by
                                             and f.completed_at >= i.recorded_at
                                             and f.completed_at < i.recorded_at + interval '1' minute)
                 having count(distinct t.campaign_code) = 1), ''),
       i.unit_id, i.sheet_id, i.item_id, i.points, i.max_points, i.inspected_by, i.recorded_at
  from score_inspection i;

drop table score_inspection;
alter table score_inspection_v61 rename to score_inspection;
