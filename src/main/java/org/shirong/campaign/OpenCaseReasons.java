package org.shirong.campaign;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.shirong.system.TextInput;

/**
 * The reasons a checkpoint gives for cases still open when it confirms "全部整改到位": one line per case,
 * 案件编号｜理由, the columns separated by ｜ or | as in the other line-per-row fields; the reason is everything after
 * the first separator. Blank lines are skipped; a line without a reason, or naming a case that is not open in the
 * campaign, is refused with its line number.
 */
final class OpenCaseReasons {

    private static final Pattern SEPARATOR = Pattern.compile("｜|\\|");

    private OpenCaseReasons() {
    }

    /** Case number → reason, in the order given. */
    static Map<String, String> parse(String text, Collection<String> openCases) {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (TextInput.isBlank(text)) {
            return reasons;
        }
        TextInput.problem("未结案件的理由", text, true).ifPresent(message -> {
            throw refused(message);
        });
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] columns = SEPARATOR.split(lines[i], 2);
            String caseNo = columns[0].strip();
            String reason = columns.length < 2 ? "" : columns[1].strip();
            if (reason.isEmpty()) {
                throw refused("第 %d 行：请按“案件编号｜理由”写明 %s 未结案的理由".formatted(i + 1, caseNo));
            }
            if (!openCases.contains(caseNo)) {
                throw refused("第 %d 行：%s 不是本活动未结案的案件".formatted(i + 1, caseNo));
            }
            if (reasons.putIfAbsent(caseNo, reason) != null) {
                throw refused("第 %d 行：案件 %s 已在前面写过理由".formatted(i + 1, caseNo));
            }
        }
        return reasons;
    }

    private static FormFieldValidationException refused(String message) {
        return new FormFieldValidationException(CampaignTaskProcess.VAR_OPEN_CASE_REASONS, message);
    }
}
