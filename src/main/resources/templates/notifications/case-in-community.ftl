<#-- 辖区问题通知（发给案件所在的村、社区，jxreview-s58 J5）。模型：caseNo 案件编号、title 标题、address 地址、communityName 村/社区名称、leadUnitName 牵头单位、due 整改期限、link 案件页链接 -->
<#assign subject>【辖区问题】${caseNo} ${title}</#assign>
${communityName}：

${communityName}范围内上报的市容问题已立为整改案件 ${caseNo}<#if (leadUnitName!"")?has_content>，由${leadUnitName}牵头办理</#if>。你单位可在案件页查看办理进展和整改前后照片（只读）；了解情况的，请配合牵头单位整改。

问题：${title}
地点：${address}
<#if (due!"")?has_content>
整改期限：${due}
</#if>

查看案件：${link}
