<#-- 挂账申请待审批（发给审批人 roles.approvers，按 OrganizationRoles.approversOf）。模型同 case-dispatched，另有 reason 挂账理由、reviewDate 申请的复核日期（yyyy-MM-dd，可为空）、approverName 审批的组 -->
<#assign subject>【挂账申请】${caseNo} ${leadUnitName}申请挂账</#assign>
${approverName}：

${leadUnitName}申请将整改案件 ${caseNo} 挂账（挂账期间停止计时）<#if (reviewDate!"")?has_content>，复核日期 ${reviewDate}</#if>，请在任务列表中审批。审批前整改期限 ${due} 照常计时。

挂账理由：${reason}
问题：${title}
地点：${address}

打开任务列表：${link}
