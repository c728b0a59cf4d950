package org.shirong.system;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;
import org.xml.sax.SAXParseException;

/**
 * Reads every BPMN file as XML against the schema before anything else looks at it (poreview-s50 F5), so that all files'
 * XML and schema problems come in one start-up, each as "file: 第 n 行第 m 列: what is wrong" in Chinese. The engine used
 * to find them one file per restart, inside the first organisation's deployment, and a file that is not well-formed
 * (a deleted end tag) came back as ENGINE-09003 without line. Messages of the XML parser that are not translated here
 * are given as they are, in parentheses.
 */
final class BpmnFileCheck {

    private BpmnFileCheck() {
    }

    /**
     * The problems of the BPMN files among {@code resources}; {@code checked} holds, per content and file, what an earlier
     * organisation's check found (the organisations share the files).
     */
    static List<String> check(List<ProcessResource> resources, Map<List<Object>, DiagramRules.Findings> checked) {
        return check(resources, checked, true, new ArrayList<>());
    }

    /**
     * As above; {@code historyTimeToLiveRequired}: the engine refuses a process without one. What is worth saying but does
     * not stop start-up (a generated id) is added to {@code warnings}.
     */
    static List<String> check(List<ProcessResource> resources, Map<List<Object>, DiagramRules.Findings> checked,
            boolean historyTimeToLiveRequired, List<String> warnings) {
        List<String> problems = new ArrayList<>();
        for (ProcessResource resource : resources) {
            if (resource.hasExtension("bpmn")) {
                DiagramRules.Findings findings = checked.computeIfAbsent(List.of(ByteBuffer.wrap(resource.content()), resource.origin()),
                        key -> check(resource.origin(), resource.content(), historyTimeToLiveRequired));
                problems.addAll(findings.problems());
                findings.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
            }
        }
        return problems;
    }

    /**
     * The problems of one file, in Chinese, each with line and column: first whether it reads as XML against the schema,
     * then, when it does, {@link DiagramRules} (history time to live, literal timers, implicit joins and forks).
     */
    static DiagramRules.Findings check(String origin, byte[] content, boolean historyTimeToLiveRequired) {
        XmlRead read = new XmlRead();
        read.sourceInputStream(new ByteArrayInputStream(content));
        List<String> problems = new ArrayList<>();
        try {
            read.execute();
        } catch (RuntimeException unreadable) {
            SAXParseException where = saxCause(unreadable);
            if (where != null) {
                problems.add(at(origin, where.getLineNumber(), where.getColumnNumber(), where.getMessage()));
            } else {
                problems.add(origin + ": 无法读取（" + ProcessResourceValidator.rootMessage(unreadable) + "）");
            }
        }
        if (problems.isEmpty() && read.hasErrors()) {
            for (Problem problem : read.getProblems()) {
                problems.add(at(origin, problem.getLine(), problem.getColumn(), problem.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new DiagramRules.Findings(problems, List.of());
        }
        if (!read.hasWarnings() && SharedBpmnReads.current() != null) {
            SharedBpmnReads.current().keep(content, read.getRootElement());
        }
        return DiagramRules.check(origin, read.getRootElement(), historyTimeToLiveRequired);
    }

    private static String at(String origin, int line, int column, String message) {
        return "%s: 第 %d 行第 %d 列: %s".formatted(origin, line, column, chinese(message));
    }

    static SAXParseException saxCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return sax;
            }
        }
        return null;
    }

    private record Wording(Pattern english, String chinese, boolean keepOriginal) {
    }

