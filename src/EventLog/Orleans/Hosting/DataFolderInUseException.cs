namespace PolicingHub.EventLog.Orleans;

/// <summary>Another silo holds the embedded data folder. The message is the one-line reason the refused silo prints.</summary>
public sealed class DataFolderInUseException(string message, Exception inner) : InvalidOperationException(message, inner);
