package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What a process owner, Cockpit and the engine need from every file in processes/ and forms/:
 * drawn elements, readable ids, history time-to-live, transaction boundaries, candidate groups that
 * exist, forms that resolve, and delegate expressions that name a bean.
 */
@ShirongWebTest
@SharesSpringContext
class ProcessConventionsTest {

    private static final Pattern GENERATED_ID = Pattern.compile(
            "^(Activity|Event|Gateway|Flow|Task|StartEvent|EndEvent|SequenceFlow|UserTask|ServiceTask|ExclusiveGateway"
                    + "|BoundaryEvent|IntermediateThrowEvent|IntermediateCatchEvent|SubProcess|Decision|Rule)_[0-9a-z]{5,7}$|_\\d+$");
    private static final Pattern EXPRESSION = Pattern.compile("^\\$\\{(\\w+)}$");
    /** Delegates that only start another process, by the process they start. */
    private static final Map<String, String> STARTERS = Map.of("${startCooperationDelegate}", "CaseCooperationProcess");
    /**
     * Delegates that only record what arrived with the message right before them (督办, 合并, 作废 and 重新打开 through Shirong's
     * API): the request that correlated the message is their transaction, and its 2xx answer must mean the record is saved.
     */
    private static final Set<String> MESSAGE_RECORDERS = Set.of("${recordSupervisionDelegate}", "${closeMergedCaseDelegate}",
            "${voidCaseDelegate}", "${reopenCaseDelegate}");
    /** A variable templated into a form's text component: {@code {{meetingName}}}, {@code {{ place }}}. */
    private static final Pattern TEMPLATED = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    /**
     * What forms may template into text: values Shirong builds, not text a person entered (the 季检查 example and the
     * district's 属地 help are built from the organisation's configured sheets and kind; the 工作交办's download links,
     * whose file names have every punctuation mark escaped, {@code WorkAssignmentFileLinks}).
     */
    private static final Set<String> SHIRONG_BUILT = Set.of("agendaUrl", "unitNames", "categoryNames", "inspectionScoreExample",
            "territoryHelp", "attachmentLinks");

    @Autowired
    ApplicationContext context;
    @Autowired
    Organizations organizations;

    private final List<String> problems = new ArrayList<>();

    private static List<File> files(String folder, String extension) throws IOException {
        try (var paths = Files.walk(Path.of(folder))) {
            return paths.filter(p -> p.toString().endsWith("." + extension)).map(Path::toFile).sorted().toList();
        }
    }

    private void eachBpmn(Consumer<BpmnCheck> check) throws IOException {
        for (File file : files("processes", "bpmn")) {
            check.accept(new BpmnCheck(file.getPath(), Bpmn.readModelFromFile(file)));
        }
    }

    private record BpmnCheck(String file, BpmnModelInstance model) {
        <T extends ModelElementInstance> List<T> all(Class<T> type) {
            return List.copyOf(model.getModelElementsByType(type));
        }
    }

    @Test
    void thereAreProcessesToCheck() throws IOException {
        assertThat(files("processes", "bpmn")).isNotEmpty();
        assertThat(files("forms", "form")).isNotEmpty();
    }

