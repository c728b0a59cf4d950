<#-- 挂账申请的审批结果（发给牵头单位）。模型同 case-dispatched（due 为整改期限），另有 decision 同意或不同意、reviewDate 审批同意的复核日期（yyyy-MM-dd，不同意时为空）、comment 审批意见 -->
<#assign subject>【挂账${decision}】${caseNo}</#assign>
${leadUnitName}：

<#if decision == "同意">
你单位对整改案件 ${caseNo} 的挂账申请已获同意，案件挂账，挂账期间停止计时<#if (reviewDate!"")?has_content>；复核日期 ${reviewDate}，到期仍未恢复时提醒你单位和办公室复核</#if>。挂账原因消除后，请在“恢复整改”任务中提交新的整改计划。
<#else>
你单位对整改案件 ${caseNo} 的挂账申请未获同意，整改期限 ${due} 不变，请继续整改，按期提交核查。
</#if>

审批意见：${comment!"（未写明）"}
问题：${title}
地点：${address}

打开任务列表：${link}
