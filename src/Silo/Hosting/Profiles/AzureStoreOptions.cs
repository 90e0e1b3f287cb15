namespace PolicingHub.Silo.Hosting.Profiles;

/// <summary>PolicingHub:Azure — the storage account of the azure profile: membership and reminders in its tables, grain state in a blob container.</summary>
public sealed class AzureStoreOptions
{
    public const string SectionName = "PolicingHub:Azure";

    /// <summary>
    /// An Azure Storage connection string with blob and table endpoints, e.g. <c>UseDevelopmentStorage=true</c> or, for
    /// Azurite on other ports, <c>DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=…;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;</c>.
    /// </summary>
    public string StorageConnectionString { get; set; } = "";

    /// <summary>The blob container grain state goes in (created when missing).</summary>
    public string GrainStateContainer { get; set; } = "policinghub-grainstate";

    /// <summary>The table membership goes in (created when missing).</summary>
    public string MembershipTable { get; set; } = "PolicingHubMembership";

    /// <summary>The table reminders go in (created when missing).</summary>
    public string RemindersTable { get; set; } = "PolicingHubReminders";
}
