<#-- 案件派遣通知（发给牵头单位）。模型：caseNo 案件编号、title 标题、address 地址、leadUnitName 牵头单位、due 整改期限、link 任务列表链接；claimed 非空时本单位在自己的活动任务中录入本问题，录入即认领，handlerName 录入人（整改任务已交给他，可为空） -->
<#assign subject>【案件派遣】${caseNo} ${title}</#assign>
${leadUnitName}：

<#if (claimed!"")?has_content>
市容整改案件 ${caseNo} 由你单位在活动任务中录入，已派遣给你单位牵头办理。录入即认领，无需再认领，请在任务列表中直接整改。<#if (handlerName!"")?has_content>整改任务已交给录入问题的${handlerName}，本单位其他人员也可在任务列表中查看和接手。</#if>
<#else>
市容整改案件 ${caseNo} 已派遣给你单位牵头办理，请及时在任务列表中认领并整改。
</#if>

问题：${title}
地点：${address}
整改期限：${due}

打开任务列表：${link}
