using Microsoft.AspNetCore.Components;
using PolicingHub.Console.Api;
using PolicingHub.Console.Feed;
using PolicingHub.Console.Session;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Console.Shared;

/// <summary>
/// A page that shows current state read over REST and refreshes it when the live feed brings an event it cares about
/// (<see cref="IsRelevant"/>); refreshes coalesce, so a burst of events costs one read. The read models answer
/// read-your-writes, so a refresh after an event shows at least that event's effect.
/// </summary>
public abstract class LiveView : ComponentBase, IDisposable
{
    private bool _loading;
    private bool _again;

    [Inject] protected HubApi Api { get; set; } = null!;

    [Inject] protected LiveFeed Feed { get; set; } = null!;

    [Inject] protected ChangeMarks Marks { get; set; } = null!;

    [Inject] protected ClockDisplay Clock { get; set; } = null!;

    protected ApiProblem? LoadProblem { get; set; }

    protected bool Loaded { get; private set; }

    protected abstract Task<ApiProblem?> LoadAsync();

    protected virtual bool IsRelevant(FeedEvent e) => true;

    protected override async Task OnInitializedAsync()
    {
        Feed.Received += OnReceived;
        Feed.StatusChanged += OnStatusChanged;
        Clock.Changed += OnClockChanged;
        await RefreshAsync();
    }

    protected async Task RefreshAsync()
    {
        if (_loading)
        {
            _again = true;
            return;
        }
        _loading = true;
        try
        {
            do
            {
                _again = false;
                LoadProblem = await LoadAsync();
                Loaded = true;
            }
            while (_again);
        }
        finally
        {
            _loading = false;
        }
        StateHasChanged();
    }

    private void OnReceived(FeedEvent e)
    {
        if (IsRelevant(e))
        {
            _ = InvokeAsync(RefreshAsync);
        }
    }

    /// <summary>After a reconnect the page reads again: what happened while offline is shown even if no event names it.</summary>
    private void OnStatusChanged()
    {
        if (Feed.Status == FeedStatus.Live && Loaded)
        {
            _ = InvokeAsync(RefreshAsync);
        }
    }

    private void OnClockChanged() => _ = InvokeAsync(StateHasChanged);

    public virtual void Dispose()
    {
        Feed.Received -= OnReceived;
        Feed.StatusChanged -= OnStatusChanged;
        Clock.Changed -= OnClockChanged;
        GC.SuppressFinalize(this);
    }
}
