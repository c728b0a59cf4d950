-- 各评分项据以计分的比率或扣分件数（如“77.78%（7/9）”“超期 1 件”），随考核结果一并保存，通报写明失分的指标。
alter table score_component add column basis varchar(200);
