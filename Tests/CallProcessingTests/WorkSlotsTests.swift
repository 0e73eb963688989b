import CallAuditRuntime
import CallQueue
import Foundation
import Testing

@testable import CallProcessing

@Suite("Slots of work in flight: taken all at once or one alone, given back one by one, closed on shutdown")
struct WorkSlotsTests {
    @Test("the fetcher takes every free slot; one given back wakes it with exactly that one")
    func takeAndRelease() async {
        let slots = WorkSlots(capacity: 4)
        #expect(await slots.takeFree() == 4)
        let waiting = Task { await slots.takeFree() }
        slots.release()
        #expect(await waiting.value == 1)
        slots.release(2)
        #expect(await slots.takeFree() == 2)
    }

    @Test("closing wakes a waiting fetcher with nothing, and every later take answers nothing")
    func close() async {
        let slots = WorkSlots(capacity: 2)
        #expect(await slots.takeFree() == 2)
        let waiting = Task { await slots.takeFree() }
        slots.close()
        #expect(await waiting.value == 0)
        slots.release(2)
        #expect(await slots.takeFree() == 0)
    }

    @Test("the drain at shutdown: all slots back answers true, a deadline passing first answers false")
    func drain() async {
        let slots = WorkSlots(capacity: 3)
        _ = await slots.takeFree()
        slots.release(2)
        let finishing = WorkSlots(capacity: 1)
        #expect(finishing.tryTake())
        #expect(await QueueConsumer.waitUntilAllFree([slots, finishing], deadline: .now + .milliseconds(100)) == false)
        slots.release()
        #expect(await QueueConsumer.waitUntilAllFree([slots, finishing], deadline: .now + .milliseconds(100)) == false,
                "the finishing slot is still out")
        let draining = Task { await QueueConsumer.waitUntilAllFree([slots, finishing], deadline: .now + .seconds(60)) }
        finishing.release()
        #expect(await draining.value, "both pools are back")
    }

    @Test("a call takes one slot without waiting while one is free, none once all are taken or the slots are closed")
    func tryTake() async {
        let slots = WorkSlots(capacity: 2)
        #expect(slots.tryTake() && slots.tryTake())
        #expect(!slots.tryTake())
        slots.release()
        #expect(await slots.takeFree() == 1, "a slot taken alone counts like any other")
        slots.release()
        slots.close()
        #expect(!slots.tryTake())
    }

    @Test("in-flight entries: all of them beat the heartbeat; only those in their attempt hold a slot, not those claimed ahead or saving")
    func inFlightEntries() {
        let inFlight = InFlightEntries()
        let (first, second, third) = (QueueEntry(entryID: "1-0", callID: UUID()), QueueEntry(entryID: "2-0", callID: UUID()),
                                      QueueEntry(entryID: "3-0", callID: UUID()))
        for entry in [first, second, third] { inFlight.insertWaiting(entry) }
        #expect(inFlight.count == 3 && inFlight.waiting == 3 && inFlight.attempting == 0)
        inFlight.markStarted(first)
        inFlight.markStarted(second)
        inFlight.markFinishing(first)
        #expect(inFlight.count == 3 && inFlight.waiting == 1 && inFlight.attempting == 1)
        #expect(Set(inFlight.entryIDs) == ["1-0", "2-0", "3-0"])
        inFlight.remove(first)
        inFlight.remove(third)
        #expect(inFlight.count == 1 && inFlight.waiting == 0 && inFlight.attempting == 1)
    }

    @Test("a cancelled fetcher stops waiting at once and answers nothing")
    func cancelled() async {
        let slots = WorkSlots(capacity: 1)
        _ = await slots.takeFree()
        let waiting = Task { await slots.takeFree() }
        waiting.cancel()
        #expect(await waiting.value == 0)
    }
}
