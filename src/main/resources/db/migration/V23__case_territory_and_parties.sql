-- 属地 and 协办. territory: the organisation (town or street) where the problem lies; every case stored
-- before this version lay in its own organisation (V22 gave each its tenant_id). community: the 社区/村/网格
-- named when the case was reported (free text).
alter table rect_case add column territory varchar(64);
update rect_case set territory = tenant_id;
alter table rect_case add column community varchar(100);
create index idx_rect_case_territory_due on rect_case (territory, due_at);

-- The units that take part in a case besides its lead unit (协办): one row per case and unit, written
-- when its CaseCooperationProcess is started. reason: RESPONSIBLE (a 责任单位 of the category or plan
-- item) or TERRITORY (the 属地 town's office on a district's case). tenant_id: the party's organisation, whose
-- tenant its process runs in (the case's for RESPONSIBLE, the town's for TERRITORY). done_at/done_by/note: what the unit recorded;
-- ended_at: the cooperation ended (recorded, or the case closed first: then done_at stays null).
-- No backfill: cases stored before this version never had 协办 tasks.
create table rect_case_party (
    case_no              varchar(32)    not null,
    unit_id              varchar(64)    not null,
    role                 varchar(16)    not null,
    reason               varchar(16)    not null,
    tenant_id            varchar(64),
    process_instance_id  varchar(64),
    assigned_at          timestamp      not null,
    due_at               timestamp,
    done_at              timestamp,
    done_by              varchar(64),
    note                 varchar(4000),
    ended_at             timestamp,
    primary key (case_no, unit_id)
);
create index idx_rect_case_party_unit on rect_case_party (unit_id, due_at);
