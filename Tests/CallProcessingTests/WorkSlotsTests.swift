import CallAuditRuntime
import Testing

@testable import CallProcessing

@Suite("Slots of work in flight: taken all at once, given back one by one, closed on shutdown")
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
        #expect(await QueueConsumer.waitUntilAllFree(slots, deadline: .now + .milliseconds(100)) == false)
        let draining = Task { await QueueConsumer.waitUntilAllFree(slots, deadline: .now + .seconds(60)) }
        slots.release()
        #expect(await draining.value)
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
