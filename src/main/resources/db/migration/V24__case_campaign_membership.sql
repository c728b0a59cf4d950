-- Campaign membership and what bound a case's due date (issue 10). A case belongs to the campaign that found it,
-- whatever the entry (finding, meeting decision, import, form): campaign_code is that fact, kept once, on the case.
-- plan_item: the category code of the campaign template's plan item (931 项目, survey 大类) the case counts under, null
-- when it counts under none; plan_sub_item: the survey 小项 it concerns. due_bound: what bound its due date when it
-- was dispatched: DISPATCH_LIMIT (the dispatch table's time limit), PLAN_ITEM (the item's finish-by), MEETING_DECISION
-- (the decision's 期限) or CAMPAIGN_END.
alter table rect_case add column campaign_code varchar(64);
alter table rect_case add column plan_item varchar(64);
alter table rect_case add column plan_sub_item varchar(200);
alter table rect_case add column due_bound varchar(32);

-- Until now only findings and meeting decisions were linked, in campaign_case.
update rect_case set campaign_code = (select min(cc.campaign_code) from campaign_case cc where cc.case_no = rect_case.case_no);
-- The templates' items are not in the database; a campaign handed out a task for each item its leads work on
-- (campaign_task.item_category), so a case of such a category counts under that item. Cases of campaigns whose
-- templates hand out no item tasks keep plan_item null: their figures count them under the campaign only.
update rect_case set plan_item = category where campaign_code is not null and exists (select 1 from campaign_task t
    where t.campaign_code = rect_case.campaign_code and t.item_category = rect_case.category);
update rect_case set due_bound = 'DISPATCH_LIMIT' where due_at is not null;
create index idx_rect_case_campaign on rect_case (campaign_code, status);

-- Membership now lives on the case; the finding task a case came from is in its external reference
-- (campaign:<code>:<task id>:<row>), so campaign_case holds nothing that is not kept elsewhere.
drop table campaign_case;
