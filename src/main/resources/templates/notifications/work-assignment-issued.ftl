<#-- 工作交办（发给承办单位）。模型：title 交办事项、unitName 承办单位、requirement 要求、dueDay 期限（当天 17:00，如 2026-12-12）、
     meetingName 作出决定的会议（会议决定的交办，可无）、campaignName 所属活动（可无）、assignedBy 交办的区办公室（区交给街镇的工作，可无）、officeName 本组织的办公室、link 任务列表链接 -->
<#assign subject>【工作交办】${title}</#assign>
${unitName}：

<#if meetingName?has_content>${meetingName}决定<#elseif assignedBy?has_content>${assignedBy}<#else>${officeName}</#if>向你单位交办以下工作<#if campaignName?has_content>（${campaignName}）</#if>，请在期限前在任务列表中办理并反馈办理结果。

交办事项：${title}
期限：<#attempt>${dueDay?date("yyyy-MM-dd")?string("yyyy年M月d日")} 17:00<#recover>${dueDay}</#attempt>
要求：${requirement}

打开任务列表：${link}
