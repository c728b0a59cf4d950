package org.shirong.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.shirong.scoring.ScoreBoard.ComponentPoints;
import org.shirong.scoring.ScoreBoard.NamedFor;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The stored scores ({@code score_unit}, {@code score_component}; a district's 街镇排名 in {@code score_territory}), through the engine's DataSource and transaction. */
@Repository
class ScoreRecords {

    private static final String INDICATOR_COLUMNS = "case_count, suspended_count, due_count, closed_count,"
            + " on_time_closed_count, handled_on_time_count, reworked_count, rework_total, overdue_count, returned_count,"
            + " urgent_count, urgent_on_time_count, closure_rate, on_time_closure_rate, on_time_handling_rate, rework_rate,"
            + " urgent_on_time_rate, appealed_count, reopened_count";

    /** The stored 街镇排名's JSON: the board's own fields (a field added later reads as null in rows stored before). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final JdbcTemplate jdbc;

    ScoreRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lock every save of scores takes before it reads what it scores (a row lock, so across nodes), held until
     * the transaction ends: saves one after another, and an appeal's approval ({@link SavedScorePeriods#holdSaves}) either
     * before a save, which then reads it, or after it, when it sees the period saved. Call inside a transaction.
     */
    void lockSaves() {
        jdbc.queryForObject("select name from shirong_lock where name = ? for update", String.class, "scoring");
    }

    /** Replaces the period's rows for the scope. Call inside a transaction that holds {@link #lockSaves}. */
    void replace(ScoreBoard board) {
        String period = board.period().code();
        jdbc.update("delete from score_component where score_period = ? and score_scope = ?", period, board.scope());
        jdbc.update("delete from score_unit where score_period = ? and score_scope = ?", period, board.scope());
        List<UnitScore> all = new ArrayList<>(board.ranking());
        all.addAll(board.unranked());
        for (UnitScore u : all) {
            Indicators i = u.indicators();
            jdbc.update("insert into score_unit (score_period, score_scope, unit_id, unit_name, ranked, rank_no, total, grade,"
                            + " case_score, inspection_score, non_performing, named_for, " + INDICATOR_COLUMNS + ", computed_at)"
                            + " values (" + "?,".repeat(31) + "?)",
                    period, board.scope(), u.unitId(), u.unitName(), u.ranked(), u.rank(), u.total(), u.grade(), u.caseScore(),
                    u.inspectionScore(), u.nonPerforming(), namedFor(u.namedFor()), i.caseCount(), i.suspendedCount(),
                    i.dueCount(), i.closedCount(), i.onTimeClosedCount(), i.handledOnTimeCount(), i.reworkedCount(),
                    i.reworkTotal(), i.overdueCount(), i.returnedCount(), i.urgentCount(), i.urgentOnTimeCount(),
                    i.closureRate(), i.onTimeClosureRate(), i.onTimeHandlingRate(), i.reworkRate(), i.urgentOnTimeRate(),
                    i.appealedCount(), i.reopenedCount(), Timestamp.from(board.computedAt()));
            for (int k = 0; k < u.components().size(); k++) {
                ComponentPoints c = u.components().get(k);
                jdbc.update("insert into score_component (score_period, score_scope, unit_id, rule_id, rule_name, sort_order,"
                        + " max_points, points, basis) values (?,?,?,?,?,?,?,?,?)", period, board.scope(), u.unitId(), c.id(), c.name(),
                        k, c.maxPoints(), c.points(), c.basis());
            }
        }
    }

    /** A district's 街镇排名 as stored when the period's 通报 was issued, and when it was computed. */
    record StoredTerritories(Instant computedAt, TerritoryBoard board) {
    }

    /** Replaces the period's stored 街镇排名 for the scope. Call inside a transaction that holds {@link #lockSaves}. */
    void replaceTerritories(ScorePeriod period, String scope, Instant computedAt, TerritoryBoard board) {
        String json;
        try {
            json = JSON.writeValueAsString(board);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("街镇排名无法保存：" + e.getMessage(), e);
        }
        jdbc.update("delete from score_territory where score_period = ? and score_scope = ?", period.code(), scope);
        jdbc.update("insert into score_territory (score_period, score_scope, computed_at, board) values (?, ?, ?, ?)",
                period.code(), scope, Timestamp.from(computedAt), json);
    }

    /** The period's 街镇排名 for the scope as stored at the 通报's issue, if it was. */
    Optional<StoredTerritories> findTerritories(ScorePeriod period, String scope) {
        return jdbc.query("select computed_at, board from score_territory where score_period = ? and score_scope = ?",
                (rs, n) -> {
                    try {
                        return new StoredTerritories(rs.getTimestamp("computed_at").toInstant(),
                                JSON.readValue(rs.getString("board"), TerritoryBoard.class));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("保存的街镇排名无法读取：" + e.getMessage(), e);
                    }
                }, period.code(), scope).stream().findFirst();
    }

    /** The stored scores of the period and scope, if they were ever computed and saved. */
    Optional<ScoreBoard> find(ScorePeriod period, String scope) {
        Map<String, List<ComponentPoints>> components = new HashMap<>();
        jdbc.query("select unit_id, rule_id, rule_name, max_points, points, basis from score_component where score_period = ?"
                + " and score_scope = ? order by unit_id, sort_order", rs -> {
                    components.computeIfAbsent(rs.getString("unit_id"), k -> new ArrayList<>()).add(new ComponentPoints(
                            rs.getString("rule_id"), rs.getString("rule_name"), rs.getBigDecimal("max_points"), rs.getBigDecimal("points"),
                            rs.getString("basis")));
                }, period.code(), scope);
        List<Timestamp> computedAt = new ArrayList<>();
        List<UnitScore> units = jdbc.query("select * from score_unit where score_period = ? and score_scope = ?", (rs, n) -> {
            computedAt.add(rs.getTimestamp("computed_at"));
            return map(rs, components.getOrDefault(rs.getString("unit_id"), List.of()));
        }, period.code(), scope);
        if (units.isEmpty()) {
            return Optional.empty();
        }
        List<UnitScore> ranked = units.stream().filter(UnitScore::ranked)
                .sorted(java.util.Comparator.comparing(UnitScore::rank).thenComparing(ScoreBoard.BY_NAME)).toList();
        List<UnitScore> unranked = units.stream().filter(u -> !u.ranked()).sorted(ScoreBoard.BY_NAME).toList();
        return Optional.of(new ScoreBoard(period, scope, computedAt.get(0).toInstant(), true, ranked, unranked));
    }

    private static UnitScore map(ResultSet rs, List<ComponentPoints> components) throws SQLException {
        Indicators i = new Indicators(rs.getInt("case_count"), rs.getInt("suspended_count"), rs.getInt("due_count"),
                rs.getInt("closed_count"), rs.getInt("on_time_closed_count"), rs.getInt("handled_on_time_count"),
                rs.getInt("reworked_count"), rs.getInt("rework_total"), rs.getInt("overdue_count"), rs.getInt("returned_count"),
                rs.getInt("urgent_count"), rs.getInt("urgent_on_time_count"), rs.getBigDecimal("closure_rate"),
                rs.getBigDecimal("on_time_closure_rate"), rs.getBigDecimal("on_time_handling_rate"),
                rs.getBigDecimal("rework_rate"), rs.getBigDecimal("urgent_on_time_rate"), rs.getInt("appealed_count"),
                rs.getInt("reopened_count"));
        String named = rs.getString("named_for");
        return new UnitScore(rs.getString("unit_id"), rs.getString("unit_name"), rs.getBoolean("ranked"),
                (Integer) rs.getObject("rank_no"), rs.getBigDecimal("total"), rs.getString("grade"), rs.getBigDecimal("case_score"),
                rs.getBigDecimal("inspection_score"), rs.getBoolean("non_performing"),
                named == null ? List.of() : Arrays.stream(named.split(",")).map(NamedFor::valueOf).toList(), i,
                List.copyOf(components));
    }

    private static String namedFor(List<NamedFor> named) {
        return named.isEmpty() ? null : String.join(",", named.stream().map(Enum::name).toList());
    }
}
