package org.shirong.rectification;

import static org.shirong.system.ChineseDates.MINUTE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /shirong/cases}: the cases the caller may read ({@link CaseVisibility}), newest first, each with its 状态, 红黄绿灯,
 * 牵头单位 and 整改期限 and a link to its page, and the 台账 to download. For a village's or community's staff it is their
 * area's cases, 辖区案件 (jxreview-s60 J1: the 【辖区问题】 notice was their only way to a case of their area).
 */
@Controller
class CaseListPageController {

    private static final int PAGE_SIZE = 50;

    private final CaseRecords records;
    private final CaseVisibility visibility;
    private final CaseFilters filters;
    private final IdentityService identityService;
    private final Organizations organizations;
    private final WorkingCalendars calendars;
    private final CaseListLink link;

    CaseListPageController(CaseRecords records, CaseVisibility visibility, CaseFilters filters,
            IdentityService identityService, Organizations organizations, WorkingCalendars calendars, CaseListLink link) {
        this.link = link;
        this.records = records;
        this.visibility = visibility;
        this.filters = filters;
        this.identityService = identityService;
        this.organizations = organizations;
        this.calendars = calendars;
    }

    @GetMapping("/shirong/cases")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        var user = identityService.getCurrentAuthentication();
        int at = Math.max(0, page);
        CaseFilter filter = filters.of(user, null, null, null, null, null, null, null, null, null, null);
        CaseRecords.Page found = records.list(filter, visibility.listFilter(user), at, PAGE_SIZE);
        var home = organizations.homeOf(user.getUserId());
        List<String> areas = link.areas(user);
        var zone = (home.isPresent() ? calendars.of(home.get().id()) : calendars.shared()).zone();
        var now = RectificationCases.now();
        model.addAttribute("heading", areas.isEmpty() ? CaseListLink.ALL : CaseListLink.AREA + " · " + String.join("、", areas));
        model.addAttribute("areaNote", areas.isEmpty() ? "" : "本村/本社区的案件（只读）：点编号查看办理进展和整改前后照片。");
        model.addAttribute("rows", found.items().stream().map(c -> {
            TrafficLight light = TrafficLight.of(c, now);
            return Map.of("caseNo", c.caseNo(), "title", c.title() == null ? "" : c.title(), "status", c.status().label(),
                    "light", light == null ? "" : light.label(), "colour", light == null ? "" : light.colour(),
                    "leadUnit", c.leadUnit() == null ? "" : organizations.groupName(c.leadUnit()).orElse(c.leadUnit()),
                    "due", c.dueAt() == null ? "" : MINUTE.format(c.dueAt().atZone(zone)),
                    "community", c.community() == null ? "" : c.community());
        }).toList());
        model.addAttribute("total", found.total());
        model.addAttribute("page", at);
        model.addAttribute("hasMore", (long) (at + 1) * PAGE_SIZE < found.total());
        return "pages/cases";
    }

    /**
     * What Tasklist's header offers for this page (case-list-link.js): {@code label} 辖区案件 or 案件列表, null when the
     * caller is not led there ({@link CaseListLink}).
     */
    @GetMapping(path = "/api/cases/list-link", produces = "application/json")
    @ResponseBody
    Map<String, String> listLink() {
        var label = link.label(identityService.getCurrentAuthentication());
        return java.util.Collections.singletonMap("label", label);
    }
}
