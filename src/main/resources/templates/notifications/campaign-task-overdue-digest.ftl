<#-- 活动任务超期汇总（发给布置任务的组织的办公室，一次列出同一时刻到期仍未办结的全部单位；各单位另收本单位的通知）。
     模型：taskName 任务名称、campaignName 活动名称、unitCount 单位数、overdueUnits 单位名称列表、due 期限、link 任务列表链接 -->
<#assign units = overdueUnits![]>
<#assign subject>【任务超期】${taskName}：以下 ${unitCount!units?size} 个单位尚未办结</#assign>
${leadUnitName!officeName}：

${campaignName}的任务“${taskName}”期限为 ${due}，以下 ${unitCount!units?size} 个单位至今尚未办结，已超期（各单位已另行通知），请督促落实：
<#list units as u>
${u?counter}. ${u}
</#list>

打开任务列表：${link}
