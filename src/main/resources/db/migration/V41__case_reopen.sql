-- 重新打开：案件结案后问题复发或整改未保持，办公室在规定期限内重新打开，交回原牵头单位重新整改。
-- rect_case.reopen_count 重新打开的次数；score_unit.reopened_count 各单位本期被重新打开的案件次数，随考核结果一并保存。
alter table rect_case add column reopen_count integer default 0 not null;
alter table score_unit add column reopened_count integer default 0 not null;
