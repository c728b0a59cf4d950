<#-- 导入派遣汇总：一次导入派给同一牵头单位的案件只发一条（代替每件一条的案件派遣通知）。模型：leadUnitName 牵头单位、count 件数、fileName 导入的文件、caseNos 案件编号（至多 20 个，顿号分隔）、more 其余件数（可无）、link 任务列表链接 -->
<#assign subject>【案件派遣】本次导入向贵单位派发 ${count} 件</#assign>
${leadUnitName}：

本次导入（${fileName}）向贵单位派发 ${count} 件市容整改案件，由你单位牵头办理，请及时在任务列表中认领并整改。

案件编号：${caseNos}<#if more??>，另有 ${more} 件见任务列表</#if>

打开任务列表：${link}
