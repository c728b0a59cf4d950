<#-- 办公室更正了区的案件的属地，原属地街镇不再协办（发给原属地街镇的办公室）。模型：caseNo、title、address、leadUnitName 牵头单位、officeName 更正属地的办公室（区的，写明所属组织）、townName 原属地、newTownName 更正后的属地、withdrawn 原属地的“记录协办情况”尚未记录、随之撤销时为“是”、newTown 属地协办的去向（ASKED 转给更正后属地的办公室、LEADS 该办公室牵头办理本案而不另协办、NONE 更正后的属地不是本区的街镇）、reason 更正说明；link 为本案的页面 -->
<#assign subject>【属地更正】${caseNo} 属地已改为${newTownName}，${townName}不再协办</#assign>
市容整改案件 ${caseNo} 由${leadUnitName}牵头办理，属地原为${townName}。${officeName}已将属地更正为${newTownName}，<#switch newTown!"ASKED"><#case "LEADS">本案由${newTownName}的办公室牵头办理，不另设属地协办。<#break><#case "NONE">本案不再有属地协办。<#break><#default>属地协办随之转给${newTownName}。</#switch><#if (withdrawn!"") == "是">你单位在本案的“记录协办情况”任务已撤销，无需再记录。<#else>你单位已记录的协办情况保留在办理记录中。</#if>本案的协办和属地排名不再计入${townName}。

更正说明：${reason}
问题：${title}
地点：${address}

查看本案：${link}
