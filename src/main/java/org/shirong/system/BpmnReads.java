package org.shirong.system;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;

/**
 * What Shirong's own checks need from a BPMN file, read as the engine reads it (SAX, validated against the compiled
 * schema, the engine's XXE protections) rather than through the model API: within a deployment pass
 * ({@link SharedBpmnReads}) the engine's parse then goes on from this read instead of reading the file again (W6).
 */
public final class BpmnReads {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

    /** A user task's id, name and {@code camunda:candidateGroups} as written (null when absent). */
    public record UserTask(String id, String name, String candidateGroups) {
    }

    private BpmnReads() {
    }

    /**
     * The user tasks of a BPMN file, nested ones too, in document order; empty when the file is not well-formed or not
     * valid against the schema (the deployment then names the problem, line and column).
     */
    public static Optional<List<UserTask>> userTasks(byte[] content) {
        return read(content).map(root -> {
            List<UserTask> tasks = new ArrayList<>();
            collectUserTasks(root, tasks);
            return tasks;
        });
    }

    /**
     * The element ids of each process of a BPMN file (process id → the ids of the elements in it, nested ones too);
     * empty when the file is not well-formed or not valid against the schema.
     */
    public static Optional<Map<String, Set<String>>> processElementIds(byte[] content) {
        return read(content).map(root -> {
            Map<String, Set<String>> byProcess = new LinkedHashMap<>();
            for (Element process : root.elementsNS(new Namespace(BpmnParser.BPMN20_NS), "process")) {
                Set<String> ids = new HashSet<>();
                collectIds(process, ids);
                byProcess.put(process.attribute("id"), ids);
            }
            return byProcess;
        });
    }

    private static void collectIds(Element element, Set<String> ids) {
        element.elements().forEach(child -> {
            if (child.attribute("id") != null) {
                ids.add(child.attribute("id"));
            }
            collectIds(child, ids);
        });
    }

    /** The file's root element as the engine reads it; empty when it is not well-formed or not valid against the schema. */
    static Optional<Element> root(byte[] content) {
        return read(content);
    }

    private static Optional<Element> read(byte[] content) {
        SharedBpmnReads reads = SharedBpmnReads.current();
        Element before = reads == null ? null : reads.readBefore(content);
        if (before != null) {
            return Optional.of(before);
        }
        ElementRead read = new ElementRead();
        read.sourceInputStream(new ByteArrayInputStream(content));
        try {
            read.execute();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        if (read.hasErrors()) {
            return Optional.empty();
        }
        if (reads != null && !read.hasWarnings()) {
            reads.keep(content, read.getRootElement());
        }
        return Optional.ofNullable(read.getRootElement());
    }

    private static void collectUserTasks(Element element, List<UserTask> tasks) {
        if (BpmnParser.BPMN20_NS.equals(element.getUri()) && "userTask".equals(element.getTagName())) {
            tasks.add(new UserTask(element.attribute("id"), element.attribute("name"), element.attributeNS(CAMUNDA, "candidateGroups")));
        }
        element.elements().forEach(child -> collectUserTasks(child, tasks));
    }

    /** The XML read of the engine's BPMN parse, without building process definitions. */
    private static final class ElementRead extends Parse {
        ElementRead() {
            super(new ValidatingParser());
        }
    }

    private static final class ValidatingParser extends Parser {
        @Override
        public Parse createParse() {
            return new ElementRead();
        }

        @Override
        protected SAXParserFactory getSaxParserFactoryLazily() {
            return CompiledSchemaBpmnParser.validatingFactoryOfThisThread();
        }
    }
}
