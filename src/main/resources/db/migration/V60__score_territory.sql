-- A district campaign's 街镇排名 as it stood when the period's 通报 was issued (security review s55 S2): the issued
-- month's API, 街镇排名 Excel and 驾驶舱 serve these figures from then on, as the units' ranking serves score_unit, so a
-- later 属地 correction, 非本镇属地 answer or void does not change a published month. One row per period and scope (the
-- campaign's code); board holds the ranking, the towns without cases, those named and the notice, as JSON.
create table score_territory (
    score_period  varchar(16)  not null,
    score_scope   varchar(64)  not null,
    computed_at   timestamp    not null,
    board         text         not null,
    primary key (score_period, score_scope)
);
