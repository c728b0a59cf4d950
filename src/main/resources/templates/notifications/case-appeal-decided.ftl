<#-- 考核申诉的审核结果（发给提出申诉的牵头单位）。模型同 case-dispatched，另有 decision 核准或驳回、deductionName 申诉的扣分项（超期、返工、回退、重新打开）、reason 申诉理由、opinion 审核意见；officeName 本组织审核申诉的办公室 -->
<#assign subject>【考核申诉已${decision}】${caseNo} ${deductionName}</#assign>
${leadUnitName}：

你单位对整改案件 ${caseNo} 的${deductionName}扣分提出的考核申诉，${officeName}已审核：${decision}。<#if decision == "核准">该扣分不再计入你单位的考核得分；案件的办理记录不变。<#else>该扣分照常计入考核。</#if>

问题：${title}
地点：${address}
申诉理由：${reason}
审核意见：${opinion!"（无）"}

打开任务列表：${link}
