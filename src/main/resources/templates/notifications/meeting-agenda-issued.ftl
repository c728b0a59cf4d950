<#-- 会议议程已发布。模型：title 会议名称、due 会议时间、place 地点（可无）、detail 议程（可无）、link 会议议程文件的地址 -->
<#assign subject>【会议通知】${title}</#assign>
各位同志：

${title}定于 ${due} 召开<#if place?has_content>，地点：${place}</#if>，请准时参加。
<#if detail?has_content>

议程：
${detail}
</#if>

会议议程（含进展、案件和考核数据）：${link}
