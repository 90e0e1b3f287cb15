using Microsoft.Extensions.Logging;

namespace PolicingHub.Silo.Hosting;

/// <summary>The host's log messages (event ids 2300–2399).</summary>
internal static partial class SiloLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Silo starting with the {Profile} store profile")]
    public static partial void Starting(ILogger logger, StoreProfile profile);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Demo data: {Created} items created, {Skipped} already present")]
    public static partial void DemoSeeded(ILogger logger, int created, int skipped);
}
