<#-- 属地街镇答复“非本镇属地”（发给案件所属组织的办公室，由其更正属地）。模型同 case-cooperation，另有 townName 答复的街镇、reason 街镇写明的应属街镇或原因；link 为本案的页面 -->
<#assign subject>【属地有误】${caseNo} ${townName}答复非本镇属地</#assign>
市容整改案件 ${caseNo} 由${leadUnitName}牵头办理，属地填为${townName}。${townName}在“记录协办情况”中答复：问题不在本镇（街道）属地。请核实属地：在案件页“更正案件信息”中，属地填错的改为正确的街镇（协办随之转给该街镇），属地无误的勾选“属地无误”（请该街镇重新记录协办情况）。属地改正前本案不计入${townName}的属地排名。

应属街镇或原因：${reason}
问题：${title}
地点：${address}

查看本案：${link}
