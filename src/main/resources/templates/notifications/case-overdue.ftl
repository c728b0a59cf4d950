<#-- 超期督办（发给创建办和牵头单位负责人）。模型同 case-dispatched -->
<#assign subject>【超期督办】${caseNo} 已超过整改期限</#assign>
创建办、${leadUnitName}负责同志：

整改案件 ${caseNo} 已于 ${due} 超过整改期限（红灯），创建办已生成“督办超期案件”任务，请牵头单位负责人督促整改。

问题：${title}
地点：${address}
牵头单位：${leadUnitName}

打开任务列表：${link}
