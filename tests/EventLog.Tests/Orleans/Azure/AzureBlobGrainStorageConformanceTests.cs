using Azure.Storage.Blobs;
using Orleans.Configuration;
using Orleans.Hosting;

namespace PolicingHub.EventLog.Tests.Orleans.Azure;

/// <summary>
/// The grain storage suite on the azure profile's grain storage: Microsoft.Orleans.Persistence.AzureStorage on Azure
/// Blob (Azurite), a container of its own per test. State lands in a blob, a stale ETag is refused with
/// InconsistentStateException, and a restarted silo reads the state back.
/// </summary>
public sealed class AzureBlobGrainStorageConformanceTests : GrainStorageConformanceTests
{
    private readonly string _container = AzuriteAccount.NewContainerName("grainstate");

    protected override void AddDefaultStorage(ISiloBuilder silo) => silo.AddAzureBlobGrainStorageAsDefault((AzureBlobStorageOptions o) =>
    {
        o.BlobServiceClient = new BlobServiceClient(AzuriteAccount.ConnectionString);
        o.ContainerName = _container;
    });

    [Fact]
    public async Task A_written_state_is_one_blob_in_the_container()
    {
        await Storage.WriteStateAsync("test-state", global::Orleans.Runtime.GrainId.Create("note", "in-a-blob"),
            new global::Orleans.GrainState<NoteState> { State = new NoteState { Text = "in a blob" } });

        var container = new BlobServiceClient(AzuriteAccount.ConnectionString).GetBlobContainerClient(_container);
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        var name = Assert.Single(blobs);
        Assert.Contains("in-a-blob", name, StringComparison.Ordinal);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await new BlobServiceClient(AzuriteAccount.ConnectionString).GetBlobContainerClient(_container).DeleteIfExistsAsync();
    }
}
