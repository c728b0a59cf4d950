<#-- 会议议程已发布。模型：title 会议名称、due 会议时间、place 地点（可无：会议和本组织都没有写地点时为“另行通知”）、detail 议程原文（临时会议，可无）、link 会议议程文件的地址：
     例会的议程含进展、案件和考核数据；临时会议（有 detail）的是会议通知和议程 -->
<#assign subject>【会议通知】${title}</#assign>
各位同志：

${title}定于 ${due} 召开，地点：<#if place?has_content>${place}<#else>另行通知</#if>，请准时参加。
<#if detail?has_content>

议程：
${detail}
</#if>
<#if link?has_content>

<#if detail?has_content>会议通知（可打印）：${link}<#else>会议议程（含进展、案件和考核数据）：${link}</#if>
</#if>
