<#-- 延期申请的审批结果（发给牵头单位）。模型同 case-dispatched（due 为审批后的整改期限：同意时为新的期限，不同意时为原期限），另有 decision 同意或不同意、requestKind 首次延期申请或第二次延期申请、requestedDue 申请延期至、comment 审批意见 -->
<#assign subject>【延期${decision}】${caseNo} 整改期限<#if decision == "同意">延至<#else>仍为</#if> ${due}</#assign>
${leadUnitName}：

<#if decision == "同意">
你单位对整改案件 ${caseNo} 的${requestKind}（申请延期至 ${requestedDue}）已获同意，整改期限延至 ${due}，请按新的期限完成整改。
<#else>
你单位对整改案件 ${caseNo} 的${requestKind}（申请延期至 ${requestedDue}）未获同意，原整改期限 ${due} 不变，请抓紧整改，按期提交核查。
</#if>

审批意见：${comment!"（未写明）"}
问题：${title}
地点：${address}

打开任务列表：${link}
