import Foundation

/// One environment variable a service reads: its name, its default as a person would write it, and what it does.
/// A service's list of them is its `--help`.
public struct ConfigurationSetting: Sendable {
    /// The variable's name.
    public let name: String
    /// The default, as text (`unset` when there is none).
    public let defaultValue: String
    /// What it does.
    public let meaning: String

    /// Creates a setting.
    public init(_ name: String, _ defaultValue: String, _ meaning: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.meaning = meaning
    }
}

extension Array where Element == ConfigurationSetting {
    /// The settings as the help text's table: one line each, names aligned.
    public var help: String {
        let width = (map(\.name.count).max() ?? 0) + 2
        let lines = map { setting in
            setting.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + "\(setting.meaning) (default: \(setting.defaultValue))"
        }
        return "Configuration comes from the environment; a .env file in the working directory is read when present.\n\n"
            + lines.joined(separator: "\n")
    }
}
