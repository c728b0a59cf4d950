-- 记录协办情况 now answers with a choice (sjreview-s54 D6): COOPERATED 已配合, NOT_NEEDED 无需配合, or NOT_TERRITORY
-- 非本镇属地 (a 属地 town's office says the problem is not in its town; the district's office corrects the 属地).
-- note keeps the unit's words. Every cooperation recorded before this version was a note of what the unit did: 已配合.
alter table rect_case_party add column outcome varchar(16);
update rect_case_party set outcome = 'COOPERATED' where done_at is not null;
