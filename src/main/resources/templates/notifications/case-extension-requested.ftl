<#-- 延期申请待审批（发给审批的组：首次为办公室，再次为审批人 roles.approvers）。模型同 case-dispatched（due 为现在的整改期限），另有 requestKind 首次延期申请或第二次延期申请、requestedDue 申请延期至、daysAdded 延长的工作日数、reason 延期理由、approverName 审批的组 -->
<#assign subject>【延期申请】${caseNo} ${leadUnitName}申请延期至 ${requestedDue}</#assign>
${approverName}：

${leadUnitName}对整改案件 ${caseNo} 提出${requestKind}，申请将整改期限由 ${due} 延至 ${requestedDue}<#if (daysAdded!"")?has_content>（延长 ${daysAdded}）</#if>，请在任务列表中审批。审批前整改期限不变。

延期理由：${reason}
问题：${title}
地点：${address}

打开任务列表：${link}
