namespace PolicingHub.Testing;

/// <summary>
/// Azurite's development account as scripts/test.sh starts it (marker file <c>needs-azurite</c>: blob endpoint in
/// <see cref="BlobVariable"/>, table endpoint in <see cref="TableVariable"/>), and names unique to one test, so tests
/// share the servers without sharing containers or tables.
/// </summary>
public static class AzuriteAccount
{
    public const string BlobVariable = "POLICINGHUB_TEST_AZURITE";
    public const string TableVariable = "POLICINGHUB_TEST_AZURITE_TABLE";

    /// <summary>Azurite's well-known development account key (public; it opens nothing but a local emulator).</summary>
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A storage connection string with both endpoints; throws with what to do when they are not set.</summary>
    public static string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
        $"BlobEndpoint={Endpoint(BlobVariable)};TableEndpoint={Endpoint(TableVariable)};";

    /// <summary>A blob container name no other test uses (lower-case letters and digits).</summary>
    public static string NewContainerName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 32)];

    /// <summary>A table name no other test uses (letters and digits, starting with a letter).</summary>
    public static string NewTableName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 32)];

    private static string Endpoint(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run the suite through scripts/test.sh (it starts azurite-blob and azurite-table), or point it at a running Azurite.");
}