    @Test
    void everyFlowElementIsDrawn() throws IOException {
        eachBpmn(bpmn -> {
            Set<String> drawn = new HashSet<>();
            bpmn.all(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
            bpmn.all(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
            bpmn.all(FlowElement.class).stream().filter(e -> !(e instanceof DataObject))
                    .filter(e -> !drawn.contains(e.getId()))
                    .forEach(e -> problems.add(bpmn.file() + ": " + e.getId() + " 没有图形（Modeler 中不显示）"));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void idsAreReadable() throws IOException {
        eachBpmn(bpmn -> bpmn.all(BaseElement.class).stream()
                .filter(e -> e instanceof FlowElement || e instanceof Process)
                .filter(e -> e.getId() != null && GENERATED_ID.matcher(e.getId()).find())
                .forEach(e -> problems.add(bpmn.file() + ": " + e.getId() + " 是自动生成的 id，请改为可读的名称")));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProcessAndDecisionHasAHistoryTimeToLive() throws IOException {
        eachBpmn(bpmn -> bpmn.all(Process.class).stream()
                .filter(p -> p.isExecutable() && p.getCamundaHistoryTimeToLiveString() == null)
                .forEach(p -> problems.add(bpmn.file() + ": 流程 " + p.getId() + " 未设置 historyTimeToLive")));
        for (File file : files("processes", "dmn")) {
            Dmn.readModelFromFile(file).getModelElementsByType(Decision.class).stream()
                    .filter(d -> d.getCamundaHistoryTimeToLiveString() == null)
                    .forEach(d -> problems.add(file + ": 决策 " + d.getId() + " 未设置 historyTimeToLive"));
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A service task never runs in a user's transaction: it is asyncBefore, or it follows a timer (whose
     * job is its transaction; no second job then races the user's work on the same instance). A send
     * task may run anywhere when it only queues rows in the notification outbox (sendNotificationDelegate;
     * delivery is a process instance of its own); any other send task follows the service-task rule. So may a
     * service task that only starts other processes ({@link #STARTERS}) when each of those begins with an
     * asyncBefore start event: it writes rows and jobs of other instances, none of which runs in the user's
     * transaction or races the user's work on this instance. A {@link #MESSAGE_RECORDERS} task right after a message
     * event runs in the transaction of whoever sent the message.
     */
    @Test
    void serviceAndSendTasksNeverRunInAUsersTransaction() throws IOException {
        Set<String> asyncStarts = new HashSet<>();
        eachBpmn(bpmn -> bpmn.all(Process.class).stream()
                .filter(p -> !p.getChildElementsByType(StartEvent.class).isEmpty()
                        && p.getChildElementsByType(StartEvent.class).stream().allMatch(StartEvent::isCamundaAsyncBefore))
                .forEach(p -> asyncStarts.add(p.getId())));
        eachBpmn(bpmn -> {
            bpmn.all(ServiceTask.class).stream().filter(t -> !inBackgroundTransaction(t))
                    .filter(t -> !asyncStarts.contains(STARTERS.get(String.valueOf(t.getCamundaDelegateExpression()))))
                    .filter(t -> !(MESSAGE_RECORDERS.contains(t.getCamundaDelegateExpression()) && followsMessage(t)))
                    .forEach(t -> problems.add(bpmn.file() + ": " + t.getId() + " 缺少 asyncBefore（且不是紧接定时事件）"));
            bpmn.all(SendTask.class).stream()
                    .filter(t -> !"${sendNotificationDelegate}".equals(t.getCamundaDelegateExpression()) && !inBackgroundTransaction(t))
                    .forEach(t -> problems.add(bpmn.file() + ": " + t.getId() + " 缺少 asyncBefore（且不是紧接定时事件）"));
        });
        assertThat(problems).isEmpty();
    }

    /**
     * A notification send task takes {@code template}, {@code recipients} and its other values from extension
     * properties (Modeler's "Extension properties"; SendTaskParametersPlugin), never from input parameters, which would
     * make it a scope: a child execution and a variable row per parameter, written and deleted each time it runs.
     */
    @Test
    void notificationSendTasksTakeTheirParametersFromExtensionProperties() throws IOException {
        eachBpmn(bpmn -> bpmn.all(SendTask.class).stream()
                .filter(t -> "${sendNotificationDelegate}".equals(t.getCamundaDelegateExpression()))
                .forEach(t -> {
                    Set<String> names = new HashSet<>();
                    if (t.getExtensionElements() != null) {
                        t.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                                .forEach(p -> p.getCamundaProperties().forEach(property -> names.add(property.getCamundaName())));
                        if (!t.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().isEmpty()) {
                            problems.add(bpmn.file() + ": " + t.getId() + " 使用了输入参数，请改为扩展属性（Extension properties）");
                        }
                    }
                    if (!names.containsAll(Set.of("template", "recipients"))) {
                        problems.add(bpmn.file() + ": " + t.getId() + " 缺少扩展属性 template 或 recipients");
                    }
                }));
        assertThat(problems).isEmpty();
    }

    private static boolean followsMessage(FlowNode node) {
        return !node.getIncoming().isEmpty() && node.getIncoming().stream().map(SequenceFlow::getSource).allMatch(source ->
                source instanceof CatchEvent event && !event.getChildElementsByType(MessageEventDefinition.class).isEmpty());
    }

    private static boolean inBackgroundTransaction(FlowNode node) {
        return inBackgroundTransaction(node, new HashSet<>());
    }

    private static boolean inBackgroundTransaction(FlowNode node, Set<String> seen) {
        if (node.isCamundaAsyncBefore()) {
            return true;
        }
        return seen.add(node.getId()) && !node.getIncoming().isEmpty()
                && node.getIncoming().stream().map(SequenceFlow::getSource).allMatch(source ->
                        source instanceof CatchEvent event && !event.getChildElementsByType(TimerEventDefinition.class).isEmpty()
                                || (source instanceof ServiceTask || source instanceof SendTask || source instanceof Gateway)
                                && !source.isCamundaAsyncAfter() && inBackgroundTransaction(source, seen));
    }

    @Test
    void everyCandidateGroupExistsInTheOrganisation() throws IOException {
        Organization organization = organizations.of("jiuting");
        eachBpmn(bpmn -> {
            bpmn.all(UserTask.class).forEach(t -> checkGroups(bpmn.file(), t.getId(), t.getCamundaCandidateGroups(), organization));
            bpmn.all(Process.class).forEach(p -> checkGroups(bpmn.file(), p.getId(), p.getCamundaCandidateStarterGroups(), organization));
        });
        assertThat(problems).isEmpty();
    }

    private void checkGroups(String file, String elementId, String groups, Organization organization) {
        if (groups == null) {
            return;
        }
        for (String group : groups.split(",(?![^{]*})")) { // not at the commas of an expression's arguments
            String id = group.trim();
            if (!id.isEmpty() && !id.contains("${") && organization.group(id).isEmpty()) {
                problems.add(file + ": " + elementId + " 的候选组 \"" + id + "\" 不在 organization.yaml 中");
            }
        }
    }

    @Test
    void everyFormReferenceResolvesToAFileInForms() throws IOException {
        Map<String, String> formIds = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (File file : files("forms", "form")) {
            formIds.put(json.readTree(file).path("id").asText(), file.getPath());
        }
        eachBpmn(bpmn -> {
            bpmn.all(UserTask.class).forEach(t -> checkForm(bpmn.file(), t.getId(), t.getCamundaFormRef(), t.getCamundaFormKey(), formIds));
            bpmn.all(StartEvent.class).forEach(e -> checkForm(bpmn.file(), e.getId(), e.getCamundaFormRef(), e.getCamundaFormKey(), formIds));
        });
        assertThat(problems).isEmpty();
    }

    private void checkForm(String file, String elementId, String formRef, String formKey, Map<String, String> formIds) {
        if (formRef != null && !formIds.containsKey(formRef)) {
            problems.add(file + ": " + elementId + " 引用的表单 \"" + formRef + "\" 不在 forms/ 中");
        }
        if (formKey != null) {
            String name = formKey.replaceFirst("^(embedded:)?(deployment:|app:)", "").replaceFirst("^camunda-forms:deployment:", "");
            if (!Files.exists(Path.of("forms", name.replaceFirst("^forms/", "")))) {
                problems.add(file + ": " + elementId + " 的 formKey \"" + formKey + "\" 在 forms/ 中找不到");
            }
        }
    }

    @Test
    void everyDelegateExpressionNamesABean() throws IOException {
        Pattern attribute = Pattern.compile("delegateExpression=\"([^\"]*)\"");
        for (File file : files("processes", "bpmn")) {
            Matcher found = attribute.matcher(Files.readString(file.toPath()));
            while (found.find()) {
                Matcher bean = EXPRESSION.matcher(found.group(1));
                if (!bean.matches() || !context.containsBean(bean.group(1))) {
                    problems.add(file + ": delegateExpression " + found.group(1) + " 没有对应的 Bean（应为 ${beanName}）");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void unitChoicesInFormsAreUnitsOfTheOrganisation() throws IOException {
        Organization organization = organizations.of("jiuting");
        ObjectMapper json = new ObjectMapper();
        for (File file : files("forms", "form")) {
            for (JsonNode component : json.readTree(file).path("components")) {
                if (component.path("key").asText().endsWith("Group")) {
                    component.path("values").forEach(v -> {
                        if (organization.group(v.path("value").asText()).isEmpty()) {
                            problems.add(file + ": " + component.path("key").asText() + " 的选项 " + v.path("value").asText() + " 不在 organization.yaml 中");
                        }
                    });
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A text component renders Markdown and HTML: what a person typed (a meeting's name, a place) is shown in a read-only
     * field bound to the variable, never templated into a text component, where a link in it would be a working link.
     * Templated may be only what Shirong builds itself: the agenda's address and the lists of unit and category names
     * from the configuration.
     */
    @Test
    void formsTemplateOnlyValuesShirongBuildsIntoTextComponents() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (File file : files("forms", "form")) {
            textComponents(json.readTree(file).path("components")).forEach(component -> {
                String text = component.path("text").asText();
                if (text.startsWith("=")) {
                    problems.add(file + ": " + component.path("id").asText() + " 的文字是表达式，请改用只读字段显示变量");
                }
                Matcher templated = TEMPLATED.matcher(text);
                while (templated.find()) {
                    if (!SHIRONG_BUILT.contains(templated.group(1).strip())) {
                        problems.add(file + ": " + component.path("id").asText() + " 在文字中套用变量 " + templated.group(1).strip()
                                + "，请改用只读字段（readonly textfield）显示");
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    private static List<JsonNode> textComponents(JsonNode components) {
        List<JsonNode> texts = new ArrayList<>();
        for (JsonNode component : components) {
            if (Set.of("text", "html").contains(component.path("type").asText())) {
                texts.add(component);
            }
            texts.addAll(textComponents(component.path("components")));
        }
        return texts;
    }
}
