using System.Text.Json;
using PolicingHub.EventLog;
using PolicingHub.Grains.Audit.Events;
using PolicingHub.Grains.EventSourcing;

namespace PolicingHub.Grains.Audit;

/// <summary>The newest checkpoint as JSON in one file, replaced atomically (write a temp file, then rename over it).</summary>
public sealed class FileAuditCheckpointStore(string path) : IAuditCheckpointStore
{
    public AuditSealed? Last()
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<AuditSealed>(File.ReadAllText(path), DomainEvents.Json);
        }
        catch (JsonException ex)
        {
            throw new EventLogException($"the audit checkpoint file '{path}' is not readable: {ex.Message}", outcomeUnknown: false, ex);
        }
    }

    public void Keep(AuditSealed checkpoint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(checkpoint, DomainEvents.Json));
        File.Move(temp, path, overwrite: true);
    }
}
