<#-- 活动任务超期（发给承办单位；街镇的任务同时发给该街镇的办公室。布置任务的组织的办公室另收一条汇总：campaign-task-overdue-digest）。
     模型：taskName 任务名称、campaignName 活动名称、unitName 承办单位、due 期限、requirement 要求（可无）、link 任务列表链接 -->
<#assign subject>【任务超期】${taskName} 已超过期限</#assign>
${unitName}：

${campaignName}的任务“${taskName}”期限为 ${due}，至今尚未办结，已超期。请${unitName}抓紧办理并在任务列表中填写办理情况。
<#if requirement?has_content>

要求：${requirement}
</#if>

打开任务列表：${link}
