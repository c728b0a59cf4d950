<#-- 通报已印发。模型：noticeIssuer 印发通报的单位（本组织 notice.signed-by 的第一行，默认领导小组）、title 通报标题、detail 通报摘要（可无）、link 通报全文的地址 -->
<#assign subject>【通报】${title}</#assign>
各单位：

${noticeIssuer!leadingName}印发了《${title}》，请认真对照整改。
<#if detail?has_content>

${detail}
</#if>

通报全文：${link}
