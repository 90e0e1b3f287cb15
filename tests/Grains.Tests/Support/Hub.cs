using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>
/// One test's own corner of the shared <see cref="DomainSilo"/>: agency codes and ids numbered for this test (so tests
/// sharing a silo never meet), the grains behind them (this file), the commands with sensible defaults
/// (Hub.Commands.cs) and what the log holds for them (Hub.Log.cs).
/// </summary>
public sealed partial class Hub
{
    private readonly DomainSilo _silo;
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    internal Hub(DomainSilo silo, int number)
    {
        _silo = silo;
        Number = number;
        Knpa = Numbered("KR-KNPA");
        Npa = Numbered("JP-NPA");
        Rcmp = Numbered("CA-RCMP");
        KrJp = Key("MOU-KR-JP");
        Trilateral = Key("MOU-HUB");
    }

    public int Number { get; }

    /// <summary>The Korean National Police Agency of this test, e.g. KR-KNPA7.</summary>
    public string Knpa { get; }

    /// <summary>The National Police Agency of Japan of this test, e.g. JP-NPA7.</summary>
    public string Npa { get; }

    /// <summary>The Royal Canadian Mounted Police of this test, e.g. CA-RCMP7.</summary>
    public string Rcmp { get; }

    /// <summary>The KR–JP memorandum of this test, e.g. MOU-KR-JP-S7.</summary>
    public string KrJp { get; }

    /// <summary>The trilateral agreement of this test (KR, JP, CA), e.g. MOU-HUB-S7.</summary>
    public string Trilateral { get; }

    public DomainSilo Silo => _silo;

    public DateTimeOffset Now => _silo.Now;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public static AgencyCode Code(string code) => AgencyCode.Parse(code);

    /// <summary>An agency code of this test: "US-FBI" → "US-FBI7".</summary>
    public string Numbered(string code) => Own(code + Number);

    /// <summary>An agreement or task id of this test: "T-1" → "T-1-S7".</summary>
    public string Key(string name) => Own($"{name}-S{Number}");

    public IAgencyGrain Agency(string code) => _silo.Grains.GetGrain<IAgencyGrain>(code);

    public IAgreementGrain Agreement(string id) => _silo.Grains.GetGrain<IAgreementGrain>(id);

    public ICooperationTaskGrain Task(string id) => _silo.Grains.GetGrain<ICooperationTaskGrain>(id);

    /// <inheritdoc cref="DomainSilo.Advance"/>
    public System.Threading.Tasks.Task Advance(TimeSpan by) => _silo.Advance(by);

    private string Own(string key)
    {
        lock (_keys)
        {
            _keys.Add(key);
        }
        return key;
    }

    private bool IsOwn(string stream)
    {
        var key = stream[(stream.IndexOf('/', StringComparison.Ordinal) + 1)..];
        lock (_keys)
        {
            return _keys.Contains(key);
        }
    }
}
