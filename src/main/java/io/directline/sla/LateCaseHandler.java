package io.directline.sla;

/**
 * What another module does when a case is late, called by {@code sla} in the very transaction that records the
 * lateness, after the event ({@link SlaBreached}, {@link PromiseBroken}) is published. The {@code escalation}
 * module implements it to climb its ladder; {@code sla} calls every implementation there is (none in a test of
 * {@code sla} alone) and knows nothing of what they do.
 *
 * <p>Why a call and not an asynchronous listener: the watchdog claims each due row with
 * {@code FOR UPDATE SKIP LOCKED}, and the row's change, its event and what the handlers do commit together. So
 * a breach is never recorded without its consequence and never handled twice, on every node, with no
 * bookkeeping of what was already handled. An {@code @ApplicationModuleListener} would run after the commit and
 * would need that bookkeeping to stay exactly-once, and tests that travel in time or run two nodes would have
 * to wait for it. The events are still published for modules that only want to know.
 */
public interface LateCaseHandler {

    /**
     * An SLA clock of the case ran past its target.
     *
     * @param reason the sentence the holder and the owner understand, never null
     * @param clockRunning whether the clock still runs; false when the transition that stopped or paused it came
     *     after its due time, so the breach is history and the owner no longer waits on it
     */
    void slaBreached(SlaBreached breach, String reason, boolean clockRunning);

    /**
     * A promise made to the owner of the case was not kept by its due time.
     *
     * @param reason the sentence the holder and the owner understand, never null
     */
    void promiseBroken(PromiseBroken broken, String reason);
}
