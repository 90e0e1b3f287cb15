using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using Orleans.Reminders.AzureStorage;

namespace PolicingHub.Silo.Hosting.Profiles;

/// <summary>
/// Azure: membership and reminders in Azure Table storage, grain state in Azure Blob storage
/// (Microsoft.Orleans.Persistence.AzureStorage: one blob per state, ETag compare-and-swap), and the event log on
/// PostgreSQL (added by <see cref="StoreProfiles.AddEventLog"/>). Azurite serves both for development and tests.
/// </summary>
internal static class AzureStoreProfile
{
    public static ISiloBuilder UseAzureProfile(this ISiloBuilder silo, ProfileSettings settings)
    {
        var azure = settings.Azure;
        silo.UseClusterEndpoints(settings.Silo.Orleans);
        silo.UseAzureStorageClustering((AzureStorageClusteringOptions o) =>
        {
            o.TableServiceClient = new TableServiceClient(azure.StorageConnectionString);
            o.TableName = azure.MembershipTable;
        });
        silo.UseAzureTableReminderService((AzureTableReminderStorageOptions o) =>
        {
            o.TableServiceClient = new TableServiceClient(azure.StorageConnectionString);
            o.TableName = azure.RemindersTable;
        });
        silo.AddAzureBlobGrainStorageAsDefault((AzureBlobStorageOptions o) =>
        {
            o.BlobServiceClient = new BlobServiceClient(azure.StorageConnectionString);
            o.ContainerName = azure.GrainStateContainer;
        });
        silo.UseTunedMembership(settings.Membership);
        silo.UseSharedAuditKey(settings.Silo);
        return silo;
    }
}
