package org.shirong.system;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Expression;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Start-up check of every expression in the diagrams ({@code camunda:candidateGroups}, {@code assignee}, {@code dueDate},
 * conditions, timers, listeners, delegate expressions, input/output parameters, extension properties …) and in the JUEL
 * cells of decision tables: each name it starts from must be a process variable (set in a diagram, a form or the
 * code), {@code execution}/{@code task}, or a bean written for the processes ({@link ExpressionBeans}). A typo
 * ({@code ${leadUnti}}) otherwise deploys and every case then fails with a 500; another bean ({@code environment},
 * {@code dataSource}) is not visible to the engine and is named as such. A process the engine does not deploy
 * ({@link DiagramRules#executable}) is not read. Problems read "file: 第 n 行 元素 id（name）: …".
 */
@Component
class ExpressionCheck {

    /** What the engine itself gives every expression ({@code VariableScopeElResolver}). */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "caseExecution", "externalTask", "authenticatedUserId");
    private static final String BPMN = BpmnParser.BPMN20_NS;
    private static final String CAMUNDA = BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS;
    /** Camunda attributes whose value is the name of a variable the process then has. */
    private static final Set<String> NAMING_ATTRIBUTES = Set.of("resultVariable", "elementVariable", "collection", "initiator",
            "errorCodeVariable", "errorMessageVariable", "escalationCodeVariable", "variableName");
    /** Elements whose text is for people, not the engine. */
    private static final Set<String> PROSE = Set.of("documentation", "textAnnotation", "text");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final Supplier<Set<String>> beans;
    private final Function<String, Class<?>> beanType;
    private final Predicate<String> otherBean;
    private final Set<String> codeVariables;

    @Autowired
    ExpressionCheck(ExpressionBeans beans, ObjectProvider<ReliedElements> relied) {
        this(beans::names, beans::type, beans::isBean, constants(relied.orderedStream().flatMap(r -> r.processClasses().stream()).toList()));
    }

    /**
     * @param beans         the beans expressions may use
     * @param otherBean     whether a name is a bean of the application that expressions may not use
     * @param codeVariables the variables Shirong's code sets or reads (the constants of the process classes)
     */
    ExpressionCheck(Supplier<Set<String>> beans, Predicate<String> otherBean, Set<String> codeVariables) {
        this(beans, name -> null, otherBean, codeVariables);
    }

    /**
     * @param beanType the class of each bean expressions may use (null when not known): the methods an expression calls
     *                 on it must exist (poreview-s56 P5)
     */
    ExpressionCheck(Supplier<Set<String>> beans, Function<String, Class<?>> beanType, Predicate<String> otherBean,
            Set<String> codeVariables) {
        this.beans = beans;
        this.beanType = beanType;
        this.otherBean = otherBean;
        this.codeVariables = codeVariables;
    }

    /** The identifier-like string constants of the classes that name a process's variables ({@code VAR_LEAD_UNIT = "leadUnit"}). */
    static Set<String> constants(Collection<Class<?>> classes) {
        Set<String> names = new HashSet<>();
        for (Class<?> type : classes) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                    try {
                        field.setAccessible(true);
                        String value = (String) field.get(null);
                        if (value != null && IDENTIFIER.matcher(value).matches()) {
                            names.add(value);
                        }
                    } catch (ReflectiveOperationException | RuntimeException unreadable) {
                        // not a constant we can read: not a variable name then
                    }
                }
            }
        }
        return names;
    }

    /** Problems in the expressions of the resources deployed together for one organisation; empty when all is well. */
    List<String> check(List<ProcessResource> resources) {
        Set<String> variables = new HashSet<>(codeVariables);
        List<DiagramRead> diagrams = new ArrayList<>();
        for (ProcessResource resource : resources) {
            if (resource.hasExtension("bpmn")) {
                BpmnReads.root(resource.content()).ifPresent(root -> {
                    diagrams.add(new DiagramRead(resource.origin(), root));
                    collectVariables(root, variables);
                });
            } else if (resource.hasExtension("form", "html")) {
                String text = new String(resource.content(), StandardCharsets.UTF_8);
                TaskFormFields.Form form = resource.hasExtension("form") ? TaskFormFields.camundaFormFields(text, null, null)
                        : TaskFormFields.htmlFormFields(text);
                variables.addAll(form.editable().keySet());
                variables.addAll(form.labels().keySet());
                variables.addAll(form.shown());
            }
        }
        List<String> problems = new ArrayList<>();
        for (DiagramRead diagram : diagrams) {
            checkElement(diagram.origin(), diagram.root(), null, variables, problems);
        }
        for (ProcessResource resource : resources) {
            if (resource.hasExtension("dmn") && new String(resource.content(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
                    .contains("juel")) {
                checkDecisions(resource, problems);
            }
        }
        return problems;
    }

    private record DiagramRead(String origin, Element root) {
    }

    private static void collectVariables(Element element, Set<String> variables) {
        if (notDeployed(element)) {
            return;
        }
        if (CAMUNDA.equals(element.getUri())) {
            switch (element.getTagName()) {
                case "formField" -> add(variables, element.attribute("id"));
                case "inputParameter", "outputParameter" -> add(variables, element.attribute("name"));
                case "in", "out" -> add(variables, element.attribute("target"));
                default -> {
                }
            }
        }
        for (String attribute : element.attributes()) {
            if (NAMING_ATTRIBUTES.contains(attribute)) {
                add(variables, element.attribute(attribute));
            }
        }
        element.elements().forEach(child -> collectVariables(child, variables));
    }

    private static void add(Set<String> variables, String name) {
        if (name != null && IDENTIFIER.matcher(name.strip()).matches()) {
            variables.add(name.strip());
        }
    }

    /** {@code owner}: the nearest element with an id around {@code element}, which a message names. */
    private void checkElement(String origin, Element element, Element owner, Set<String> variables, List<String> problems) {
        if (PROSE.contains(element.getTagName()) || !(BPMN.equals(element.getUri()) || CAMUNDA.equals(element.getUri()))
                || notDeployed(element)) {
            return;
        }
        Element named = BPMN.equals(element.getUri()) && element.attribute("id") != null ? element : owner;
        for (String attribute : element.attributes()) {
            String value = element.attribute(attribute);
            if (expression(value)) {
                checkExpression(origin, element, named, attribute.substring(attribute.lastIndexOf(':') + 1), value, variables, problems);
            }
        }
        String text = element.getText() == null ? "" : element.getText().strip();
        if (expression(text) && element.elements().isEmpty()) {
            String where = CAMUNDA.equals(element.getUri()) && element.attribute("name") != null
                    ? element.getTagName() + " " + element.attribute("name") : element.getTagName();
            checkExpression(origin, element, named, where, text, variables, problems);
        }
        element.elements().forEach(child -> checkElement(origin, child, named, variables, problems));
    }

    /** A process the engine leaves out (an outside party's pool): its expressions are never evaluated, its variables never set. */
    private static boolean notDeployed(Element element) {
        return BPMN.equals(element.getUri()) && element.getTagName().equals("process") && !DiagramRules.executable(element);
    }

    private static boolean expression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    private void checkExpression(String origin, Element element, Element owner, String where, String text, Set<String> variables,
            List<String> problems) {
        String at = "%s: 第 %d 行%s: %s 表达式 %s".formatted(origin, element.getLine(), owner == null ? "" : " 元素 " + owner.attribute("id")
                + (owner.attribute("name") == null ? "" : "（" + owner.attribute("name").strip() + "）"), where, text);
        Set<String> names;
        Tree tree;
        try {
            tree = JUEL.build(text);
            names = identifiers(tree);
        } catch (TreeBuilderException e) {
            problems.add(at + " 无法解析（" + e.getMessage() + "）");
            return;
        }
        for (String name : names) {
            if (ENGINE_NAMES.contains(name) || beans.get().contains(name) || variables.contains(name)) {
                continue;
            }
            if (otherBean.test(name)) {
                problems.add(at + " 使用了程序内部的对象 " + name + "：流程表达式只能使用流程变量、execution、task 和为流程编写的对象（"
                        + "各 …Delegate、…Listener 及 " + helpers() + "）");
            } else {
                problems.add(at + " 中的 " + name + " 既不是流程变量，也不是可用的对象，流程运行到这里时会出错"
                        + hint(name, variables));
            }
        }
        checkMethods(tree.getRoot(), at, variables, problems);
    }

    /**
     * {@code bean.method(…)} on a bean for the processes: the bean's class must have a public method of that name taking
     * that many arguments, as JUEL looks it up when the process gets there ({@code organizationRoles.ofice(execution)}
     * deployed and failed at runtime).
     */
    private void checkMethods(Node node, String at, Set<String> variables, List<String> problems) {
        if (node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot
                && dot.getChild(0) instanceof AstIdentifier bean && beans.get().contains(bean.getName())
                && !variables.contains(bean.getName()) && beanType.apply(bean.getName()) != null) {
            Class<?> type = beanType.apply(bean.getName());
            String name = dot.toString().replaceFirst("^\\s*\\.\\s*", "").strip();
            int arity = method.getChild(1) == null ? 0 : method.getChild(1).getCardinality();
            List<Method> named = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toList();
            if (named.isEmpty()) {
                problems.add(at + " 中的 " + bean.getName() + " 没有方法 " + name + "，流程运行到这里时会出错" + methodHint(name, type));
            } else if (named.stream().noneMatch(m -> m.getParameterCount() == arity
                    || m.isVarArgs() && arity >= m.getParameterCount() - 1)) {
                problems.add(at + " 中的 " + bean.getName() + "." + name + " 不能用 " + arity + " 个参数调用（应为 "
                        + named.stream().map(m -> String.valueOf(m.getParameterCount())).distinct().sorted()
                                .collect(java.util.stream.Collectors.joining(" 或 ")) + " 个），流程运行到这里时会出错");
            }
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            if (node.getChild(i) != null) {
                checkMethods(node.getChild(i), at, variables, problems);
            }
        }
    }

    /** "（是否指 office？）" for the public method of the bean a slip away, else "（可用的方法：…）" when it has few. */
    private static String methodHint(String name, Class<?> type) {
        Set<String> methods = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() != Object.class) {
                methods.add(m.getName());
            }
        }
        String best = nearest(name, methods);
        if (best != null) {
            return "（是否指 " + best + "？）";
        }
        return methods.isEmpty() || methods.size() > 12 ? "" : "（可用的方法：" + String.join("、", methods) + "）";
    }

    private String helpers() {
        return String.join("、", beans.get().stream().filter(b -> !b.endsWith("Delegate") && !b.endsWith("Listener")).sorted().toList());
    }

    /** The names an expression starts from ({@code leadUnit} in {@code ${organizationRoles.reviewersOf(execution, leadUnit)}}…). */
    static Set<String> identifiers(String text) {
        return identifiers(JUEL.build(text));
    }

    private static Set<String> identifiers(Tree tree) {
        Set<String> names = new LinkedHashSet<>();
        for (IdentifierNode node : tree.getIdentifierNodes()) {
            names.add(node.getName());
        }
        return names;
    }

    /** "（是否指 leadUnit？）" when a known name is a slip of one or two letters away; empty otherwise. */
    private String hint(String name, Set<String> variables) {
        Set<String> known = new TreeSet<>(variables);
        known.addAll(beans.get());
        known.addAll(ENGINE_NAMES);
        String best = nearest(name, known);
        return best != null ? "（是否指 " + best + "？）" : "";
    }

    /**
     * The first of {@code candidates} (in their order) nearest to {@code name}, case aside, when it is a slip of one or
     * two letters away (one for a name of up to 7 letters); null otherwise.
     */
    private static String nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(2, name.length() / 4)) ? best : null;
    }

    /** Edits (insert, delete, change, swap of neighbours) from one name to the other. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * A decision table's JUEL cells (FEEL, the default, sees no beans): the names they use may not be beans other than
     * those for the processes. Other names are the decision's inputs and the process's variables, left to the engine.
     */
    private void checkDecisions(ProcessResource resource, List<String> problems) {
        DmnModelInstance model;
        try {
            model = ModelFiles.readDmn(resource.content());
        } catch (RuntimeException unreadable) {
            return; // ProcessResourceValidator names the problem
        }
        String defaultLanguage = model.getDefinitions().getExpressionLanguage();
        List<ModelElementInstance> cells = new ArrayList<>(model.getModelElementsByType(Expression.class));
        cells.addAll(model.getModelElementsByType(UnaryTests.class));
        for (ModelElementInstance cell : cells) {
            String language = cell.getAttributeValue("expressionLanguage");
            language = language != null ? language : defaultLanguage;
            String text = cell.getUniqueChildElementByType(org.camunda.bpm.model.dmn.instance.Text.class) == null ? null
                    : cell.getUniqueChildElementByType(org.camunda.bpm.model.dmn.instance.Text.class).getTextContent();
            if (language == null || !language.strip().toLowerCase(Locale.ROOT).equals("juel") || text == null || text.isBlank()) {
                continue;
            }
            String expression = expression(text) ? text.strip() : "${" + text.strip() + "}";
            String at = "%s: 元素 %s: %s".formatted(resource.origin(), idOf(cell), text.strip());
            try {
                for (String name : identifiers(expression)) {
                    if (otherBean.test(name) && !beans.get().contains(name)) {
                        problems.add(at + " 使用了程序内部的对象 " + name + "：决策表的表达式只能使用输入和流程变量");
                    }
                }
            } catch (TreeBuilderException e) {
                problems.add(at + " 无法解析（" + e.getMessage() + "）");
            }
        }
    }

    private static String idOf(ModelElementInstance cell) {
        for (ModelElementInstance at = cell; at != null && !(at instanceof Definitions); at = at.getParentElement()) {
            if (at instanceof DmnElement element && element.getId() != null) {
                return element.getId();
            }
        }
        return "?";
    }
}
