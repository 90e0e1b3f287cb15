namespace PolicingHub.Runtime.Tests.Grains;

public sealed class AgreementRuleException(string message) : Exception(message);

public interface IFailingGrain : IGrainWithStringKey
{
    Task Throw(string message);

    Task ThrowRule(string message);

    Task<int> Answer();
}

public sealed class FailingGrain : Grain, IFailingGrain
{
    public Task Throw(string message) => throw new InvalidOperationException(message);

    public async Task ThrowRule(string message)
    {
        await Task.Yield();
        throw new AgreementRuleException(message);
    }

    public Task<int> Answer() => Task.FromResult(42);
}
