<#-- 阶段已结束仍有未办结的任务（发给领导小组和创建办）。模型：title 活动和阶段名称、due 阶段结束时间、openCount 未办结任务数、detail 清单（可无）、link -->
<#assign subject>【阶段结束】${title}已于 ${due} 结束，尚有 ${openCount} 项任务未办结</#assign>
各位领导、创建办：

${title}已于 ${due} 结束，活动已进入下一阶段。本阶段尚有 ${openCount} 项任务未办结，这些任务不会取消，仍由原承办单位继续办理，请督促落实。
<#if detail?has_content>

未办结任务：
${detail}
</#if>

打开任务列表：${link}
