-- 季检查 scores belong to the campaign whose inspection task entered them (finalreview-s55 F3): a unit scored on one
-- campaign's sheets is ranked in that campaign, not in every campaign of its organisation (九亭 may run its standard-town
-- campaign beside another). campaign_code null: entered before this version and not traceable to one campaign, counted
-- in every campaign of the organisation as before. The key gains the campaign, so two campaigns may score one unit on
-- one sheet in one period; the table is rebuilt because H2 and PostgreSQL drop a primary key differently.
create table score_inspection_v61 (
    score_period   varchar(16)    not null,
    campaign_code  varchar(64),
    unit_id        varchar(64)    not null,
    sheet_id       varchar(64)    not null,
    item_id        varchar(64)    not null,
    points         decimal(7, 2)  not null,
    max_points     decimal(7, 2)  not null,
    inspected_by   varchar(64),
    recorded_at    timestamp      not null,
    constraint uq_score_inspection unique (score_period, campaign_code, unit_id, sheet_id, item_id)
);

-- A sheet was entered as its inspector completed the campaign's 发现问题 task (FINDINGS), in the same transaction and so
-- on the same day, at or just after the score's time: the campaign is that task's, when exactly one campaign fits.
insert into score_inspection_v61 (score_period, campaign_code, unit_id, sheet_id, item_id, points, max_points, inspected_by,
        recorded_at)
select i.score_period,
       (select min(t.campaign_code) from campaign_task t
         where t.kind = 'FINDINGS' and t.completed_by = i.inspected_by and t.completed_at >= i.recorded_at
           and cast(t.completed_at as date) = cast(i.recorded_at as date)
        having count(distinct t.campaign_code) = 1),
       i.unit_id, i.sheet_id, i.item_id, i.points, i.max_points, i.inspected_by, i.recorded_at
  from score_inspection i;

drop table score_inspection;
alter table score_inspection_v61 rename to score_inspection;
