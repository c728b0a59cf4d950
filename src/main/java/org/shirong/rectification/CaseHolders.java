package org.shirong.rectification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.shirong.organization.Organizations;
import org.shirong.system.EngineTableNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whose a case is where cases are counted per unit (在办, 超期, 未结): its lead unit's, but the organisation's office's
 * while a return (回退) waits for the office's 重新派遣案件 ({@link RectificationProcess#TASK_REDISPATCH}): the unit that
 * returned it no longer has it, and the office has not given it to another yet (jtreview-s56 T7). The one rule the
 * 驾驶舱, the 月报, the 议程 and scoring (so the 通报) count cases by, in memory ({@link #countedUnder}) or in the database
 * ({@link #countedUnit}). The return itself stays the returning unit's (its RETURNED step, as scoring deducts it). It is the
 * case as it stands now, as its lead unit is: a re-dispatch moves the case to its new lead unit in every period.
 */
@Component
public class CaseHolders {

    private final JdbcTemplate jdbc;
    private final EngineTableNames tables;
    private final Organizations organizations;

    public CaseHolders(JdbcTemplate jdbc, EngineTableNames tables, Organizations organizations) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.organizations = organizations;
    }

    /**
     * SQL: whether the case {@code alias} (of {@code rect_case}) waits for 重新派遣案件: its process has the office's task
     * active (the engine's task table, same database).
     */
    public String awaitingRedispatchSql(String alias) {
        return alias + ".process_instance_id in (select t.PROC_INST_ID_ from " + tables.of(Task.class)
                + " t where t.TASK_DEF_KEY_ = '" + RectificationProcess.TASK_REDISPATCH + "' and t.SUSPENSION_STATE_ = 1)";
    }

    /**
     * SQL: the unit the case {@code alias} (of {@code rect_case}) is counted under: its lead unit, or its own organisation's
     * office while it waits for 重新派遣案件. Its arguments, in order: {@link #countedUnitArgs}.
     */
    public String countedUnit(String alias) {
        if (organizations.all().isEmpty()) {
            return alias + ".lead_unit";
        }
        StringBuilder office = new StringBuilder("case " + alias + ".tenant_id");
        organizations.all().forEach(o -> office.append(" when ? then ?"));
        return "case when " + awaitingRedispatchSql(alias) + " then " + office + " else " + alias + ".lead_unit end else "
                + alias + ".lead_unit end";
    }

    /** The arguments of {@link #countedUnit}: each organisation and the group that re-dispatches its returned cases. */
    public List<Object> countedUnitArgs() {
        List<Object> args = new ArrayList<>();
        organizations.all().forEach(o -> {
            args.add(o.id());
            args.add(organizations.office(o.id()));
        });
        return args;
    }

    /** The campaign's open cases waiting for 重新派遣案件, by case number. */
    public Set<String> awaitingRedispatch(String campaignCode) {
        return new HashSet<>(jdbc.queryForList("select c.case_no from rect_case c where c.campaign_code = ?"
                + " and c.status not in ('CLOSED', 'MERGED', 'VOIDED') and " + awaitingRedispatchSql("c"), String.class,
                campaignCode));
    }

    /**
     * The unit each of the campaign's {@code cases} is counted under, by case number: its lead unit, or its organisation's
     * office while it waits for 重新派遣案件; no entry for a case not dispatched yet. One query.
     */
    public Map<String, String> countedUnder(String campaignCode, Collection<CaseRecord> cases) {
        Set<String> waiting = cases.isEmpty() ? Set.of() : awaitingRedispatch(campaignCode);
        Map<String, String> under = new HashMap<>();
        for (CaseRecord r : cases) {
            String unit = waiting.contains(r.caseNo()) ? organizations.office(r.tenantId()) : r.leadUnit();
            if (unit != null) {
                under.put(r.caseNo(), unit);
            }
        }
        return under;
    }
}
