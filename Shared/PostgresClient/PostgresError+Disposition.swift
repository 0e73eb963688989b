import FailurePolicy

extension PostgresError {
    /// A value the server cannot take (class 22, data exception) or a row that breaks a constraint (class 23) fails
    /// again with the same input; anything else (a lost connection, a timeout, a restart) may go through later.
    public var disposition: FailureDisposition {
        isDataException || isConstraintViolation ? .permanent : .retry(after: nil)
    }
}
