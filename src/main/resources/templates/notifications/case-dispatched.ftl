<#-- 案件派遣通知（发给牵头单位）。模型：caseNo 案件编号、title 标题、address 地址、leadUnitName 牵头单位、due 整改期限、link 任务列表链接 -->
<#assign subject>【案件派遣】${caseNo} ${title}</#assign>
${leadUnitName}：

市容整改案件 ${caseNo} 已派遣给你单位牵头办理，请及时在任务列表中认领并整改。

问题：${title}
地点：${address}
整改期限：${due}

打开任务列表：${link}
