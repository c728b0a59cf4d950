package org.shirong.scoring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.system.XlsxSheet;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/scores/export.xlsx}: the scores of {@code GET /api/scores} (same parameters, same refusals) as an
 * Excel workbook ({@link ScoreWorkbook}).
 */
@RestController
@RequestMapping("/api")
class ScoreExportController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final ScoreQuery query;
    private final ScoreWorkbook workbook;
    private final ScoreService scores;
    private final IdentityService identityService;

    ScoreExportController(ScoreQuery query, ScoreWorkbook workbook, ScoreService scores, IdentityService identityService) {
        this.query = query;
        this.workbook = workbook;
        this.scores = scores;
        this.identityService = identityService;
    }

    /**
     * {@code part=territories}: the district's 街镇排名 alone (the 驾驶舱's link), named so; with {@code campaign} of that
     * campaign's cases, as its 通报. 400 for another part, or for an organisation without towns or streets.
     */
    @GetMapping("/scores/export.xlsx")
    void export(@RequestParam String period, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String organization, @RequestParam(required = false) String part,
            HttpServletResponse response) throws IOException {
        boolean territories = part != null && !part.isBlank();
        if (territories && !TERRITORIES.equals(part.strip())) {
            throw new InvalidRequestException(ApiError.field("part", "INVALID_PART",
                    "part 只能是 territories（街镇排名），或不填（全部考核得分）"));
        }
        var user = identityService.getCurrentAuthentication();
        ScoreQuery.Resolved resolved = query.resolve(user, period, campaign, organization);
        if (territories && !scores.hasTerritories(resolved.organization())) {
            throw new InvalidRequestException(ApiError.field("part", "NO_TERRITORIES", "本组织没有下级街镇，没有街镇排名"));
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String stamp = STAMP.format(now.atZone(scores.zone()));
        String title = territories ? workbook.territoriesTitle(resolved) : workbook.title(resolved);
        response.setContentType(XlsxSheet.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, XlsxSheet.attachment(title + "-" + stamp + ".xlsx",
                (territories ? "territories-" : "scores-") + resolved.period().code() + "-" + stamp + ".xlsx"));
        if (territories) {
            workbook.writeTerritories(resolved, user.getUserId(), now, response.getOutputStream());
        } else {
            workbook.write(resolved, user.getUserId(), now, response.getOutputStream());
        }
    }

    static final String TERRITORIES = "territories";
}
