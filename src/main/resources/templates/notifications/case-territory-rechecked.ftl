<#-- 属地街镇答复“非本镇属地”后告诉案件的牵头单位：属地正由办公室核实（sjreview-s57 D14）。模型同 case-cooperation，另有 townName 答复的街镇、
     reason 街镇写明的应属街镇或原因、officeName 核实属地的办公室；link 为本案的页面 -->
<#assign subject>【属地核实】${caseNo} 属地${townName}答复非本镇属地，正在核实</#assign>
你单位牵头办理的市容整改案件 ${caseNo}，属地填为${townName}；${townName}答复问题不在本镇（街道）属地。${officeName}正在核实属地：属地更正后，协办转给正确的街镇，你单位的任务随之写明新的属地。请照常组织整改，需要属地配合的，暂与${officeName}联系。

应属街镇或原因：${reason}
问题：${title}
地点：${address}

查看本案：${link}
