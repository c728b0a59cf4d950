<#-- 协办通知（发给责任单位）。模型：caseNo 案件编号、title 标题、address 地址、leadUnitName 牵头单位、partyUnit 协办单位的组 id、partyReason 协办原因（RESPONSIBLE 责任单位，TERRITORY 属地，TERRITORY_CONFIRMED 属地街镇答复非本镇属地后办公室确认属地无误；可缺）、due 整改期限、link 任务列表链接 -->
<#assign subject>【协办】${caseNo} ${title}</#assign>
市容整改案件 ${caseNo} 由${leadUnitName}牵头办理，<#if (partyReason!"") == "TERRITORY">问题位于你单位属地<#elseif (partyReason!"") == "TERRITORY_CONFIRMED">你单位曾答复非本镇属地，经案件所属组织的办公室核实，问题位于你单位属地<#else>你单位为责任单位</#if>，请配合整改，并在任务列表中记录协办情况。

问题：${title}
地点：${address}
整改期限：${due}

打开任务列表：${link}
