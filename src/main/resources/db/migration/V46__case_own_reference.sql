-- 本系统自己立案的案件（会议决定、门责移交执法、活动发现的问题）使用本系统的外部编号（meeting-…、ZONE-…、campaign:…），
-- 重复执行的步骤据此找回已立的案件。own_reference 标明案件确由这些流程立案：只有流程写它，上报和导入都不写。
-- 找到的案件没有这一标记时，流程不沿用它（安全评审 s50 F1：有人抢先用这些编号上报过案件）。
alter table rect_case add column own_reference boolean default false not null;

-- 已有的案件：流程立的案件与流程的记录相符时才标记。抢先上报的案件虽已被流程记录，但来源、标题或上报人与流程不符。
update rect_case set own_reference = true
 where (external_ref like 'meeting-%' and source = 'MEETING'
        and exists (select 1 from meeting_decision d where d.case_no = rect_case.case_no and d.unit_id = rect_case.lead_unit))
    or (external_ref like 'ZONE-%' and source = 'PATROL' and title like '门责移交执法：%'
        and exists (select 1 from zone_handover h where h.case_no = rect_case.case_no
                    and rect_case.external_ref = 'ZONE-' || rect_case.tenant_id || '-' || cast(h.breach_id as varchar(20))))
    or (external_ref like 'campaign:%'
        and exists (select 1 from campaign_task t where t.campaign_code = rect_case.campaign_code
                    and rect_case.external_ref like 'campaign:' || t.campaign_code || ':' || cast(t.id as varchar(20)) || ':%'
                    and t.findings_source = rect_case.source and t.completed_by = rect_case.reported_by
                    and t.result like '%' || rect_case.case_no || '%'));
