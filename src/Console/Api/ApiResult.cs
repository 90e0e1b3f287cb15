namespace PolicingHub.Console.Api;

/// <summary>The value the hub answered with, or its <see cref="ApiProblem"/>.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;
}
