<#-- 督办意见（发给牵头单位、其负责人和本组织办公室）。模型同 case-dispatched，另有 supervisor 督办单位、instruction 督办意见 -->
<#assign subject>【督办】${caseNo} ${title}</#assign>
${leadUnitName}：

${supervisor}对整改案件 ${caseNo} 督办如下：
${instruction}

问题：${title}
地点：${address}
整改期限：${due}

打开任务列表：${link}
