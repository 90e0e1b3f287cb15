namespace PolicingHub.EventLog.Orleans;

/// <summary>
/// The table and the named queries Orleans' ADO.NET grain storage needs on SQLite (the embedded
/// <c>Orleans/Sql/SqlitePersistence.sql</c>), applied idempotently.
/// </summary>
public static class SqliteGrainStorageSchema
{
    /// <summary>The ADO.NET invariant Orleans 10.4.2 maps to Microsoft.Data.Sqlite.</summary>
    /// <remarks>Orleans keeps the historical name: its provider table maps "System.Data.SQLite" to
    /// <c>Microsoft.Data.Sqlite.SqliteFactory</c>; "Microsoft.Data.Sqlite" is not a key there.</remarks>
    public const string Invariant = "System.Data.SQLite";

    private const string ResourceName = "PolicingHub.EventLog.Orleans.Sql.SqlitePersistence.sql";

    private static readonly Lazy<string> Script = new(ReadScript);

    /// <summary>The connection string the SQLite grain storage uses for <paramref name="path"/>.</summary>
    public static string ConnectionString(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return SqliteDatabaseFile.ConnectionString(path);
    }

    /// <summary>
    /// Creates the file's folder and the file, switches it to WAL, then creates the storage table and (re)writes the
    /// provider's queries. Safe to run on every start and from several callers.
    /// </summary>
    public static Task EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return SqliteDatabaseFile.EnsureSchemaAsync(connectionString, Script.Value, cancellationToken);
    }

    private static string ReadScript()
    {
        using var stream = typeof(SqliteGrainStorageSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(SqliteGrainStorageSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
