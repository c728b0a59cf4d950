<#-- 辖区问题进展（发给案件所在的村、社区，继【辖区问题】之后，jxreview-s60 J8）：挂账、结案，或经更正不再属该村、社区。模型：caseNo 案件编号、title 标题、address 地址、communityName 村/社区名称、event 进展（已挂账、已结案、已不属本辖区）、update 说明、leadUnitName 牵头单位、link 链接（结案、挂账为案件页，不再属本辖区时为辖区案件列表） -->
<#assign subject>【辖区问题${event}】${caseNo} ${title}</#assign>
${communityName}：

你单位辖区内的问题 ${caseNo}<#if (leadUnitName!"")?has_content>（${leadUnitName}牵头办理）</#if>${event}。${update}

问题：${title}
地点：${address}

<#if event == "已不属本辖区">本辖区案件：${link}<#else>查看案件：${link}</#if>