    /** The XML parser's (Xerces, English) most common messages; {@code $1} … are the names it gives. */
    private static final List<Wording> WORDINGS = List.of(
            new Wording(Pattern.compile("The element type \"([^\"]+)\" must be terminated by the matching end-tag \"</([^\"]+)>\"\\.?"),
                    "元素 <$1> 没有对应的结束标记 </$2>（被删除、写错或放错了位置；这里是发现不匹配的位置，缺少的标记在此之前）", false),
            new Wording(Pattern.compile("XML document structures must start and end within the same entity\\.?"),
                    "文件在所有元素结束之前就结束了（缺少结束标记，或文件被截断）", false),
            new Wording(Pattern.compile("Premature end of file\\.?"), "文件不完整（提前结束或为空）", false),
            new Wording(Pattern.compile("Content is not allowed in prolog\\.?"), "文件开头（<?xml …?> 之前或根元素之前）有多余的文字", false),
            new Wording(Pattern.compile("Content is not allowed in trailing section\\.?"), "根元素结束之后还有多余的文字", false),
            new Wording(Pattern.compile("The markup in the document following the root element must be well-formed\\.?"),
                    "根元素结束之后还有多余的内容", false),
            new Wording(Pattern.compile("The end-tag for element type \"([^\"]+)\" must end with a '>' delimiter\\.?"),
                    "结束标记 </$1 缺少 >", false),
            new Wording(Pattern.compile("Element type \"([^\"]+)\" must be followed by either attribute specifications, \">\" or \"/>\"\\.?"),
                    "元素 <$1 的属性写法有误（属性之间要有空格，元素要以 > 或 /> 结束）", false),
            new Wording(Pattern.compile("Open quote is expected for attribute \"([^\"]+)\" associated with an +element type +\"([^\"]+)\"\\.?"),
                    "元素 <$2> 的属性 $1 的值缺少引号", false),
            new Wording(Pattern.compile("Attribute name \"([^\"]+)\" associated with an element type \"([^\"]+)\" must be followed by the ' = ' character\\.?"),
                    "元素 <$2> 的属性 $1 后面缺少 =", false),
            new Wording(Pattern.compile("Attribute \"([^\"]+)\" was already specified for element \"([^\"]+)\"\\.?"),
                    "元素 <$2> 的属性 $1 写了两次", false),
            new Wording(Pattern.compile("The prefix \"([^\"]+)\" for (?:element|attribute) \"([^\"]+)\"(?: associated with an element type \"[^\"]+\")? is not bound\\.?"),
                    "$2 的前缀 $1: 没有声明命名空间（xmlns:$1=…）", false),
            new Wording(Pattern.compile("The entity name must immediately follow the '&' in the entity reference\\.?"),
                    "文字中的 & 须写成 &amp;（条件中的 && 请写 and，或写成 &amp;&amp;）", false),
            new Wording(Pattern.compile("The reference to entity \"([^\"]+)\" must end with the ';' delimiter\\.?"),
                    "文字中的 &$1 须写成 &amp;$1（& 须写成 &amp;）", false),
            new Wording(Pattern.compile("The value of attribute \"([^\"]+)\" associated with an element type \"([^\"]+)\" must not contain the '<' character\\.?"),
                    "元素 <$2> 的属性 $1 的值中不能有 <（请写成 &lt;）", false),
            new Wording(Pattern.compile("The content of elements must consist of well-formed character data or markup\\.?"),
                    "元素内容中有不成对的 < 或写错的标记（文字中的 < 须写成 &lt;）", false),
            new Wording(Pattern.compile("cvc-id\\.1: There is no ID/IDREF binding for IDREF '([^']+)'\\.?"),
                    "引用的元素 id \"$1\" 在文件中不存在（连线的起点或终点、默认流向、附着的任务等引用了已删除或改名的元素）", false),
            new Wording(Pattern.compile("cvc-id\\.2: There are multiple occurrences of ID value '([^']+)'\\.?"),
                    "id \"$1\" 在文件中出现了不止一次（每个元素的 id 须唯一）", false),
            new Wording(Pattern.compile("cvc-datatype-valid\\.1\\.2\\.1: '([^']*)' is not a valid value for '(?:NCName|ID|IDREF)'\\.?"),
                    "\"$1\" 不能用作 id（须以字母或下划线开头，只含字母、数字、下划线、连字符和点）", false),
            new Wording(Pattern.compile("cvc-complex-type\\.2\\.4\\.a: Invalid content was found starting with element '\\{?([^'{}]+)\\}?'\\. "
                    + "One of '\\{([^}]*)\\}' is expected\\.?"),
                    "此处不能有元素 $1，这里应为 $2 之一（可能缺少结束标记，如 </$1>；或元素名写错、放错了位置）", false),
            new Wording(Pattern.compile("cvc-complex-type\\.2\\.4\\.b: The content of element '([^']+)' is not complete\\. "
                    + "One of '\\{([^}]*)\\}' is expected\\.?"),
                    "元素 <$1> 不完整，缺少 $2 之一", false),
            new Wording(Pattern.compile("cvc-complex-type\\.2\\.4\\.a: Invalid content was found starting with element '(?:\\{[^}]*\\}:?)?([^']+)'\\..*"),
                    "此处不能有元素 $1（元素名写错，或放错了位置）", true),
            new Wording(Pattern.compile("cvc-complex-type\\.3\\.2\\.2: Attribute '([^']+)' is not allowed to appear in element '([^']+)'\\.?"),
                    "元素 <$2> 不能有属性 $1（属性名写错，或缺少 camunda: 前缀）", false),
            new Wording(Pattern.compile("cvc-complex-type\\.4: Attribute '([^']+)' must appear on element '([^']+)'\\.?"),
                    "元素 <$2> 缺少属性 $1", false));

    /** The parser's message in Chinese; an unknown one as "XML 错误（…）". */
    static String chinese(String message) {
        // DMN's reader names elements as {"namespace":name}
        String text = String.valueOf(message).strip().replaceAll("\"(?:https?|urn):[^\"]*\":", "");
        for (Wording wording : WORDINGS) {
            Matcher matcher = wording.english().matcher(text);
            if (matcher.matches()) {
                return matcher.replaceFirst(wording.chinese())
                        + (wording.keepOriginal() ? "（" + text + "）" : "");
            }
        }
        return "XML 错误（" + text + "）";
    }

    /** The XML read of the engine's BPMN parse (SAX against the compiled schema), without building process definitions. */
    private static final class XmlRead extends Parse {
        XmlRead() {
            super(new XmlParser());
        }
    }

    private static final class XmlParser extends Parser {
        @Override
        public Parse createParse() {
            return new XmlRead();
        }

        @Override
        protected SAXParserFactory getSaxParserFactoryLazily() {
            return CompiledSchemaBpmnParser.validatingFactoryOfThisThread();
        }
    }
}
