// swift-tools-version: 6.0
import PackageDescription

let strictSwift: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "CallAudit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "callaudit-ingest", targets: ["Ingest"]),
        .executable(name: "callaudit-worker", targets: ["Worker"]),
        .executable(name: "callaudit-analyzer-benchmark", targets: ["AnalyzerBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CHiredis", path: "Shared/CHiredis",
                       providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CLibpq", path: "Shared/CLibpq", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCurl", path: "Shared/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(name: "CoreExtensions", path: "Shared/CoreExtensions", swiftSettings: strictSwift),
        .target(name: "FailurePolicy", path: "Shared/FailurePolicy", swiftSettings: strictSwift),
        .target(name: "BlockingPool", dependencies: [
            .product(name: "NIOPosix", package: "swift-nio"),
        ], path: "Shared/BlockingPool", swiftSettings: strictSwift),
        .target(name: "CallAuditCore", dependencies: [
            "FailurePolicy",
            .product(name: "Logging", package: "swift-log"),
        ], path: "Shared/CallAuditCore", swiftSettings: strictSwift),
        .target(name: "RedisClient", dependencies: [
            "CHiredis", "BlockingPool", "CoreExtensions",
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], path: "Shared/RedisClient", swiftSettings: strictSwift),
        .target(name: "PostgresClient", dependencies: [
            "CLibpq", "BlockingPool", "FailurePolicy",
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], path: "Shared/PostgresClient", swiftSettings: strictSwift),
        .target(name: "CurlHTTP", dependencies: [
            "CCurl", "CoreExtensions", "FailurePolicy",
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], path: "Shared/CurlHTTP", swiftSettings: strictSwift),
        .target(name: "OfflineAnalyzer", dependencies: ["CallAuditCore"],
                path: "Shared/OfflineAnalyzer", swiftSettings: strictSwift),
        .target(name: "Audio", path: "Shared/Audio", swiftSettings: strictSwift),
        .target(name: "Telemetry", dependencies: [
            "CallAuditCore", "CoreExtensions",
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ], path: "Shared/Telemetry", swiftSettings: strictSwift),
        .target(name: "Providers", dependencies: [
            "Audio", "CallAuditCore", "CoreExtensions", "CurlHTTP", "FailurePolicy", "OfflineAnalyzer", "Telemetry",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ], path: "Shared/Providers", swiftSettings: strictSwift),
        .target(name: "CallStore", dependencies: ["CallAuditCore", "CoreExtensions", "FailurePolicy", "PostgresClient"],
                path: "Shared/CallStore", swiftSettings: strictSwift),
        .target(name: "CallQueue", dependencies: [
            "CallAuditCore", "RedisClient", "CoreExtensions", "FailurePolicy",
            .product(name: "Logging", package: "swift-log"),
        ], path: "Shared/CallQueue", swiftSettings: strictSwift),

        .target(name: "CallAuditRuntime", dependencies: [
            "CallAuditCore", "CurlHTTP", "RedisClient", "PostgresClient", "CallStore", "CallQueue", "Providers", "Telemetry",
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], path: "Shared/CallAuditRuntime", swiftSettings: strictSwift),

        .target(name: "Realtime", dependencies: [
            "CallAuditCore", "FailurePolicy",
            .product(name: "DequeModule", package: "swift-collections"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "WSClient", package: "swift-websocket"),
        ], path: "Shared/Realtime", swiftSettings: strictSwift),

        .target(name: "Dashboard", dependencies: [
            "CallAuditCore", "CallQueue", "CallStore", "Providers",
            .product(name: "Mustache", package: "swift-mustache"),
        ], path: "Shared/Dashboard", swiftSettings: strictSwift),
        .target(name: "CallAuditAPI", dependencies: [
            "Audio", "CallAuditCore", "CallAuditRuntime", "CallQueue", "CallStore", "CoreExtensions", "CurlHTTP", "Dashboard",
            "Providers", "Realtime", "RedisClient", "Telemetry",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOWebSocket", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Yams", package: "Yams"),
        ], path: "Shared/CallAuditAPI", swiftSettings: strictSwift),
        .target(name: "CallProcessing", dependencies: [
            "Audio", "CallAuditCore", "CallAuditRuntime", "CallStore", "CallQueue", "CoreExtensions", "CurlHTTP",
            "FailurePolicy", "OfflineAnalyzer", "Providers", "Telemetry",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], path: "Shared/CallProcessing", swiftSettings: strictSwift),

        .target(name: "Callbacks", dependencies: [
            "CallAuditCore", "CallAuditRuntime", "CallStore", "CoreExtensions", "CurlHTTP", "FailurePolicy", "Telemetry",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], path: "Shared/Callbacks", swiftSettings: strictSwift),

        .executableTarget(name: "Ingest", dependencies: [
            "CallAuditAPI", "CallAuditCore", "CallAuditRuntime", "CurlHTTP", "Dashboard", "Providers", "Telemetry",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], path: "Services/Ingest", swiftSettings: strictSwift),
        .executableTarget(name: "Worker", dependencies: [
            "CallAuditCore", "CallAuditRuntime", "CallProcessing", "Callbacks", "CurlHTTP", "Providers", "Telemetry",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ], path: "Services/Worker", swiftSettings: strictSwift),
        .executableTarget(name: "AnalyzerBenchmark", dependencies: ["CallAuditCore", "OfflineAnalyzer"],
                          path: "Benchmarks/AnalyzerBenchmark", swiftSettings: strictSwift),

        .target(name: "TestSupport", dependencies: [
            "CallAuditCore", "CallAuditRuntime", "CallStore", "PostgresClient", "RedisClient",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], path: "Tests/TestSupport", swiftSettings: strictSwift),
        .testTarget(name: "CallAuditCoreTests", dependencies: ["CallAuditCore"], swiftSettings: strictSwift),
        .testTarget(name: "BlockingPoolTests", dependencies: [
            "BlockingPool", "TestSupport", .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: strictSwift),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry", "CallAuditCore"], swiftSettings: strictSwift),
        .testTarget(name: "RedisClientTests", dependencies: ["RedisClient"], swiftSettings: strictSwift),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient"], swiftSettings: strictSwift),
        .testTarget(name: "CurlHTTPTests", dependencies: [
            "CurlHTTP", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: strictSwift),
        .testTarget(name: "OfflineAnalyzerTests", dependencies: ["OfflineAnalyzer"], swiftSettings: strictSwift),
        .testTarget(name: "AudioTests", dependencies: ["Audio", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "RealtimeTests", dependencies: [
            "Realtime", "CallAuditCore", "TestSupport",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictSwift),
        .testTarget(name: "FailurePolicyTests", dependencies: ["CoreExtensions", "FailurePolicy"], swiftSettings: strictSwift),
        .testTarget(name: "ProvidersTests", dependencies: [
            "Audio", "Providers", "TestSupport", "CallAuditCore", "CallAuditRuntime", "CallStore", "CurlHTTP",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: strictSwift),
        .testTarget(name: "CallStoreTests", dependencies: ["CallStore", "TestSupport"],
                    swiftSettings: strictSwift),
        .testTarget(name: "CallProcessingTests", dependencies: [
            "Audio", "CallAuditCore", "CallAuditRuntime", "CallProcessing", "CallQueue", "CallStore", "CurlHTTP",
            "FailurePolicy", "Providers", "TestSupport",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictSwift),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "CallAuditCore", "CallStore"],
                    swiftSettings: strictSwift),
        .testTarget(name: "CallQueueTests", dependencies: ["CallQueue", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "CallAuditAPITests", dependencies: [
            "CallAuditAPI", "CoreExtensions", "Dashboard", "OfflineAnalyzer", "PostgresClient", "Providers", "RedisClient",
            "Telemetry", "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strictSwift),
        .testTarget(name: "CallbacksTests", dependencies: [
            "CallAuditCore", "CallAuditRuntime", "CallStore", "Callbacks", "CoreExtensions", "CurlHTTP", "FailurePolicy",
            "PostgresClient", "TestSupport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: strictSwift),
        .testTarget(name: "EndToEndTests", dependencies: [
            "Audio", "Callbacks", "TestSupport", "CurlHTTP", "CallAuditCore", "RedisClient", "PostgresClient", "Providers",
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOWebSocket", package: "swift-nio"),
            .product(name: "WSClient", package: "swift-websocket"),
        ], swiftSettings: strictSwift),
    ]
)
