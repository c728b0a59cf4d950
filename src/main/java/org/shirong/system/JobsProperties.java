package org.shirong.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Shirong's job executor differs from Camunda's ({@link GroupingJobExecutor}); each at 1 is Camunda's behaviour.
 * {@code groupSize}: acquired jobs run up to this many in one transaction (one flush, one commit) instead of one each.
 * {@code isolatedProcesses}: the jobs of these processes always run alone, since they have effects outside the database
 * (an e-mail sent) that a group rolled back for another job's failure could not take back. {@code acquisitionSpread}:
 * the acquisition reads this many times as many due jobs as it locks and locks a random choice of them, so that nodes
 * sharing one database seldom try to lock the same jobs.
 */
@ConfigurationProperties("shirong.jobs")
record JobsProperties(int groupSize, List<String> isolatedProcesses, int acquisitionSpread) {

    /** Unset values (a configuration without this section) mean Camunda's behaviour. */
    JobsProperties {
        groupSize = groupSize == 0 ? 1 : groupSize;
        acquisitionSpread = acquisitionSpread == 0 ? 1 : acquisitionSpread;
        isolatedProcesses = isolatedProcesses == null ? List.of() : List.copyOf(isolatedProcesses);
        if (groupSize < 1 || acquisitionSpread < 1) {
            throw new IllegalArgumentException("shirong.jobs：group-size 和 acquisition-spread 至少为 1（1 即 Camunda 原本的做法）；当前为 "
                    + groupSize + "、" + acquisitionSpread);
        }
    }

    boolean camundas() {
        return groupSize == 1 && acquisitionSpread == 1;
    }
}
