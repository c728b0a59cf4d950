package org.shirong.system;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The element ids Shirong's code finds by id in its processes (认领一次即可 on {@code Task_RectifyProblem}, the 核查 due
 * date, timers, messages …), as the constants of each process's class name them ({@code TASK_RECTIFY =
 * "Task_RectifyProblem"} beside {@code KEY = "RectificationProcess"}). A process owner who renames such an id in
 * Modeler switches the behaviour off without a word; start-up refuses the file instead ({@link #missing}).
 */
public interface ReliedElements {

    /** What an element id looks like in Shirong's diagrams: a type, an underscore and a name. */
    Pattern ELEMENT_ID = Pattern.compile("(Task|SubProcess|BoundaryEvent|EndEvent|StartEvent|Gateway|Event|"
            + "IntermediateCatchEvent|IntermediateThrowEvent|CallActivity|Timer|Activity)_\\w+");

    /** The classes holding a process's {@code KEY} and the ids of its elements the code relies on. */
    List<Class<?>> processClasses();

    /** Process key → the element ids its class names. */
    static Map<String, List<String>> idsByProcess(List<Class<?>> classes) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            String key = null;
            List<String> ids = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isFinal(field.getModifiers())
                        || field.getType() != String.class) {
                    continue;
                }
                String value = constant(field);
                if ("KEY".equals(field.getName())) {
                    key = value;
                } else if (value != null && ELEMENT_ID.matcher(value).matches()) {
                    ids.add(value);
                }
            }
            if (key == null) {
                throw new IllegalArgumentException(type.getName() + " names no process KEY");
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).addAll(ids);
        }
        return byKey;
    }

    /**
     * The problems of one BPMN file ({@code origin} as the owner knows it): each process of it that the code knows,
     * whose diagram lacks an id the code relies on.
     */
    static List<String> missing(Map<String, List<String>> idsByProcess, String origin, Map<String, Set<String>> elementIds) {
        List<String> problems = new ArrayList<>();
        elementIds.forEach((process, ids) -> {
            for (String relied : idsByProcess.getOrDefault(process, List.of())) {
                if (!ids.contains(relied)) {
                    problems.add("%s: 流程 %s 中找不到 id 为 %s 的环节：Shirong 的程序按这个 id 找到它（如认领一次即可、期限、提醒），"
                            .formatted(origin, process, relied)
                            + "请不要在 Modeler 中修改或删除该 id（改名称 name 不受影响）");
                }
            }
        });
        return problems;
    }

    private static String constant(Field field) {
        try {
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
