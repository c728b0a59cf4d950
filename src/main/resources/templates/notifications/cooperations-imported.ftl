<#-- 导入协办汇总：一次导入请同一单位协办的案件只发一条（代替每件一条的协办通知）。模型：leadUnitName 收到通知的协办单位、count 件数、fileName 导入的文件、caseNos 案件编号（至多 20 个，顿号分隔）、more 其余件数（可无）、link 任务列表链接 -->
<#assign subject>【协办】本次导入请贵单位协办 ${count} 件</#assign>
${leadUnitName}：

本次导入（${fileName}）有 ${count} 件市容整改案件请贵单位协办（你单位为责任单位或问题位于你单位属地），请配合牵头单位整改，并在任务列表中记录协办情况。

案件编号：${caseNos}<#if more??>，另有 ${more} 件见任务列表</#if>

打开任务列表：${link}
