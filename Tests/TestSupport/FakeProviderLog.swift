/// What ``FakeProviderServer`` received, and the answers scripted for it.
actor FakeProviderLog {
    var requests: [RecordedRequest] = []
    var scripts: [(pathSuffix: String, responses: [FakeResponse])] = []
    var files: [String: [UInt8]] = [:]
    var delays: [(pathSuffix: String, delay: Duration)] = []

    func slowDown(_ pathSuffix: String, by delay: Duration) {
        delays.append((pathSuffix, delay))
    }

    func delay(for path: String) -> Duration {
        delays.first { path.hasSuffix($0.pathSuffix) }?.delay ?? .zero
    }

    func serve(_ path: String, _ bytes: [UInt8]) {
        files[path] = bytes
    }

    func file(_ path: String) -> [UInt8]? {
        files[path]
    }

    func record(_ request: RecordedRequest) -> FakeResponse? {
        requests.append(request)
        guard let index = scripts.firstIndex(where: { request.path.hasSuffix($0.pathSuffix) && !$0.responses.isEmpty }) else {
            return nil
        }
        return scripts[index].responses.removeFirst()
    }

    func script(_ pathSuffix: String, _ responses: [FakeResponse]) {
        scripts.append((pathSuffix, responses))
    }

    func reset() {
        requests = []
        scripts = []
        delays = []
    }
}
