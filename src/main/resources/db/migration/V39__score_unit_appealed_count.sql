-- 各单位本期因申诉核准而不再计扣分的案件数（核准申诉 N 件），随考核结果一并保存。
alter table score_unit add column appealed_count integer default 0 not null;
