<#-- 交办事项超期（发给承办单位和办公室，区交给街镇的工作还发给交办的区办公室 assignedBy；承办单位就是办公室时只称呼一次）。模型同 work-assignment-issued -->
<#assign subject>【交办超期】${title} 已超过期限</#assign>
${unitName}<#if unitName != officeName>、${officeName}</#if><#if assignedBy?has_content>、${assignedBy}</#if>：

<#if meetingName?has_content>${meetingName}决定<#elseif assignedBy?has_content>${assignedBy}<#else>${officeName}</#if>交办${unitName}的工作“${title}”期限为 <#attempt>${dueDay?date("yyyy-MM-dd")?string("yyyy年M月d日")} 17:00<#recover>${dueDay}</#attempt>，至今尚未办理完毕，已超期。请${unitName}抓紧办理并反馈<#if unitName != officeName>，${officeName}督促落实</#if>。

要求：${requirement}

打开任务列表：${link}
