package org.shirong.rectification;

import org.shirong.system.FileNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.shirong.notification.NotificationDigests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the cases of a checked import ({@link CaseImport}) in chunks, each chunk its own short transaction:
 * the import and all its rows are first recorded ({@code rect_case_import}, {@code rect_case_import_row}, V31), then
 * each chunk takes rows still without a case, creates their cases and writes the case numbers on the rows, and
 * commits; a few workers do so side by side (the engine is CPU-bound, and the cases of an import share nothing),
 * giving way to the requests this node is answering ({@link ImportGivesWay}).
 * An import once recorded is always finished: a node stopped half-way (even {@code kill -9}) finishes it when it
 * starts again, and each row gets exactly one case (its chunk's cases and its marks commit together).
 * Every engine command joins the transaction it runs in and stays on the heap until it ends, so one transaction for
 * 10,000 process starts held 10,000 command contexts (OutOfMemoryError in 512 MB) and kept other work waiting on it.
 * The imported cases' own 通知牵头单位 queue nothing: when the import is finished each lead unit gets one message
 * (本次导入向贵单位派发 N 件), in the transaction that marks it finished.
 */
@Component
class CaseImportBatches {

    private static final Logger LOG = LoggerFactory.getLogger(CaseImportBatches.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CONFLICTS = 20;
    /** Rows of an import recorded a statement. */
    private static final int RECORD_ROWS = 500;
    /** How many case numbers an import's 通知牵头单位 lists; the rest are counted. */
    private static final int DIGEST_CASE_NUMBERS = 20;

    /** What an import created: its case numbers by row number, in row order, and how many rows had a case reported before. */
    record Outcome(Map<Integer, String> created, int existed) {
    }

    private final JdbcTemplate jdbc;
    private final RectificationCases cases;
    private final NotificationDigests digests;
    private final TransactionTemplate transaction;
    private final ImportGivesWay givesWay;
    private final int chunkRows;
    private final int workers;

    CaseImportBatches(JdbcTemplate jdbc, RectificationCases cases, NotificationDigests digests,
            PlatformTransactionManager transactionManager, ImportGivesWay givesWay,
            @Value("${shirong.rectification.import-chunk-rows:100}") int chunkRows,
            @Value("${shirong.rectification.import-workers:2}") int workers) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.digests = digests;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.givesWay = givesWay;
        this.chunkRows = chunkRows;
        this.workers = Math.max(1, workers);
    }

    /** Records the import and its checked rows (row number → case) in one transaction; returns the import's id. */
    long record(String organization, String actor, String fileName, Map<Integer, NewCase> rows) {
        return transaction.execute(s -> {
            Timestamp now = CaseRecords.ts(RectificationCases.now());
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement insert = c.prepareStatement("insert into rect_case_import (tenant_id, actor, file_name,"
                        + " rows_total, started_at) values (?,?,?,?,?)", new String[] {"id"});
                insert.setString(1, organization);
                insert.setString(2, actor);
                insert.setString(3, fileName == null ? null : FileNames.stored(fileName, null));
                insert.setInt(4, rows.size());
                insert.setTimestamp(5, now);
                return insert;
            }, key);
            long id = key.getKey().longValue();
            List<Object[]> args = new ArrayList<>(rows.size());
            rows.forEach((number, newCase) -> args.add(new Object[] {id, number, json(newCase)}));
            // a few hundred rows a statement, giving way to the requests in flight in between
            for (int from = 0; from < args.size(); from += RECORD_ROWS) {
                givesWay.awaitNoRequest();
                jdbc.batchUpdate("insert into rect_case_import_row (import_id, row_no, new_case) values (?,?,?)",
                        args.subList(from, Math.min(args.size(), from + RECORD_ROWS)));
            }
            return id;
        });
    }

    /**
     * Creates the cases of the import's rows that have none yet, {@code workers} chunks at a time in parallel (worker k
     * takes the rows whose number is k modulo the workers), a chunk per transaction; then marks the import finished.
     */
    Outcome complete(long importId) {
        Map<String, Object> head = jdbc.queryForMap("select tenant_id, actor from rect_case_import where id = ?", importId);
        String organization = (String) head.get("tenant_id");
        String actor = (String) head.get("actor");
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int k = 0; k < workers; k++) {
            int worker = k;
            Thread thread = new Thread(() -> givesWay.asWorker(() -> {
                try {
                    boolean more = true;
                    for (int conflicts = 0; more; ) {
                        try {
                            more = Boolean.TRUE.equals(transaction.execute(s -> nextChunk(importId, organization, actor, worker)));
                            conflicts = 0;
                        } catch (TransientDataAccessException | DuplicateKeyException
                                | OptimisticLockingException anotherImportCameFirst) {
                            // the same rows being created by another import of the file or another node (a duplicate
                            // reference, or a lock wait that timed out on the other's uncommitted case): read again
                            if (++conflicts > MAX_CONFLICTS) {
                                throw anotherImportCameFirst;
                            }
                            LOG.info("导入 {} 的一批行正由另一导入或节点立案，稍后重读未立案的行", importId);
                            pause(conflicts);
                        }
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
                }
                return null;
            }), "case-import-" + importId + "-" + k);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("导入 " + importId + " 等待立案时被中断", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        transaction.executeWithoutResult(s -> {
            if (jdbc.update("update rect_case_import set finished_at = ? where id = ? and finished_at is null",
                    CaseRecords.ts(RectificationCases.now()), importId) == 1) {
                tellLeadUnits(importId, organization);
            }
        });
        Map<Integer, String> created = new java.util.LinkedHashMap<>();
        int[] existed = {0};
        jdbc.query("select row_no, case_no, outcome from rect_case_import_row where import_id = ? order by row_no", rs -> {
            if ("CREATED".equals(rs.getString(3))) {
                created.put(rs.getInt(1), rs.getString(2));
            } else {
                existed[0]++;
            }
        }, importId);
        return new Outcome(created, existed[0]);
    }

    /**
     * 通知牵头单位 for the whole import, in the transaction that marks it finished: each person of the lead units gets one
     * message with how many of the import's cases each of their units leads and their numbers (the cases' own send tasks
     * queued nothing, see {@link RectificationCases#registerAll}). An import finished by a restarted node tells of every
     * case it created, before and after the stop; the outbox is keyed by the import and the person, so no one is told twice.
     */
    private void tellLeadUnits(long importId, String organization) {
        Map<String, List<String>> casesByUnit = new java.util.TreeMap<>();
        jdbc.query("select c.lead_unit, c.case_no from rect_case_import_row r join rect_case c on c.case_no = r.case_no"
                + " where r.import_id = ? and r.outcome = 'CREATED' order by r.row_no", rs -> {
                    if (rs.getString(1) != null) {
                        casesByUnit.computeIfAbsent(rs.getString(1), unit -> new ArrayList<>()).add(rs.getString(2));
                    }
                }, importId);
        String fileName = jdbc.queryForObject("select file_name from rect_case_import where id = ?", String.class, importId);
        // one message per person: 创建办's head, also at the head of 绿容所 and 河长办, is told of each unit's cases in one
        digests.sendPerPerson("导入-" + importId, "1", RectificationProcess.TEMPLATE_CASES_IMPORTED,
                Map.of("fileName", fileNameOf(fileName)), parts(casesByUnit), organization, null);
        tellCooperatingUnits(importId, fileName);
    }

    /**
     * 通知协办单位 for the whole import, as {@link #tellLeadUnits} for the lead units: each unit that cooperates on some of
     * the import's cases (a 责任单位, or the 属地 town's office, in its own tenant) is told how many and their numbers, one
     * message per person; the cooperations' own send tasks queued nothing ({@link CaseCooperation#start}).
     */
    private void tellCooperatingUnits(long importId, String fileName) {
        Map<String, List<String>> casesByUnit = new java.util.TreeMap<>();
        Map<String, String> tenantOfUnit = new java.util.HashMap<>();
        jdbc.query("select p.unit_id, p.tenant_id, p.case_no from rect_case_import_row r join rect_case_party p"
                + " on p.case_no = r.case_no where r.import_id = ? and r.outcome = 'CREATED' order by r.row_no", rs -> {
                    casesByUnit.computeIfAbsent(rs.getString(1), unit -> new ArrayList<>()).add(rs.getString(3));
                    tenantOfUnit.put(rs.getString(1), rs.getString(2));
                }, importId);
        // each organisation's units told in their own organisation, one message per person
        Map<String, Map<String, List<String>>> byOrganization = new java.util.LinkedHashMap<>();
        casesByUnit.forEach((unit, caseNos) -> byOrganization.computeIfAbsent(tenantOfUnit.get(unit), t -> new java.util.LinkedHashMap<>())
                .put(unit, caseNos));
        byOrganization.forEach((organization, units) -> digests.sendPerPerson("导入协办-" + importId, "1",
                RectificationProcess.TEMPLATE_COOPERATIONS_IMPORTED, Map.of("fileName", fileNameOf(fileName)), parts(units),
                organization, null));
    }

    private static String fileNameOf(String fileName) {
        return fileName == null ? "未命名文件" : fileName;
    }

    /** Each unit's part of the digest: how many cases and their first numbers. */
    private static List<NotificationDigests.UnitPart> parts(Map<String, List<String>> casesByUnit) {
        List<NotificationDigests.UnitPart> parts = new ArrayList<>();
        casesByUnit.forEach((unit, caseNos) -> parts.add(new NotificationDigests.UnitPart(unit, digestModel(caseNos))));
        return parts;
    }

    /** A unit's count and first case numbers. */
    private static Map<String, Object> digestModel(List<String> caseNos) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("count", Integer.toString(caseNos.size()));
        model.put("caseNos", String.join("、", caseNos.subList(0, Math.min(DIGEST_CASE_NUMBERS, caseNos.size()))));
        if (caseNos.size() > DIGEST_CASE_NUMBERS) {
            model.put("more", Integer.toString(caseNos.size() - DIGEST_CASE_NUMBERS));
        }
        return model;
    }

    /**
     * One chunk of the worker's rows: false when it had none left. A row is marked only while it has no case: when
     * another node finishing the same import marked it first, the chunk rolls back (with the cases it made) and the
     * next round reads what is still to do.
     */
    private boolean nextChunk(long importId, String organization, String actor, int worker) {
        givesWay.awaitNoRequest();
        List<Map<String, Object>> pending = jdbc.queryForList("select row_no, new_case from rect_case_import_row"
                + " where import_id = ? and case_no is null and mod(row_no, ?) = ? order by row_no limit ?",
                importId, workers, worker, chunkRows);
        if (pending.isEmpty()) {
            return false;
        }
        List<NewCase> rows = pending.stream().map(row -> newCase(row.get("new_case").toString())).toList();
        // one look-up for the chunk: a row whose reference got a case since the import was checked is marked, not made again
        Map<String, String> reported = cases.caseNumbersByExternalRef(organization,
                rows.stream().map(NewCase::externalRef).toList());
        List<NewCase> fresh = rows.stream().filter(c -> !reported.containsKey(c.externalRef())).toList();
        java.util.Iterator<String> created = cases.registerAll(organization, fresh, actor).iterator();
        List<Object[]> marks = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            String existed = reported.get(rows.get(i).externalRef());
            marks.add(new Object[] {existed != null ? existed : created.next(), existed != null ? "EXISTED" : "CREATED", importId,
                    pending.get(i).get("row_no")});
        }
        int[] marked = jdbc.batchUpdate("update rect_case_import_row set case_no = ?, outcome = ? where import_id = ?"
                + " and row_no = ? and case_no is null", marks);
        for (int count : marked) {
            if (count == 0) {
                throw new OptimisticLockingFailureException("导入 " + importId + " 的行已由另一节点立案");
            }
        }
        return true;
    }

    /** Finishes the imports a stopped node left half-done, in the background so that start-up is not held up. */
    @EventListener(ApplicationReadyEvent.class)
    void finishInterruptedImports() {
        List<Long> open = jdbc.queryForList("select id from rect_case_import where finished_at is null order by id", Long.class);
        if (open.isEmpty()) {
            return;
        }
        Thread finisher = new Thread(() -> open.forEach(id -> {
            try {
                Outcome done = complete(id);
                LOG.info("补完中断的导入 {}：共立案 {} 件", id, done.created().size());
            } catch (RuntimeException e) {
                LOG.error("补完中断的导入 {} 失败，下次启动时再试", id, e);
            }
        }), "case-import-finisher");
        finisher.setDaemon(true);
        finisher.start();
    }

    /** Gives the other import's chunk time to commit; jitter so that two workers do not meet again at once. */
    private static void pause(int conflicts) {
        try {
            Thread.sleep(50L * conflicts + java.util.concurrent.ThreadLocalRandom.current().nextLong(50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("导入等待另一导入时被中断", e);
        }
    }

    private static String json(NewCase newCase) {
        try {
            return JSON.writeValueAsString(newCase);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NewCase newCase(String json) {
        try {
            return JSON.readValue(json, NewCase.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
