<#-- 导入派遣汇总：一次导入只给每人发一条（代替每件一条的案件派遣通知）。模型：leadUnitName 牵头单位、count 件数、fileName 导入的文件、caseNos 案件编号（至多 20 个，顿号分隔）、more 其余件数（可无）、link 任务列表链接；
     收件人同属几个牵头单位时另有 units：每个单位一项（leadUnitName、count、caseNos、more），leadUnitName 为这些单位的名称 -->
<#if units?? && units?size gt 1>
<#assign total = 0><#list units as u><#assign total += u.count?number></#list>
<#assign subject>【案件派遣】本次导入向你所在的 ${units?size} 个单位派发 ${total} 件</#assign>
${leadUnitName}：

本次导入（${fileName}）向你所在的 ${units?size} 个单位派发 ${total} 件市容整改案件，由各单位牵头办理，请及时在任务列表中认领并整改。
<#list units as u>

【${u.leadUnitName}】${u.count} 件
案件编号：${u.caseNos}<#if u.more??>，另有 ${u.more} 件见任务列表</#if>
</#list>
<#else>
<#assign subject>【案件派遣】本次导入向贵单位派发 ${count} 件</#assign>
${leadUnitName}：

本次导入（${fileName}）向贵单位派发 ${count} 件市容整改案件，由你单位牵头办理，请及时在任务列表中认领并整改。

案件编号：${caseNos}<#if more??>，另有 ${more} 件见任务列表</#if>
</#if>

打开任务列表：${link}
