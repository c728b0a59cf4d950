<#-- 督办意见（发给牵头单位、其负责人和本组织办公室；办公室督办超期案件时，协办超期未记录的属地街镇和协办单位同时收到，sjreview-s57 D15）。
     模型同 case-dispatched，另有 supervisor 督办单位、instruction 督办意见、cooperators 协办超期的单位（可为空） -->
<#assign subject>【督办】${caseNo} ${title}</#assign>
${leadUnitName}<#if (cooperators!"")?has_content>、${cooperators}</#if>：

${supervisor}对整改案件 ${caseNo} 督办如下：
${instruction}

问题：${title}
地点：${address}
整改期限：${due}
<#if (cooperators!"")?has_content>
协办超期未记录：${cooperators}，请与牵头单位共同落实整改，并及时记录协办情况。
</#if>

打开任务列表：${link}
