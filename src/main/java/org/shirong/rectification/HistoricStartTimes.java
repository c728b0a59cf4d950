package org.shirong.rectification;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;

/**
 * The start times of the activity, task and process instance rows this node inserted and that have not ended yet, so
 * that their end needs no read of the row (the engine reads the start time only to compute the duration). A row's start
 * time never changes after its insert, so a kept one is never stale; a row started on another node, before a restart or
 * after the map was emptied is read as the engine reads it. Bounded: when it holds {@code capacity} rows (those of a
 * node's open tasks and activities, and of rows another node ended), it starts again empty.
 */
final class HistoricStartTimes {

    /** Some 160 bytes a row (an id of up to some 60 characters, its date, the map's entry): about 8 MB when full. */
    static final int DEFAULT_CAPACITY = 50_000;

    private final int capacity;
    private final Map<String, Date> started = new ConcurrentHashMap<>();

    HistoricStartTimes(int capacity) {
        this.capacity = capacity;
    }

    /** The row's insert: its start time is kept. */
    void started(HistoricScopeInstanceEvent event) {
        if (event.getStartTime() == null) {
            return;
        }
        if (started.size() >= capacity) {
            started.clear();
        }
        started.put(key(event), event.getStartTime());
    }

    /** The row's end: its start time when this node kept it, else null; either way no longer kept. */
    Date ended(HistoricScopeInstanceEvent event) {
        return started.remove(key(event));
    }

    int size() {
        return started.size();
    }

    /** The engine's ids are unique across its tables (one id generator), so the id alone names the row. */
    private static String key(HistoricScopeInstanceEvent event) {
        return event.getId();
    }
}
