<#-- 重复案件已合并（发给牵头单位和上报人）。模型同 case-dispatched，另有 mergedInto 并入的案件编号、reason 合并理由；link 为并入案件的页面 -->
<#assign subject>【案件合并】${caseNo} 已并入 ${mergedInto}</#assign>
${leadUnitName}及案件上报人：

整改案件 ${caseNo} 与 ${mergedInto} 反映的是同一问题，${officeName}已将其作为重复案件并入 ${mergedInto}，本案不再办理，相关待办任务已撤销。请按 ${mergedInto} 办理。

合并理由：${reason}
问题：${title}
地点：${address}

查看 ${mergedInto}：${link}
