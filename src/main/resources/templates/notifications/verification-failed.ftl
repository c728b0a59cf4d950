<#-- 核查未通过，请返工（发给牵头单位）。模型同 case-dispatched，另有 comment 核查意见、reworkCount 返工次数；inspectorsName 本组织核查整改结果的组 -->
<#assign subject>【核查未通过】${caseNo} 请返工</#assign>
${leadUnitName}：

${inspectorsName}现场核查整改案件 ${caseNo} 未通过<#if reworkCount?has_content>（第 ${reworkCount} 次返工）</#if>，请按核查意见返工后重新提交，整改期限不变。

问题：${title}
地点：${address}
核查意见：${comment!"（无）"}
整改期限：${due}

打开任务列表：${link}
