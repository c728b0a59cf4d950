<#-- 案件已作废（发给牵头单位）。模型同 case-dispatched，另有 reason 作废理由；link 为本案的页面 -->
<#assign subject>【案件作废】${caseNo} 已作废，不再办理</#assign>
${leadUnitName}：

整改案件 ${caseNo} 已由${officeName}作废（不予立案或撤销），本案不再办理，相关待办任务已撤销，也不计入考核。

作废理由：${reason}
问题：${title}
地点：${address}

查看本案：${link}
