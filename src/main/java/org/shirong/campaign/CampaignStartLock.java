package org.shirong.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.shirong.system.DatabaseProduct;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts of campaigns of one template in one organisation, one after the other: {@link CampaignRegistration} takes this
 * lock before it checks the new campaign against the running ones of its template (dates that overlap) and holds it
 * until its transaction ends, so that of two starts at the same moment the second sees the first's campaign and is
 * refused, instead of both passing the check. A row of {@code shirong_lock} per organisation and template, locked
 * {@code for update} (PostgreSQL and H2 alike, on every node); the row is made once, in a transaction of its own.
 */
@Component
class CampaignStartLock {

    /** How long a start waits on H2, whose lock timeout (some two seconds) may be shorter than another campaign's start. */
    private static final int H2_WAIT_SECONDS = 60;

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;
    private final TransactionTemplate separateTransaction;
    private final Set<String> made = ConcurrentHashMap.newKeySet();

    CampaignStartLock(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.database = new DatabaseProduct(jdbc);
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Waits for, then holds until the caller's transaction ends, the lock on starting the template in the organisation. */
    void lock(String organization, String templateId) {
        String name = name(organization, templateId);
        if (!made.contains(name)) {
            try {
                separateTransaction.executeWithoutResult(s -> jdbc.update("insert into shirong_lock (name) select ?"
                        + " where not exists (select 1 from shirong_lock where name = ?)", name, name));
            } catch (DataIntegrityViolationException madeByAnotherStart) {
                // the same first start on another request or node made it a moment ago
            }
            made.add(name);
        }
        if (database.isPostgres()) {
            jdbc.queryForObject("select name from shirong_lock where name = ? for update", String.class, name);
            return;
        }
        long until = System.nanoTime() + H2_WAIT_SECONDS * 1_000_000_000L;
        while (true) {
            try {
                jdbc.queryForObject("select name from shirong_lock where name = ? for update", String.class, name);
                return;
            } catch (TransientDataAccessException stillHeld) {
                // H2's lock timeout (error 50200) ends the wait, not the transaction: wait again
                if (System.nanoTime() > until) {
                    throw stillHeld;
                }
            }
        }
    }

    /** {@code campaign-start:<organisation>/<template>}, or its digest when that is longer than the column's 64 characters. */
    static String name(String organization, String templateId) {
        String name = "campaign-start:" + organization + "/" + templateId;
        if (name.length() <= 64) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "campaign-start:" + HexFormat.of().formatHex(digest).substring(0, 48);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
