<#-- 超期督办（发给办公室和牵头单位负责人）。模型同 case-dispatched；officeName 本组织的办公室（九亭镇为创建工作办公室）；
     supervisorName 办理“督办超期案件”的组（办公室；办公室自己牵头的案件为审批人，如石湖荡镇的分管领导） -->
<#assign subject>【超期督办】${caseNo} 已超过整改期限</#assign>
${supervisorName!officeName}、${leadUnitName}负责同志：

整改案件 ${caseNo} 已于 ${due} 超过整改期限（红灯），已生成${supervisorName!officeName}的“督办超期案件”任务，请牵头单位负责人督促整改。

问题：${title}
地点：${address}
牵头单位：${leadUnitName}

打开任务列表：${link}
