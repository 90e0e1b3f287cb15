using System.Text.Json;

namespace PolicingHub.EventLog;

/// <summary>An event to append: its stable type name and its data (a JSON value, usually an object).</summary>
public sealed record NewEvent(string Type, JsonElement Data);
