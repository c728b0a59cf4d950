<#-- 导入协办汇总：一次导入只给每人发一条（代替每件一条的协办通知）。模型：leadUnitName 收到通知的协办单位、count 件数、fileName 导入的文件、caseNos 案件编号（至多 20 个，顿号分隔）、more 其余件数（可无）、link 任务列表链接；
     收件人同属几个协办单位时另有 units：每个单位一项（leadUnitName、count、caseNos、more），leadUnitName 为这些单位的名称 -->
<#if units?? && units?size gt 1>
<#assign total = 0><#list units as u><#assign total += u.count?number></#list>
<#assign subject>【协办】本次导入请你所在的 ${units?size} 个单位协办 ${total} 件</#assign>
${leadUnitName}：

本次导入（${fileName}）有 ${total} 件市容整改案件请你所在的 ${units?size} 个单位协办（单位为责任单位或问题位于单位属地），请配合牵头单位整改，并在任务列表中记录协办情况。
<#list units as u>

【${u.leadUnitName}】${u.count} 件
案件编号：${u.caseNos}<#if u.more??>，另有 ${u.more} 件见任务列表</#if>
</#list>
<#else>
<#assign subject>【协办】本次导入请贵单位协办 ${count} 件</#assign>
${leadUnitName}：

本次导入（${fileName}）有 ${count} 件市容整改案件请贵单位协办（你单位为责任单位或问题位于你单位属地），请配合牵头单位整改，并在任务列表中记录协办情况。

案件编号：${caseNos}<#if more??>，另有 ${more} 件见任务列表</#if>
</#if>

打开任务列表：${link}
