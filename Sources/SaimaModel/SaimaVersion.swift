/// The version of Saima recorded in manifests and reports.
public enum SaimaVersion {
    public static let current = "0.1.0"
}
