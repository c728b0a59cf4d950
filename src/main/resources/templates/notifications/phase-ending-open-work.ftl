<#-- 阶段即将结束仍有未完成工作。模型：title 阶段名称、due 阶段结束时间、openCount 未完成事项数、leadUnitName 单位（可无）、detail 清单（可无）、link -->
<#assign subject>【阶段提醒】${title}将于 ${due} 结束，尚有 ${openCount} 项未完成</#assign>
${leadUnitName!"各单位"}：

${title}将于 ${due} 结束，你单位尚有 ${openCount} 项工作未完成，请抓紧办理。
<#if detail?has_content>

未完成事项：
${detail}
</#if>

打开任务列表：${link}
