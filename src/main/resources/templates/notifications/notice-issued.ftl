<#-- 通报已印发。模型：leadingName 本组织的领导小组（印发单位）、title 通报标题、detail 通报摘要（可无）、link 通报全文的地址 -->
<#assign subject>【通报】${title}</#assign>
各单位：

${leadingName}印发了《${title}》，请认真对照整改。
<#if detail?has_content>

${detail}
</#if>

通报全文：${link}
