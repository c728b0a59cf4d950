<#-- 阶段（或活动）已结束仍有未完成的工作（发给领导小组和办公室）。模型：officeName 本组织的办公室、title 活动和阶段名称、due 阶段结束时间（最后一天的次日 0 时）、
     lastDay 阶段的最后一天（如 2026年12月5日，方案和办公室都说阶段于这一天结束；流程旧版本没有时写 due）、
     campaignEnded 最后一个阶段即活动结束时为 true、openCount 未办结的任务和未结案的案件数、detail 按单位列出的清单（可无）、link -->
<#assign ended = (campaignEnded!"") == "true">
<#assign endedOn><#if lastDay?has_content>于${lastDay}<#else>已于 ${due} </#if></#assign>
<#assign subject>【<#if ended>活动结束<#else>阶段结束</#if>】${title}${endedOn}结束，尚有 ${openCount} 项工作未完成</#assign>
各位领导、${officeName}：

${title}${endedOn}结束，<#if ended>活动随之结束<#else>活动已进入下一阶段</#if>。尚有 ${openCount} 项工作（未办结的任务和未结案的案件）未完成，这些工作不会取消，仍由原承办单位继续办理，请督促落实。
<#if detail?has_content>

未完成的工作（按单位）：
${detail}
</#if>

打开任务列表：${link}
