package org.shirong.system;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * BPMN files read once per deployment pass (issue 13, W6): Shirong checks and deploys the same diagrams for every
 * organisation, and the engine read (and validated against the schema) each of them again for each one. Within
 * {@link #during}, a file whose bytes were already read on this thread without a schema error or warning (by the
 * engine's parse, or by {@link BpmnReads} for Shirong's checks, the same SAX read) is handed to the engine's parse as the
 * element tree read before; the engine still builds each organisation's process definitions from it, with its own
 * parse listeners and checks. Outside a pass (deployments through REST, Cockpit, tests) nothing is shared and nothing
 * is kept.
 */
final class SharedBpmnReads {

    private static final ThreadLocal<SharedBpmnReads> CURRENT = new ThreadLocal<>();

    private final Map<ByteBuffer, Element> read = new HashMap<>();
    private int reused;

    private SharedBpmnReads() {
    }

    /** Runs {@code pass} with identical BPMN files read once; the reads are forgotten when it ends. */
    static <T> T during(Supplier<T> pass) {
        if (CURRENT.get() != null) {
            return pass.get();
        }
        CURRENT.set(new SharedBpmnReads());
        try {
            return pass.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** The reads of the pass running on this thread, or null outside one. */
    static SharedBpmnReads current() {
        return CURRENT.get();
    }

    /** The root element read before from exactly these bytes in this pass, or null. */
    Element readBefore(byte[] content) {
        return read.get(ByteBuffer.wrap(content));
    }

    /** Counts an engine parse that went on from a read made before instead of reading its file. */
    void reusedByEngine() {
        reused++;
    }

    /** Keeps a read that had neither schema error nor warning, for the next file with the same bytes. */
    void keep(byte[] content, Element root) {
        read.putIfAbsent(ByteBuffer.wrap(content), root);
    }

    /** How many parses of this pass took a read over instead of reading the file again. */
    int reused() {
        return reused;
    }
}
