<#-- 活动任务下达（一次下达只给每人发一条）。模型：leadUnitName 承办单位、campaignName 活动名称、
     occasion 下达的缘由（如“前期准备”阶段开始，可无）、taskCount 任务数、tasks 任务清单（每项 name 任务名称、requirement 要求、due 期限）、link 任务列表链接；
     收件人同属几个承办单位（如一人兼任两个单位的负责人）时另有 units：每个单位一项（leadUnitName、taskCount、tasks），
     leadUnitName 为这些单位的名称，各单位的任务列在单位名称下 -->
<#macro taskLines tasks>
<#list tasks as t>

<#if tasks?size != 1>${t?counter}. </#if>${t.name}
   期限：${t.due}
<#if t.requirement?has_content>
   要求：${t.requirement?replace("\n", "\n   ")}
</#if>
</#list>
</#macro>
<#if units?? && units?size gt 1>
<#assign total = 0><#list units as u><#assign total += u.taskCount?number></#list>
<#assign subject>【任务下达】${campaignName}<#if occasion??>${occasion}</#if>，向你所在的 ${units?size} 个单位下达 ${total} 项任务</#assign>
${leadUnitName}：

<#if occasion??>${campaignName}${occasion}，<#else>${campaignName}</#if>向你所在的 ${units?size} 个单位下达以下任务，请在期限前在任务列表中办理并填写办理情况：
<#list units as u>

【${u.leadUnitName}】${u.taskCount} 项
<@taskLines u.tasks/>
</#list>
<#else>
<#assign subject><#if taskCount == "1">【任务下达】${tasks[0].name}（${campaignName}）<#else>【任务下达】${campaignName}<#if occasion??>${occasion}</#if>，向你单位下达 ${taskCount} 项任务</#if></#assign>
${leadUnitName}：

<#if occasion??>${campaignName}${occasion}，<#else>${campaignName}</#if>向你单位下达以下<#if taskCount != "1"> ${taskCount} 项</#if>任务，请在期限前在任务列表中办理并填写办理情况：
<@taskLines tasks/>
</#if>

打开任务列表：${link}
