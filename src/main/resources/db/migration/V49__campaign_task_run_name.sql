-- 周期任务所属的那一次周期工作，按其任务的名称（月度工作报告（2026年11月））：月度报告中的报送情况按它写出上一次的
-- 名称，不再从任务名称中截取；各单位、各整治项目的任务名称在其后加（单位）或（项目），项目由 item_category 按模板得出。
alter table campaign_task add column run_name varchar(200);

-- 已有的周期任务：名称中周期名称后的（期间）或（日期）为止（所带模板的周期名称中没有“）”）。
update campaign_task set run_name = substring(name, 1, position('）' in name))
 where cycle_id is not null and position('）' in name) > 0;
update campaign_task set run_name = name where cycle_id is not null and run_name is null;
