<#-- 交办事项办结（区交给街镇的工作，街镇办结并经其领导审阅通过后发给交办的本组织办公室）。模型：title 交办事项、unitName 承办单位（街镇办公室）、
     dueDay 期限（如 2026-12-18）、handlingResult 办理情况、meetingName 作出决定的会议（可无）、campaignName 所属活动（可无）、officeName 本组织的办公室、
     link 本组织的“工作交办”一览（承办单位、期限、状态、办理情况） -->
<#assign subject>【交办办结】${title}</#assign>
${officeName}：

<#if meetingName?has_content>${meetingName}决定<#else>${officeName}</#if>交办${unitName}的工作<#if campaignName?has_content>（${campaignName}）</#if>“${title}”已办结，办理结果已经该单位领导审阅通过。

交办事项：${title}
期限：<#attempt>${dueDay?date("yyyy-MM-dd")?string("yyyy年M月d日")} 17:00<#recover>${dueDay}</#attempt>
办理情况：${handlingResult!"（未填写）"}

查看工作交办：${link}
