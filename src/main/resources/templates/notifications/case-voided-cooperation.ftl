<#-- 协办的案件已作废（发给协办随之结束、尚未记录协办情况的协办单位）。模型同 case-voided：reason 作废理由；link 为本案的页面 -->
<#assign subject>【案件作废】${caseNo} 已作废，协办结束</#assign>
市容整改案件 ${caseNo} 由${leadUnitName}牵头办理、你单位协办。${officeName}已将其作废（不予立案或撤销），本案不再办理。你单位在本案的“记录协办情况”任务已撤销，无需再记录，本案的协办也不计入考核。

作废理由：${reason}
问题：${title}
地点：${address}

查看本案：${link}
