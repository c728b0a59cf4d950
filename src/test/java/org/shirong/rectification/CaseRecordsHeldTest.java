package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CaseRecords}' per-transaction memory: a case this transaction inserted is known as inserted, and that record
 * equals the row as the database gives it back (coordinates rounded to the column's six places, the columns not
 * written at their defaults), so a dispatch may take it without reading; once written it is read again. Each check runs
 * in a transaction that is rolled back (the shared context keeps no case of it).
 */
@ShirongWebTest
@SharesSpringContext
class CaseRecordsHeldTest {

    @Autowired
    CaseRecords records;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aCaseInsertedInTheTransactionIsKnownAsItsRowReadsBack() {
        CaseRecord one = newCase("31.12345678", "121.1");
        CaseRecord two = newCase("-30.0000005", null);
        inRolledBackTransaction(() -> {
            records.insert(one);
            records.insertAll(List.of(two));
            for (CaseRecord inserted : List.of(one, two)) {
                CaseRecord row = records.findByExternalRef("jiuting", inserted.externalRef()).orElseThrow();
                assertThat(records.find(inserted.caseNo())).containsSame(inserted);
                assertThat(records.lockIfPresent(inserted.caseNo())).containsSame(inserted);
                assertThat(inserted).isEqualTo(row);
                assertThat(records.insertedHere(inserted.caseNo())).isTrue();
            }
            assertThat(one.lat()).isEqualTo(new BigDecimal("31.123457"));
            assertThat(two.lat()).isEqualTo(new BigDecimal("-30.000001"));
        });
    }

    @Test
    void aDispatchedCaseIsKnownAsItsRowReadsBack() {
        CaseRecord inserted = newCase("31.1", "121.2");
        Instant at = inserted.reportedAt().plusSeconds(5);
        Deadlines deadlines = new Deadlines(at.plusSeconds(3_600), at.plusSeconds(7_200), at.plusSeconds(10_800));
        inRolledBackTransaction(() -> {
            records.insert(inserted);
            CaseRecord dispatched = records.lock(inserted.caseNo()).dispatchedAs("instance-1", "huanwei", "zongguan,lvrong", 3,
                    "WORKING_DAYS", at, deadlines, DueBound.DISPATCH_LIMIT);
            records.writeDispatchWithEvent(dispatched, at, CaseEventKind.DISPATCHED, "admin", "牵头单位 huanwei", "huanwei");
            CaseRecord row = records.findByExternalRef("jiuting", inserted.externalRef()).orElseThrow();
            assertThat(records.find(inserted.caseNo())).containsSame(dispatched);
            assertThat(dispatched).isEqualTo(row);
            assertThat(row.status()).isEqualTo(CaseStatus.DISPATCHED);
            assertThat(row.dueAt()).isEqualTo(deadlines.dueAt());
        });
    }

    @Test
    void aCaseIsKnownAsInsertedOnlyInTheTransactionThatInsertedIt() {
        CaseRecord inserted = newCase(null, null);
        inRolledBackTransaction(() -> {
            records.insert(inserted);
            assertThat(records.insertedHere(inserted.caseNo())).isTrue();
        });
        inRolledBackTransaction(() -> assertThat(records.insertedHere(inserted.caseNo())).isFalse());
        assertThat(records.insertedHere(inserted.caseNo())).isFalse(); // outside a transaction nothing is known
    }

    @Test
    void aCaseWrittenAfterItsInsertIsReadAgain() {
        CaseRecord inserted = newCase(null, null);
        inRolledBackTransaction(() -> {
            records.insert(inserted);
            records.update(inserted.caseNo(), "status = ?, lead_unit = ?", CaseStatus.DISPATCHED.name(), "huanwei");
            CaseRecord read = records.find(inserted.caseNo()).orElseThrow();
            assertThat(read.status()).isEqualTo(CaseStatus.DISPATCHED);
            assertThat(read.leadUnit()).isEqualTo("huanwei");
        });
    }

    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            work.run();
            status.setRollbackOnly();
        });
    }

    /** A case as {@link RectificationCases} registers it: reported now, not yet dispatched. */
    private static CaseRecord newCase(String lat, String lng) {
        String ref = "HELD-" + UUID.randomUUID();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return new CaseRecord(ref.substring(0, 20), null, CaseSource.PATROL, ref, "ILLEGAL_STALL", Urgency.NORMAL,
                "沪亭北路乱设摊", " 摊位 3 个 ", "沪亭北路 100 号", lat == null ? null : new BigDecimal(lat),
                lng == null ? null : new BigDecimal(lng), "G-01", null, null, null, null, CaseStatus.REPORTED, "lvrong1", now,
                null, null, null, null, null, null, null, null, null, false, false, false, null, 0, 0, 0, "jiuting", "九亭社区",
                "jiuting", null, null, null, null, null, 0, 0);
    }
}
