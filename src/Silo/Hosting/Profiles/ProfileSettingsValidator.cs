using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PolicingHub.EventLog.Postgres;

namespace PolicingHub.Silo.Hosting.Profiles;

/// <summary>The profile-dependent checks: each profile's connection strings, Azure names, and the membership tuning.</summary>
internal static partial class ProfileSettingsValidator
{
    public static IEnumerable<string> Validate(ProfileSettings settings)
    {
        if (settings.Profile is StoreProfile.Cluster or StoreProfile.Azure)
        {
            if (PostgresConnectionStrings.Problem(settings.Postgres.ConnectionString) is { } problem)
            {
                yield return $"the {settings.Profile} profile needs PostgreSQL: {PostgresStoreOptions.SectionName}:ConnectionString {problem}";
            }
            foreach (var failure in Membership(settings.Membership))
            {
                yield return failure;
            }
        }
        if (settings.Profile == StoreProfile.Azure)
        {
            foreach (var failure in Azure(settings.Azure))
            {
                yield return failure;
            }
        }
    }

    private static IEnumerable<string> Azure(AzureStoreOptions azure)
    {
        const string prefix = AzureStoreOptions.SectionName;
        if (string.IsNullOrWhiteSpace(azure.StorageConnectionString))
        {
            yield return $"the Azure profile needs a storage account: set {prefix}:StorageConnectionString (UseDevelopmentStorage=true for Azurite on its default ports)";
        }
        else if (ParseProblem(azure.StorageConnectionString) is { } problem)
        {
            yield return $"{prefix}:StorageConnectionString {problem}";
        }
        if (!ContainerName().IsMatch(azure.GrainStateContainer))
        {
            yield return $"{prefix}:GrainStateContainer must be 3-63 lower-case letters, digits and single hyphens, not '{azure.GrainStateContainer}'";
        }
        foreach (var (key, value) in new[] { ("MembershipTable", azure.MembershipTable), ("RemindersTable", azure.RemindersTable) })
        {
            if (!TableName().IsMatch(value))
            {
                yield return $"{prefix}:{key} must be 3-63 letters and digits starting with a letter, not '{value}'";
            }
        }
    }

    private static string? ParseProblem(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            _ = new TableServiceClient(connectionString);
            return null;
        }
        catch (Exception bad) when (bad is FormatException or ArgumentException or InvalidOperationException)
        {
            return "is not a storage connection string with blob and table endpoints";
        }
    }

    private static IEnumerable<string> Membership(MembershipTuningOptions membership)
    {
        const string prefix = MembershipTuningOptions.SectionName;
        if (!membership.Tuned)
        {
            yield break;
        }
        foreach (var (key, value) in new[]
        {
            ("ProbeTimeout", membership.ProbeTimeout), ("DeathVoteExpirationTimeout", membership.DeathVoteExpirationTimeout),
            ("IAmAliveTablePublishTimeout", membership.IAmAliveTablePublishTimeout), ("TableRefreshTimeout", membership.TableRefreshTimeout),
        })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(10))
            {
                yield return $"{prefix}:{key} must be more than 0 and at most 00:10:00, not {value}";
            }
        }
        if (membership.NumMissedProbesLimit is < 1 or > 10)
        {
            yield return $"{prefix}:NumMissedProbesLimit must be between 1 and 10, not {membership.NumMissedProbesLimit}";
        }
        if (membership.NumVotesForDeathDeclaration is < 1 or > 10)
        {
            yield return $"{prefix}:NumVotesForDeathDeclaration must be between 1 and 10, not {membership.NumVotesForDeathDeclaration}";
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
