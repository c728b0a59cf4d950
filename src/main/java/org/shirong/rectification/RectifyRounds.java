package org.shirong.rectification;

import java.util.ArrayList;
import java.util.List;

/**
 * How each 整改 round of a case ended, read from its timeline: a photo's round is the case's {@code rework_count +
 * reopen_count + 1} when it was added, so each 核查未通过 and each 重新打开 starts the next round. The case page marks the
 * after photo of a round the inspectors sent back (jxreview-s60 J5: it read simply “整改后”, and a village head took the
 * pair for a problem fixed).
 */
final class RectifyRounds {

    /** A round that ended: {@code result} VERIFICATION_FAILED or VERIFIED, {@code resultName} in Chinese, the inspector's words. */
    record RoundView(int round, String result, String resultName, String comment) {
    }

    private RectifyRounds() {
    }

    /** The rounds with a verdict, in order; the round under way has none until it is checked. */
    static List<RoundView> of(List<CaseEvent> timeline) {
        List<RoundView> rounds = new ArrayList<>();
        int round = 1;
        for (CaseEvent e : timeline) {
            switch (e.kind()) {
                case VERIFICATION_FAILED -> rounds.add(new RoundView(round++, e.kind().name(), e.kind().label(), e.detail()));
                case VERIFIED -> rounds.add(new RoundView(round, e.kind().name(), e.kind().label(), e.detail()));
                case REOPENED -> round++;
                default -> {
                }
            }
        }
        return rounds;
    }
}
